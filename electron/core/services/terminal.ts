/** The terminal's part of the contract, over the live sessions (terminal/terminal-sessions.ts). */
import type { CoreContext } from '../context';
import type { TerminalRequests } from '../contract';
import type { Service } from '../rpc/service';
import { createTerminalSessions, type TerminalSessionsOptions } from '../terminal/terminal-sessions';

export type TerminalServiceOptions = TerminalSessionsOptions;

export function createTerminalService(
  context: CoreContext,
  options: TerminalServiceOptions = {},
): Service<keyof TerminalRequests> & {
  /** Sessions alive now, for tests and diagnostics. */
  readonly sessionCount: number;
} {
  const sessions = createTerminalSessions(context, options);
  return {
    get sessionCount() {
      return sessions.count;
    },
    handlers: {
      'terminal.create': (params, client) => sessions.create(params, client),
      'terminal.input': ({ id, data }, client) => sessions.owned(id, client).write(data),
      'terminal.ack': ({ id, chars }, client) => sessions.owned(id, client).acknowledge(chars),
      'terminal.resize': ({ id, cols, rows }, client) => sessions.owned(id, client).resize(cols, rows),
      'terminal.kill': ({ id }, client) => sessions.kill(id, client),
      'terminal.restart': async ({ id }, client) => {
        const session = sessions.owned(id, client);
        await session.restart();
        return session.info;
      },
      'terminal.list': (_params, client) => sessions.list(client),
    },
    dispose: () => sessions.dispose(),
  };
}

/**
 * The live terminal sessions. Sessions are keyed by id and belong to the client (window or
 * WebSocket) that created them: only that client may drive them, only it gets their output, and
 * they die when it closes — no orphaned shells. Finished commands go to the command feed (the
 * lesson runner's `command` checks read it) and to the owning client.
 */
import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../context';
import type { RequestParams, TerminalSession } from '../contract';
import { CoreError, messageOf } from '../errors';
import type { Client } from '../rpc/client';
import { explainFailedDockerCommand } from './docker-feedback';
import { PtySession } from './pty-session';
import { SpawnPlanner } from './spawn-plan';

/** Bounds that keep one client from costing much: the UI opens far fewer. */
const MAX_SESSIONS_PER_CLIENT = 20;

interface Owned {
  session: PtySession;
  client: Client;
}

export interface TerminalSessionsOptions {
  /** Test seam for the flow-control limits; the app uses VS Code's. */
  flowLimits?: ConstructorParameters<typeof PtySession>[0]['flowLimits'];
}

export interface TerminalSessions {
  /** Sessions alive now, for tests and diagnostics. */
  readonly count: number;
  create(params: RequestParams<'terminal.create'> | undefined, client: Client): Promise<TerminalSession>;
  /** The client's own session; another client's is reported exactly like a missing one. */
  owned(sessionId: string, client: Client): PtySession;
  kill(sessionId: string, client: Client): void;
  list(client: Client): TerminalSession[];
  dispose(): void;
}

export function createTerminalSessions(context: CoreContext, options: TerminalSessionsOptions = {}): TerminalSessions {
  const sessions = new Map<string, Owned>();
  const planner = new SpawnPlanner(context);

  const owned = (sessionId: string, client: Client) => ownedSession(sessions, sessionId, client);
  const end = (sessionId: string, session: PtySession) => {
    sessions.delete(sessionId);
    endSession(context, planner, sessionId, session);
  };

  function killAll(client: Client): void {
    for (const [sessionId, entry] of sessions) {
      if (entry.client !== client) continue;
      end(sessionId, entry.session);
    }
  }
  const watchedClients = new WeakSet<Client>();

  async function create(params: RequestParams<'terminal.create'> | undefined, client: Client): Promise<TerminalSession> {
    const input = params ?? {};
    const mine = [...sessions.values()].filter((e) => e.client === client).length;
    if (mine >= MAX_SESSIONS_PER_CLIENT) {
      throw new CoreError('TERMINAL_LIMIT', `This window already has ${mine} terminals; close one first.`);
    }
    const sessionId = `t-${randomUUID()}`;
    const lessonId = input.lessonId ?? null;
    const session: PtySession = new PtySession({
      id: sessionId,
      lessonId,
      cols: input.cols ?? 80,
      rows: input.rows ?? 24,
      plan: () => planner.plan(sessionId, lessonId),
      flowLimits: options.flowLimits,
      callbacks: sessionCallbacks(context, client, sessionId, () => session.info),
    });
    sessions.set(sessionId, { session, client });
    if (!watchedClients.has(client)) {
      watchedClients.add(client);
      client.onClose(() => killAll(client));
    }
    try {
      await session.start();
    } catch (error) {
      sessions.delete(sessionId);
      session.dispose();
      planner.close(sessionId);
      throw new CoreError('TERMINAL_SPAWN_FAILED', `Could not start a shell: ${messageOf(error)}`);
    }
    // The client may have gone while the shell started: its close already ran.
    if (!sessions.has(sessionId)) {
      planner.close(sessionId);
      throw new CoreError('TERMINAL_NOT_FOUND', 'The window closed while its terminal started.');
    }
    return session.info;
  }

  return {
    get count() {
      return sessions.size;
    },
    create,
    owned,
    kill(sessionId, client) {
      end(sessionId, owned(sessionId, client));
    },
    list: (client) => [...sessions.values()].filter((entry) => entry.client === client).map((entry) => entry.session.info),
    dispose() {
      for (const { session } of sessions.values()) session.dispose();
      sessions.clear();
      planner.dispose();
    },
  };
}

/** Where a session's output, exit and commands go: to its own client, and commands to the feed. */
function sessionCallbacks(
  context: CoreContext,
  client: Client,
  sessionId: string,
  info: () => TerminalSession,
): ConstructorParameters<typeof PtySession>[0]['callbacks'] {
  return {
    data: (data) => client.emit('terminal.data', { id: sessionId, data }),
    exit: (exitCode, signal) => {
      context.commands.ended(sessionId);
      client.emit('terminal.exit', { id: sessionId, exitCode, signal });
    },
    started: () => client.emit('terminal.started', info()),
    commandStarted: () => context.commands.started(sessionId),
    command: (tracked) => {
      const { outputTail, ...command } = tracked;
      context.commands.publish({ sessionId, ...command });
      client.emit('terminal.commandFinished', {
        sessionId,
        ...command,
        feedback: explainFailedDockerCommand(command.line, command.exitCode, outputTail),
      });
    },
  };
}

function ownedSession(sessions: Map<string, Owned>, sessionId: string, client: Client): PtySession {
  const entry = sessions.get(sessionId);
  // Another client's session is reported exactly like a missing one: ids are not secrets, but
  // nothing about someone else's terminal leaks.
  if (!entry || entry.client !== client) throw new CoreError('TERMINAL_NOT_FOUND', `There is no terminal ${sessionId}.`);
  return entry.session;
}

/** The session is over: end its shell and its engine proxy, and tell the command feed. */
function endSession(context: CoreContext, planner: SpawnPlanner, sessionId: string, session: PtySession): void {
  context.commands.ended(sessionId);
  session.dispose();
  planner.close(sessionId);
}

/**
 * A real terminal service over a real pty and shell, with a test client standing in for a
 * window: it records every event and, like the renderer, acknowledges output as it "renders" it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext } from '../../../electron/core/context';
import type { EventName, Events, RequestName, TerminalCommand, TerminalSession } from '../../../electron/core/contract';
import { callHandler, type Handler } from '../../../electron/core/rpc/dispatch';
import { EngineConnection } from '../../../electron/core/engine/connection';
import { resolveEndpoint } from '../../../electron/core/engine/endpoint';
import { EngineEventStream } from '../../../electron/core/engine/events';
import { BaseClient } from '../../../electron/core/rpc/client';
import { ClientHub } from '../../../electron/core/rpc/hub';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { CommandFeed } from '../../../electron/core/terminal/command-feed';
import { TerminalLedger } from '../../../electron/core/engine-proxy/terminal-ledger';
import { createTerminalService } from '../../../electron/core/services/terminal';
import { ContainerIndex } from '../../../electron/core/engine/container-index';

export class TestClient extends BaseClient {
  readonly events: Array<{ event: EventName; payload: unknown }> = [];
  /** Output per session, as the pane would show it. */
  readonly output = new Map<string, string>();
  private waiters: Array<() => void> = [];
  /** Set to false to behave like a renderer that stopped acknowledging. */
  acking = true;
  ack: ((id: string, chars: number) => void) | null = null;

  protected send<E extends EventName>(event: E, payload: Events[E]): void {
    this.events.push({ event, payload });
    if (event === 'terminal.data') {
      const { id, data } = payload as Events['terminal.data'];
      this.output.set(id, (this.output.get(id) ?? '') + data);
      if (this.acking) this.ack?.(id, data.length);
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  commands(sessionId?: string): TerminalCommand[] {
    return this.events
      .filter((e) => e.event === 'terminal.commandFinished')
      .map((e) => e.payload as TerminalCommand)
      .filter((c) => sessionId === undefined || c.sessionId === sessionId);
  }

  /** Resolves once `predicate` holds (checked after every event), or fails after `timeoutMs`. */
  async until<T>(what: string, predicate: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for ${what}; output so far:\n${[...this.output.values()].join('\n---\n').slice(-2000)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export interface Harness {
  context: CoreContext;
  service: ReturnType<typeof createTerminalService>;
  dataDir: string;
  client(): TestClient;
  create(client: TestClient, params?: { lessonId?: string; cols?: number; rows?: number }): Promise<TerminalSession>;
  call(name: string, params: unknown, client: TestClient): Promise<unknown>;
  dispose(): Promise<void>;
}

export async function startHarness(
  options: { env?: Record<string, string | undefined>; workspacesDir?: string; connect?: boolean } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-terminal-test-'));
  const homeDir = mkdtempSync(join(tmpdir(), 'dockside-terminal-home-'));
  const env = { ...process.env, HOME: homeDir, ...options.env };
  const settings = new SettingsStore(dataDir);
  const engine = new EngineConnection({
    resolve: () => resolveEndpoint({ env, homeDir, chosen: settings.get().chosenEndpoint }),
    platform: process.platform,
  });
  const events = new EngineEventStream(engine);
  const context: CoreContext = {
    paths: {
      dataDir,
      lessonsDir: join(dataDir, 'lessons'),
      workspacesDir: options.workspacesDir ?? join(dataDir, 'workspaces'),
      homeDir,
    },
    env,
    platform: process.platform,
    version: 'test',
    engine,
    events,
    containers: new ContainerIndex(events),
    hub: new ClientHub(),
    settings,
    commands: new CommandFeed(),
    ledger: new TerminalLedger(),
  };
  if (options.connect !== false) await engine.start();
  const service = createTerminalService(context);
  const handlers = service.handlers as Record<string, Handler<RequestName>>;
  const clients: TestClient[] = [];
  const call = (name: string, params: unknown, client: TestClient) =>
    // Through the same validation dispatch applies, as a request from a window would go.
    Promise.resolve().then(() => callHandler(handlers[name]!, name as RequestName, params, client));
  let n = 0;
  return {
    context,
    service,
    dataDir,
    client() {
      const client = new TestClient(`test-${++n}`);
      client.ack = (id, chars) => void call('terminal.ack', { id, chars }, client).catch(() => undefined);
      clients.push(client);
      return client;
    },
    create: (client, params = {}) => call('terminal.create', params, client) as Promise<TerminalSession>,
    call,
    async dispose() {
      for (const client of clients) client.close();
      await service.dispose?.();
      events.dispose();
      engine.stop();
      await settings.flush();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(homeDir, { recursive: true, force: true });
    },
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

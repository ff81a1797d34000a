/**
 * A core context without the app around it: the engine connection, the one events stream, the
 * command feed, a hub with no clients. `lessons:check`, the bench and engine tests use it to run
 * lessons exactly as the app does, without windows or other services.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext } from '../context';
import { EngineConnection } from '../engine/connection';
import { resolveEndpoint } from '../engine/endpoint';
import { EngineEventStream } from '../engine/events';
import { ContainerIndex } from '../engine/container-index';
import { ClientHub } from '../rpc/hub';
import { SettingsStore } from '../settings/settings-store';
import { CommandFeed } from '../terminal/command-feed';
import { TerminalLedger, forgetRemovedVolumes } from '../engine-proxy/terminal-ledger';

export interface StandaloneOptions {
  dataDir: string;
  lessonsDir: string;
  env?: Record<string, string | undefined>;
  engineTiming?: { retryMs?: number; healthMs?: number; timeoutMs?: number };
}

export interface Standalone {
  context: CoreContext;
  dispose(): void;
}

export async function createStandaloneContext(options: StandaloneOptions): Promise<Standalone> {
  const env = options.env ?? process.env;
  const homeDir = homedir();
  const settings = new SettingsStore(options.dataDir);
  const engine = new EngineConnection({ resolve: () => resolveEndpoint({ env, homeDir }), ...options.engineTiming });
  const events = new EngineEventStream(engine);
  const containers = new ContainerIndex(events);
  const context: CoreContext = {
    paths: {
      dataDir: options.dataDir,
      lessonsDir: options.lessonsDir,
      workspacesDir: join(options.dataDir, 'workspaces'),
      homeDir,
    },
    env,
    platform: process.platform,
    version: 'standalone',
    engine,
    events,
    containers,
    hub: new ClientHub(),
    settings,
    commands: new CommandFeed(),
    ledger: new TerminalLedger(),
  };
  const unwatchVolumes = forgetRemovedVolumes(context.ledger, events);
  await engine.start();
  // The events stream opens right after the first connect; wait for it so no early event is missed.
  for (let i = 0; i < 100 && !events.isOpen && engine.connected; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    context,
    dispose() {
      unwatchVolumes();
      containers.dispose();
      events.dispose();
      engine.stop();
    },
  };
}

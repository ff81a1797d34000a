/**
 * The shared pieces of core, made once: the settings, the one engine connection (following the
 * learner's chosen endpoint), the one events stream, the container index, the clients and the
 * command feed. The app (app.ts) builds its services on it; `lessons:check`, the bench and the
 * engine tests build the same context without services (authoring/standalone-context.ts).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext, CorePaths } from './context';
import { EngineConnection } from './engine/connection';
import { ContainerIndex } from './engine/container-index';
import { resolveEndpoint } from './engine/endpoint';
import { EngineEventStream } from './engine/events';
import { defaultDataDir } from './paths';
import { ClientHub } from './rpc/hub';
import { SettingsStore } from './settings/settings-store';
import { CommandFeed } from './terminal/command-feed';
import { TerminalLedger, forgetRemovedVolumes } from './engine-proxy/terminal-ledger';

export interface CoreContextOptions {
  env?: Record<string, string | undefined>;
  homeDir?: string;
  platform?: NodeJS.Platform;
  /** Electron passes its userData; elsewhere the XDG data directory (or DOCKSIDE_DATA_DIR). */
  dataDir?: string;
  lessonsDir: string;
  version: string;
  /** Engine retry and health intervals; tests shorten them. */
  engineTiming?: { retryMs?: number; healthMs?: number; timeoutMs?: number };
}

/** The context, its engine connection not started yet; `dispose` stops it and saves the settings. */
export function createCoreContext(options: CoreContextOptions): { context: CoreContext; dispose: () => Promise<void> } {
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? homedir();
  const platform = options.platform ?? process.platform;
  const dataDir = options.dataDir ?? defaultDataDir(env, homeDir, platform);
  const paths: CorePaths = { dataDir, lessonsDir: options.lessonsDir, workspacesDir: join(dataDir, 'workspaces'), homeDir };

  const settings = new SettingsStore(dataDir);
  const engine = new EngineConnection({
    resolve: () => resolveEndpoint({ env, homeDir, platform, chosen: settings.get().chosenEndpoint }),
    platform,
    ...options.engineTiming,
  });
  const events = new EngineEventStream(engine);
  const containers = new ContainerIndex(events);
  const context: CoreContext = {
    paths,
    env,
    platform,
    version: options.version,
    engine,
    events,
    containers,
    hub: new ClientHub(),
    settings,
    commands: new CommandFeed(),
    ledger: new TerminalLedger(),
  };
  const unwatchVolumes = forgetRemovedVolumes(context.ledger, events);
  return {
    context,
    dispose: async () => {
      unwatchVolumes();
      containers.dispose();
      events.dispose();
      engine.stop();
      await settings.flush();
    },
  };
}

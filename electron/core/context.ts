/**
 * What every core service is given: where things live, and the shared pieces (the one engine
 * connection, the one events stream, the clients, the settings). Wired by hand in `app.ts`.
 */
import type { ContainerIndex } from './engine/container-index';
import type { EngineConnection } from './engine/connection';
import type { EngineEventStream } from './engine/events';
import type { ClientHub } from './rpc/hub';
import type { SettingsStore } from './settings/settings-store';
import type { CommandFeed } from './terminal/command-feed';
import type { TerminalLedger } from './engine-proxy/terminal-ledger';

export interface CorePaths {
  /** The app's data directory: progress, settings, lesson workspaces. */
  dataDir: string;
  /** Where lesson Markdown lives (the repo's `lessons/`, or the packaged copy). */
  lessonsDir: string;
  /** Parent of every lesson's workspace directory. */
  workspacesDir: string;
  homeDir: string;
}

export interface CoreContext {
  paths: CorePaths;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  version: string;
  engine: EngineConnection;
  events: EngineEventStream;
  /** Which containers carry which labels, kept from `events`. */
  containers: ContainerIndex;
  hub: ClientHub;
  settings: SettingsStore;
  /** Commands the learner finished in any terminal (shell integration). */
  commands: CommandFeed;
  /** What Dockside's terminals made, by id, as their engine proxies saw the engine answer. */
  ledger: TerminalLedger;
}

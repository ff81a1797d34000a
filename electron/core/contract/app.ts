/**
 * The contract's app domain: settings and facts about the running app.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */

export interface Settings {
  /** The endpoint the learner picked in the app; null means "resolve as the docker CLI does". */
  chosenEndpoint: { host: string; context?: string | undefined } | null;
  theme: 'system' | 'light' | 'dark';
  /** The lesson/terminal split, as the lesson pane's share of the width (0.15 to 0.85). */
  terminalSplit: number;
}

export interface AppInfo {
  version: string;
  platform: string;
  dataDir: string;
  /** Things the learner should know once, e.g. "your progress file was corrupt and kept aside". */
  notices: string[];
}

export interface AppRequests {
  'app.info': { params: void; result: AppInfo };
  'settings.get': { params: void; result: Settings };
  'settings.update': { params: Partial<Settings>; result: Settings };
}

export interface AppEvents {
  'settings.changed': Settings;
}

export const appRequestNames = ['app.info', 'settings.get', 'settings.update'] as const;

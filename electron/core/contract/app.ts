/**
 * The contract's app domain: settings and facts about the running app.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */
import { z } from 'zod';
import { noParams } from './params';

export interface Settings {
  /** The endpoint the learner picked in the app; null means "resolve as the docker CLI does". */
  chosenEndpoint: { host: string; context?: string | undefined } | null;
  theme: 'system' | 'light' | 'dark';
  /** The lesson/terminal split, as the lesson pane's share of the width (0.15 to 0.85). */
  terminalSplit: number;
  /**
   * The context guard's answers, by the learner's current context: which context Kubernetes
   * lessons use while that one is current, and its server when picked (a changed server voids
   * the answer, so the dialog asks again). Written only through `cluster.choose`.
   */
  kubeContextChoices: Record<string, KubeContextChoice>;
}

export interface KubeContextChoice {
  context: string;
  server: string;
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

/** Each setting's schema: `settings.update` validates a patch with them, the settings file its whole content. */
export const settingsFields = {
  chosenEndpoint: z.object({ host: z.string(), context: z.string().optional() }).nullable(),
  theme: z.enum(['system', 'light', 'dark']),
  terminalSplit: z.number().min(0.15).max(0.85),
  kubeContextChoices: z.record(z.string(), z.object({ context: z.string(), server: z.string() })),
};

/** Each request's params, validated in core before its handler runs. */
export const appParams = {
  'app.info': noParams,
  'settings.get': noParams,
  // The guard's answers are left out: a remote context is picked only through cluster.choose.
  'settings.update': z.object(settingsFields).omit({ kubeContextChoices: true }).partial().strict(),
} satisfies { [N in keyof AppRequests]: z.ZodType };

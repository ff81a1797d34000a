/**
 * A core context without the app around it (made by the same function as the app's): the engine connection, the one events stream, the
 * command feed, a hub with no clients. `lessons:check`, the bench and engine tests use it to run
 * lessons exactly as the app does, without windows or other services.
 */
import type { CoreContext } from '../context';
import { createCoreContext } from '../create-context';

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
  // Built as the app builds it (the chosen endpoint, the platform), only without services.
  const { context, dispose } = createCoreContext({
    dataDir: options.dataDir,
    lessonsDir: options.lessonsDir,
    env: options.env ?? process.env,
    version: 'standalone',
    engineTiming: options.engineTiming,
  });
  const { engine, events } = context;
  await engine.start();
  // The events stream opens right after the first connect; wait for it so no early event is missed.
  for (let i = 0; i < 100 && !events.isOpen && engine.connected; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    context,
    dispose() {
      void dispose();
    },
  };
}

/**
 * Core, assembled: the one place where services are created and wired together (no DI
 * framework). Both shells — Electron's main process and the browser-mode server — call
 * `createCore` and then feed it clients and requests.
 */
import type { WireResult } from './contract';
import type { CoreContext } from './context';
import { createCoreContext, type CoreContextOptions } from './create-context';
import { createEngineService } from './services/engine';
import { createDoctorService } from './services/doctor';
import type { Client } from './rpc/client';
import { dispatch } from './rpc/dispatch';
import type { Handlers, ServiceLifecycle } from './rpc/service';
import { createAppService } from './services/app';
import { createTerminalService } from './services/terminal';
import { LessonLibrary } from './lessons/lesson-library';
import { parserWithParsedLessons } from './lessons/parsed-lessons';
import { createLessonsServices } from './services/lessons';
import { createImagesService } from './services/images';
import { createClusterService } from './services/cluster';

export interface CoreOptions extends CoreContextOptions {
  /** The lessons parsed at build time (out/main/parsed-lessons.json), when running a build. */
  parsedLessonsFile?: string;
}

export interface Core {
  readonly context: CoreContext;
  /** Register a window or socket: it receives broadcasts until it closes. */
  connect(client: Client): void;
  handle(name: unknown, params: unknown, client: Client): Promise<WireResult<unknown>>;
  dispose(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { context, dispose: disposeContext } = createCoreContext(options);
  const { engine, hub } = context;
  // The first engine probe mostly waits for the engine's answers: it runs while the lessons load.
  // (No client is connected before createCore returns, so no status broadcast is missed.)
  const engineStarted = engine.start();
  // Loaded first and yielding between lessons: the browser-mode server answers meanwhile.
  const library = await LessonLibrary.load(context.paths.lessonsDir, parserWithParsedLessons(options.parsedLessonsFile));

  // Services are created in dependency order; each one's handlers join the one map below.
  const engineService = createEngineService(context);
  const services: ServiceLifecycle[] = [engineService];
  const appService = createAppService(context, () => services.flatMap((s) => s.notices?.() ?? []));
  services.push(appService);
  const lessonsService = createLessonsServices(context, {}, library);
  services.push(lessonsService);
  const terminalService = createTerminalService(context);
  services.push(terminalService);
  const doctorService = createDoctorService(context);
  services.push(doctorService);
  const imagesService = createImagesService(context);
  services.push(imagesService);
  const clusterService = createClusterService(context);
  services.push(clusterService);

  const handlers: Handlers = {
    ...engineService.handlers,
    ...appService.handlers,
    ...lessonsService.handlers,
    ...terminalService.handlers,
    ...doctorService.handlers,
    ...imagesService.handlers,
    ...clusterService.handlers,
  };

  await engineStarted;

  return {
    context,
    connect: (client) => hub.add(client),
    handle: (name, params, client) => dispatch(handlers, name, params, client),
    async dispose() {
      for (const service of [...services].reverse()) await service.dispose?.();
      await disposeContext();
    },
  };
}

/**
 * Core, assembled: the one place where services are created and wired together (no DI
 * framework). Both shells — Electron's main process and the browser-mode server — call
 * `createCore` and then feed it clients and requests.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { WireResult } from './contract';
import type { CoreContext, CorePaths } from './context';
import { EngineConnection } from './engine/connection';
import { ContainerIndex } from './engine/container-index';
import { resolveEndpoint } from './engine/endpoint';
import { EngineEventStream } from './engine/events';
import { createEngineService } from './services/engine';
import { createDoctorService } from './services/doctor';
import { defaultDataDir } from './paths';
import type { Client } from './rpc/client';
import { dispatch } from './rpc/dispatch';
import { ClientHub } from './rpc/hub';
import type { Handlers, ServiceLifecycle } from './rpc/service';
import { createAppService } from './services/app';
import { SettingsStore } from './settings/settings-store';
import { CommandFeed } from './terminal/command-feed';
import { TerminalLedger, forgetRemovedVolumes } from './engine-proxy/terminal-ledger';
import { createTerminalService } from './services/terminal';
import { createLessonsServices } from './services/lessons';
import { createImagesService } from './services/images';

export interface CoreOptions {
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

export interface Core {
  readonly context: CoreContext;
  /** Register a window or socket: it receives broadcasts until it closes. */
  connect(client: Client): void;
  handle(name: unknown, params: unknown, client: Client): Promise<WireResult<unknown>>;
  dispose(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? homedir();
  const platform = options.platform ?? process.platform;
  const dataDir = options.dataDir ?? defaultDataDir(env, homeDir, platform);
  const paths: CorePaths = { dataDir, lessonsDir: options.lessonsDir, workspacesDir: join(dataDir, 'workspaces'), homeDir };

  const settings = new SettingsStore(dataDir);
  const hub = new ClientHub();
  const engine = new EngineConnection({
    resolve: () => resolveEndpoint({ env, homeDir, platform, chosen: settings.get().chosenEndpoint }),
    platform,
    ...options.engineTiming,
  });
  const events = new EngineEventStream(engine);
  const containers = new ContainerIndex(events);
  const commands = new CommandFeed();
  const context: CoreContext = {
    paths,
    env,
    platform,
    version: options.version,
    engine,
    events,
    containers,
    hub,
    settings,
    commands,
    ledger: new TerminalLedger(),
  };
  const unwatchVolumes = forgetRemovedVolumes(context.ledger, events);

  // Services are created in dependency order; each one's handlers join the one map below.
  const engineService = createEngineService(context);
  const services: ServiceLifecycle[] = [engineService];
  const appService = createAppService(context, () => services.flatMap((s) => s.notices?.() ?? []));
  services.push(appService);
  const lessonsService = createLessonsServices(context);
  services.push(lessonsService);
  const terminalService = createTerminalService(context);
  services.push(terminalService);
  const doctorService = createDoctorService(context);
  services.push(doctorService);
  const imagesService = createImagesService(context);
  services.push(imagesService);

  const handlers: Handlers = {
    ...engineService.handlers,
    ...appService.handlers,
    ...lessonsService.handlers,
    ...terminalService.handlers,
    ...doctorService.handlers,
    ...imagesService.handlers,
  };

  await engine.start();

  return {
    context,
    connect: (client) => hub.add(client),
    handle: (name, params, client) => dispatch(handlers, name, params, client),
    async dispose() {
      for (const service of [...services].reverse()) await service.dispose?.();
      unwatchVolumes();
      containers.dispose();
      events.dispose();
      engine.stop();
      await settings.flush();
    },
  };
}

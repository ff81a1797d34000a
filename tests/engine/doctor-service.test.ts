/**
 * The doctor through core, as the UI uses it: the report, and choosing an endpoint — which
 * persists, moves the one engine connection (so the checks follow), and gives terminals opened
 * afterwards the matching DOCKER_HOST. The chosen endpoint is a real proxy to the machine's engine
 * that renames the engine in GET /info, so every answer shows which socket it came through.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import type { DoctorReport, EventName, Events, RequestName, RequestResult, TerminalSession } from '../../electron/core/contract';
import { BaseClient } from '../../electron/core/rpc/client';
import { FixtureHome } from '../fixtures/doctor/fixture-home';
import { REAL_ENGINE_SOCKET, serveEngineProxy } from '../fixtures/doctor/sockets';
import { until } from '../helpers/until';

class RecordingClient extends BaseClient {
  readonly received: Array<{ event: EventName; payload: unknown }> = [];
  protected send<E extends EventName>(event: E, payload: Events[E]): void {
    this.received.push({ event, payload });
  }
  output(id: string): string {
    return this.received
      .filter((r) => r.event === 'terminal.data' && (r.payload as Events['terminal.data']).id === id)
      .map((r) => (r.payload as Events['terminal.data']).data)
      .join('');
  }
}

const engineName = `dockside-doctor-${randomBytes(3).toString('hex')}`;
const realHost = `unix://${REAL_ENGINE_SOCKET}`;
const cleanups: Array<() => Promise<void> | void> = [];
let fx: FixtureHome;
let dataDir: string;
let proxyHost: string;

async function startCore(): Promise<{ core: Core; client: RecordingClient; dispose: () => Promise<void> }> {
  const core = await createCore({
    env: { HOME: fx.home, PATH: process.env.PATH, SHELL: '/bin/bash' },
    homeDir: fx.home,
    dataDir,
    lessonsDir: fx.dir('lessons'),
    version: 'test',
  });
  const client = new RecordingClient(`doctor-${randomBytes(2).toString('hex')}`);
  core.connect(client);
  let disposed: Promise<void> | null = null;
  const dispose = () => {
    client.close();
    disposed ??= core.dispose();
    return disposed;
  };
  cleanups.push(dispose);
  return { core, client, dispose };
}

async function call<N extends RequestName>(
  core: Core,
  client: RecordingClient,
  name: N,
  params: unknown,
): Promise<RequestResult<N>> {
  const wire = await core.handle(name, params, client);
  if ('error' in wire) throw Object.assign(new Error(wire.error.message), { code: wire.error.code });
  return wire.result as RequestResult<N>;
}

beforeAll(async () => {
  fx = new FixtureHome();
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-doctor-data-'));
  cleanups.push(
    () => fx.dispose(),
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
  const proxy = await serveEngineProxy(fx.inHome('engines', 'lab.sock'), { engineName });
  cleanups.push(() => proxy.close());
  proxyHost = proxy.host;
  fx.dockerContext('lab', proxyHost);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('doctor through core', () => {
  let core: Core;
  let client: RecordingClient;

  beforeAll(async () => {
    ({ core, client } = await startCore());
  });

  it('reports both engines, the CLI default in use, and broadcasts the report', async () => {
    const report = await call(core, client, 'doctor.report', { refresh: true });
    expect(report.inUse).toEqual({ host: realHost, chosen: false });
    expect(report.endpoints.find((e) => e.host === proxyHost)).toMatchObject({
      state: 'reachable',
      contexts: ['lab'],
      inUse: false,
    });
    expect(report.endpoints.find((e) => e.host === proxyHost)?.engine?.name).toBe(engineName);
    expect(client.received.some((r) => r.event === 'doctor.updated')).toBe(true);
    // A second ask within the freshness window is the same report, not a new run.
    expect((await call(core, client, 'doctor.report', {})).generatedAt).toBe(report.generatedAt);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    await expect(call(core, client, 'doctor.chooseEndpoint', { endpoint: { host: 'ftp://x' } })).rejects.toMatchObject({
      code: 'DOCKER_HOST_INVALID',
    });
    await expect(call(core, client, 'doctor.chooseEndpoint', { endpoint: 5 })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(call(core, client, 'doctor.chooseEndpoint', { endpoint: { host: proxyHost }, extra: 1 })).rejects.toMatchObject({
      code: 'INVALID_PARAMS',
    });
    await expect(call(core, client, 'doctor.report', { refresh: 'yes' })).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    expect(core.context.settings.get().chosenEndpoint).toBeNull();
  });

  it('choosing an endpoint persists it and moves the engine connection before it answers', async () => {
    const result = await call(core, client, 'doctor.chooseEndpoint', { endpoint: { host: proxyHost, context: 'lab' } });
    expect(result.chosenEndpoint).toEqual({ host: proxyHost, context: 'lab' });
    expect(result.engine).toMatchObject({
      state: 'connected',
      endpoint: { host: proxyHost, source: 'chosen' },
      info: { name: engineName },
    });
    await core.context.settings.flush();
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { chosenEndpoint: unknown };
    expect(onDisk.chosenEndpoint).toEqual({ host: proxyHost, context: 'lab' });
    const updated = await until('a doctor.updated naming the choice', () =>
      client.received.find((r) => r.event === 'doctor.updated' && (r.payload as DoctorReport).inUse.chosen),
    );
    expect((updated.payload as DoctorReport).inUse.host).toBe(proxyHost);
  });

  it('a terminal opened afterwards gets DOCKER_HOST of the choice: its `docker info` names the chosen engine', async () => {
    const session: TerminalSession = await call(core, client, 'terminal.create', { cols: 120, rows: 30 });
    expect(session.dockerHost).toBe(proxyHost);
    await call(core, client, 'terminal.input', { id: session.id, data: "docker info --format 'engine={{.Name}}'\r" });
    await until('docker info output', () => client.output(session.id).includes(`engine=${engineName}`), 20_000);
    await call(core, client, 'terminal.kill', { id: session.id });
  });

  it('going back to the CLI default reconnects to the default engine', async () => {
    const result = await call(core, client, 'doctor.chooseEndpoint', { endpoint: null });
    expect(result.chosenEndpoint).toBeNull();
    expect(result.engine).toMatchObject({ state: 'connected', endpoint: { host: realHost } });
    expect(result.engine.state === 'connected' && result.engine.info.name).not.toBe(engineName);
  });
});

it('the choice survives a restart: a new core connects to the chosen engine', async () => {
  const first = await startCore();
  await call(first.core, first.client, 'doctor.chooseEndpoint', { endpoint: { host: proxyHost, context: 'lab' } });
  await first.dispose();
  const second = await startCore();
  expect(second.core.context.engine.status).toMatchObject({
    state: 'connected',
    endpoint: { host: proxyHost, source: 'chosen' },
  });
});

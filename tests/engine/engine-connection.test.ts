/**
 * The engine connection and the one events stream, against the real engine: status read from
 * it, the engine going away (its socket dies) and coming back, and the stream reconnecting
 * without losing or repeating events.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import type { EngineStatus, EventName, Events } from '../../electron/core/contract';
import type { EngineEvent } from '../../electron/core/engine/events';
import { BaseClient } from '../../electron/core/rpc/client';
import { EngineSocketProxy } from '../helpers/socket-proxy';
import { until } from '../helpers/until';

const LABEL = 'dockside.test=engine-connection';

class RecordingClient extends BaseClient {
  readonly received: Array<{ event: EventName; payload: unknown }> = [];
  protected send<E extends EventName>(event: E, payload: Events[E]): void {
    this.received.push({ event, payload });
  }
  statuses(): EngineStatus[] {
    return this.received.filter((r) => r.event === 'engine.changed').map((r) => r.payload as EngineStatus);
  }
}

function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

let dataDir: string;
let proxy: EngineSocketProxy;
let core: Core;
let client: RecordingClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dockside-engine-'));
  proxy = new EngineSocketProxy();
  await proxy.start();
  core = await createCore({
    env: { DOCKER_HOST: proxy.host },
    dataDir,
    lessonsDir: join(dataDir, 'no-lessons'),
    version: 'test',
    engineTiming: { retryMs: 250, healthMs: 1000, timeoutMs: 1500 },
  });
  client = new RecordingClient('test');
  core.connect(client);
});

afterAll(async () => {
  await core.dispose();
  await proxy.dispose();
  rmSync(dataDir, { recursive: true, force: true });
  execFileSync('sh', ['-c', `docker ps -aq --filter label=${LABEL} | xargs -r docker rm -f`]);
});

afterEach(async () => {
  await proxy.start(); // no test leaves the engine away
});

describe('engine status', () => {
  it('reads version, API version, OS and arch from the real engine', async () => {
    const status = await core.handle('engine.status', undefined, client);
    expect('result' in status).toBe(true);
    const result = (status as { result: EngineStatus }).result;
    expect(result.state).toBe('connected');
    if (result.state !== 'connected') return;
    expect(result.info.engineVersion).toBe(docker('version', '--format', '{{.Server.Version}}'));
    expect(result.info.arch).toBe(docker('version', '--format', '{{.Server.Arch}}'));
    // Negotiated: never newer than the engine's own API version.
    const engineApi = docker('version', '--format', '{{.Server.APIVersion}}');
    expect(Number(result.info.apiVersion)).toBeLessThanOrEqual(Number(engineApi));
    expect(result.endpoint).toEqual({ host: proxy.host, source: 'DOCKER_HOST', context: 'default', tls: false });
    expect(result.info.product).toBe('Docker Engine');
  });
});

describe('the engine goes away and comes back', () => {
  it('says unreachable with what was tried and a fix, then reconnects by itself within 2 s', async () => {
    const before = client.statuses().length;
    await proxy.stop();
    const down = await until('engine.changed to unreachable', () =>
      client
        .statuses()
        .slice(before)
        .find((s) => s.state === 'unreachable'),
    );
    if (down.state !== 'unreachable') throw new Error('unreachable');
    expect(down.tried).toEqual([`${proxy.host} (DOCKER_HOST)`]);
    expect(down.error).toMatch(/socket file does not exist|refused/);
    expect(down.fix).toMatch(/start/i);
    // While away, requests get the unreachable status rather than an exception.
    const during = (await core.handle('engine.status', undefined, client)) as { result: EngineStatus };
    expect(during.result.state).toBe('unreachable');

    const seen = client.statuses().length;
    const back = Date.now();
    await proxy.start();
    await until(
      'engine.changed to connected',
      () =>
        client
          .statuses()
          .slice(seen)
          .find((s) => s.state === 'connected'),
      2000,
    );
    expect(Date.now() - back).toBeLessThan(2000);
  });
});

describe('the one events stream', () => {
  it('delivers engine events, then after a gap replays what it missed once, and asks for a resync', async () => {
    const events: EngineEvent[] = [];
    const resyncs: string[] = [];
    const stopEvents = core.context.events.subscribe((e) => events.push(e));
    const stopResync = core.context.events.onResync((r) => resyncs.push(r.reason));
    try {
      await until('the stream to be open', () => core.context.events.isOpen);
      const first = `dockside-evt-a-${process.pid}`;
      docker('create', '--label', LABEL, '--name', first, 'busybox', 'true');
      await until('create event for the first container', () =>
        events.find((e) => e.type === 'container' && e.action === 'create' && e.attributes.name === first),
      );

      await proxy.stop();
      await until('stream to close', () => !core.context.events.isOpen);
      // This happens while the app cannot see the engine: it must still learn of it.
      const second = `dockside-evt-b-${process.pid}`;
      const secondId = execFileSync(
        'docker',
        ['-H', 'unix:///var/run/docker.sock', 'create', '--label', LABEL, '--name', second, 'busybox', 'true'],
        {
          encoding: 'utf8',
        },
      ).trim();
      await proxy.start();

      await until(
        'the missed create event, replayed with since',
        () => events.find((e) => e.action === 'create' && e.id === secondId),
        4000,
      );
      await until('a resync', () => resyncs.includes('reconnected'), 4000);
      // The replay starts at the last event seen: nothing may arrive twice.
      const keys = events.map((e) => `${e.timeNano}|${e.type}|${e.rawAction}|${e.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(events.filter((e) => e.action === 'create' && e.attributes.name === first)).toHaveLength(1);
    } finally {
      stopEvents();
      stopResync();
    }
  });
});

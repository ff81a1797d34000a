/**
 * The events-fed container index against the real engine: it answers label selections from
 * memory, follows creates and removals as they happen, and after a gap in the events stream
 * (the engine's socket went away meanwhile) it reads the engine again rather than trust itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStandaloneContext, type Standalone } from '../../electron/core/authoring/standalone-context';
import { EngineSocketProxy } from '../helpers/socket-proxy';
import { until } from '../helpers/until';

const AREA = `container-index-${process.pid}`;
const LABEL = `dockside.test=${AREA}`;
let dir: string;
let proxy: EngineSocketProxy;
let standalone: Standalone;

function docker(...args: string[]): string {
  return execFileSync('docker', ['-H', 'unix:///var/run/docker.sock', ...args], { encoding: 'utf8' }).trim();
}

const ids = () =>
  standalone.context.containers.idsWithLabels(standalone.context.engine.requireDocker(), { 'dockside.test': AREA, role: 'web' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockside-index-'));
  proxy = new EngineSocketProxy();
  await proxy.start();
  standalone = await createStandaloneContext({
    dataDir: dir,
    lessonsDir: dir,
    env: { DOCKER_HOST: proxy.host },
    engineTiming: { retryMs: 200, healthMs: 1000, timeoutMs: 1500 },
  });
});

afterAll(async () => {
  standalone.dispose();
  await proxy.dispose();
  execFileSync('sh', ['-c', `docker ps -aq --filter label=${LABEL} | xargs -r docker rm -f >/dev/null`]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the container index', () => {
  it('finds containers by labels, and follows a create and a removal from events alone', async () => {
    const before = docker('create', '-l', LABEL, '-l', 'role=web', '--name', `${AREA}-a`, 'busybox', 'true');
    docker('create', '-l', LABEL, '-l', 'role=db', '--name', `${AREA}-b`, 'busybox', 'true');
    expect(await ids()).toEqual([before]); // built from one list: role=db is not selected
    expect(standalone.context.containers.isBuilt).toBe(true);

    const later = docker('create', '-l', LABEL, '-l', 'role=web', '--name', `${AREA}-c`, 'busybox', 'true');
    await until('the create event', async () => (await ids()).includes(later));
    docker('rm', before);
    await until('the destroy event', async () => !(await ids()).includes(before));
    expect(await ids()).toEqual([later]);
  });

  it('after a gap in the events stream, reads the engine again instead of trusting itself', async () => {
    await proxy.stop();
    await until('the stream to close', () => Promise.resolve(!standalone.context.events.isOpen));
    expect(standalone.context.containers.isBuilt).toBe(true); // the gap is only known once the stream reopens
    const during = docker('create', '-l', LABEL, '-l', 'role=web', '--name', `${AREA}-d`, 'busybox', 'true');
    docker('rm', `${AREA}-c`);
    await proxy.start();
    await until('the stream to reopen', () => Promise.resolve(standalone.context.events.isOpen), 4000);
    await until('the index to hold what happened during the gap', async () => {
      const now = await ids();
      return now.length === 1 && now[0] === during;
    });
  });
});

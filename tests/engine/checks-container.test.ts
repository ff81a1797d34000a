/**
 * The container check on the real engine: each property passing and failing, with the exact
 * explanation a learner reads; selection by name and by label; leftovers; an unreachable engine.
 */
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineUnavailable } from '../../electron/core/checks/engine-reader';
import {
  AREA,
  cli,
  containerId,
  evaluate,
  facts,
  LABEL,
  randomPort,
  removeLabelled,
  sh,
  suffix,
  wants,
} from './helpers/lessons-harness';

const s = suffix();
const web = `lt-web-${s}`;
const plain = `lt-plain-${s}`;
const port = randomPort();
let created: Set<string>;

beforeAll(() => {
  cli(
    'run',
    '-d',
    '--name',
    web,
    '-l',
    LABEL,
    '-l',
    `tier=front-${s}`,
    '-p',
    `${port}:80`,
    '-e',
    'MODE=test',
    '--restart',
    'unless-stopped',
    '-m',
    '64m',
    '--cpus',
    '0.5',
    '--user',
    '0',
    '--security-opt',
    'no-new-privileges',
    '--init',
    '--health-cmd',
    'true',
    '--health-interval',
    '1s',
    '--mount',
    `type=tmpfs,target=/scratch`,
    'busybox',
    'httpd',
    '-f',
    '-p',
    '80',
  );
  cli('run', '-d', '--name', plain, '-l', LABEL, 'busybox', 'sleep', '300');
  cli('create', '--name', `${plain}-created`, '-l', LABEL, 'busybox', 'true');
  sh(`docker run --name ${plain}-exited -l ${LABEL} busybox sh -c 'exit 3'`); // exits 3, as the container does
  created = new Set([web, plain, `${plain}-created`, `${plain}-exited`].map(containerId));
});

afterAll(() => removeLabelled());

const run = () => facts({ created });

describe('container check, passing', () => {
  it('passes on every property at once and says what holds', async () => {
    const spec = {
      name: web,
      state: 'running',
      image: 'busybox',
      ports: { '80/tcp': port },
      env: { MODE: 'test' },
      labels: { tier: `front-${s}` },
      restart: 'unless-stopped',
      memory: '64m',
      cpus: 0.5,
      user: '0',
      securityOpt: ['no-new-privileges'],
      privileged: false,
      init: true,
      networkMode: 'bridge',
      mounts: [{ target: '/scratch', type: 'tmpfs' }],
      command: 'httpd -f -p 80',
    };
    const result = await evaluate('container', spec, run());
    expect(result).toEqual({
      pass: true,
      explanation:
        `container ${web} is running, runs image busybox:latest, publishes 80/tcp on ${port}, has MODE=test in its environment, ` +
        `has label tier=front-${s}, mounts tmpfs something at /scratch, does not run privileged, was started with --init, sets security option no-new-privileges, ` +
        `uses network mode bridge, has restart policy unless-stopped, is limited to 64 MiB of memory, is limited to 0.5 CPUs, runs as user 0 ` +
        `and runs the command "httpd -f -p 80"`,
    });
  });

  it('reads health once the engine reports it', async () => {
    for (let i = 0; i < 50 && cli('inspect', '-f', '{{.State.Health.Status}}', web) !== 'healthy'; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await evaluate('container', { name: web, health: 'healthy' }, run())).toEqual({
      pass: true,
      explanation: `container ${web} reports health healthy`,
    });
    expect(await evaluate('container', { name: plain, health: 'healthy' }, run())).toEqual({
      pass: false,
      explanation: `container ${plain} is running but has no health check (expected health healthy)`,
    });
  });

  it('selects by label, and counts', async () => {
    expect(await evaluate('container', { label: { tier: `front-${s}` }, state: 'running' }, run())).toEqual({
      pass: true,
      explanation: `container ${web} is running`,
    });
    expect(await evaluate('container', { label: { 'dockside.test': AREA }, state: 'running', count: 5 }, run())).toMatchObject({
      pass: false,
      explanation: expect.stringMatching(
        new RegExp(
          `^only 2 of 5 containers labelled dockside\\.test=${AREA} match; container lt-plain-${s}-(created|exited) is (created|exited \\(code 3\\)), not running$`,
        ),
      ) as unknown,
    });
    expect(await evaluate('container', { label: { tier: `nobody-${s}` } }, run())).toEqual({
      pass: false,
      explanation: `there is no container labelled tier=nobody-${s}`,
    });
  });

  it('passes on the exit code of an exited container, and on a created one', async () => {
    expect(await evaluate('container', { name: `${plain}-exited`, state: 'exited', exitCode: 3 }, run())).toEqual({
      pass: true,
      explanation: `container ${plain}-exited exited with code 3`,
    });
    expect(await evaluate('container', { name: `${plain}-created`, state: 'created' }, run())).toEqual({
      pass: true,
      explanation: `container ${plain}-created is created`,
    });
  });
});

describe('container check, failing with the nearest miss', () => {
  it("names the published port it found (the issue's own example)", async () => {
    expect(await evaluate('container', { name: web, state: 'running', ports: { '80/tcp': 1111 } }, run())).toEqual({
      pass: false,
      explanation: `container ${web} is running but publishes 80/tcp on ${port}, not 1111`,
    });
    expect(await evaluate('container', { name: web, ports: { '80/tcp': `127.0.0.1:${port}` } }, run())).toEqual({
      pass: false,
      explanation: `container ${web} is running but publishes 80/tcp on 0.0.0.0:${port} and :::${port}, not 127.0.0.1:${port}`,
    });
    expect(await evaluate('container', { name: plain, ports: { '8080/tcp': 8080 } }, run())).toEqual({
      pass: false,
      explanation: `container ${plain} is running but does not publish 8080/tcp (expected on 8080)`,
    });
  });

  it('names a wrong state with its exit code, and a wrong exit code', async () => {
    expect(await evaluate('container', { name: `${plain}-exited`, state: 'running' }, run())).toEqual({
      pass: false,
      explanation: `container ${plain}-exited is exited (code 3), not running`,
    });
    expect(await evaluate('container', { name: `${plain}-exited`, exitCode: 0 }, run())).toEqual({
      pass: false,
      explanation: `container ${plain}-exited exited with code 3, not 0`,
    });
    expect(await evaluate('container', { name: plain, exitCode: 0 }, run())).toEqual({
      pass: false,
      explanation: `container ${plain} has not exited yet (expected exit code 0)`,
    });
  });

  it('names each differing property', async () => {
    const miss = async (spec: Record<string, unknown>) =>
      (await evaluate('container', { name: plain, ...spec }, run())).explanation;
    expect(await miss({ image: 'alpine' })).toBe(
      `container ${plain} is running but runs image busybox:latest, not alpine:latest`,
    );
    expect(await miss({ env: { MODE: 'prod' } })).toBe(
      `container ${plain} is running but has no MODE variable (expected MODE=prod)`,
    );
    expect(await evaluate('container', { name: web, env: { MODE: 'prod' } }, run())).toMatchObject({
      explanation: `container ${web} is running but has MODE=test, not MODE=prod`,
    });
    expect(await miss({ labels: { tier: 'front' } })).toBe(
      `container ${plain} is running but has no label tier (expected tier=front)`,
    );
    expect(await miss({ mounts: [{ target: '/data', source: 'data', type: 'volume' }] })).toBe(
      `container ${plain} is running but mounts nothing at /data (expected volume data)`,
    );
    expect(await miss({ privileged: true })).toBe(`container ${plain} is running but does not run privileged, but should`);
    expect(await miss({ init: true })).toBe(`container ${plain} is running but was started without --init, but should have been`);
    expect(await miss({ securityOpt: ['no-new-privileges'] })).toBe(
      `container ${plain} is running but does not set security option no-new-privileges`,
    );
    expect(await miss({ networkMode: 'host' })).toBe(`container ${plain} is running but uses network mode bridge, not host`);
    expect(await miss({ restart: 'always' })).toBe(`container ${plain} is running but has restart policy no, not always`);
    expect(await miss({ memory: '64m' })).toBe(`container ${plain} is running but has no memory limit (expected 64 MiB)`);
    expect(await miss({ cpus: 1 })).toBe(`container ${plain} is running but has no CPU limit (expected 1 CPUs)`);
    expect(await miss({ user: '1000' })).toBe(
      `container ${plain} is running but runs as the image's default user, not user 1000`,
    );
    expect(await miss({ command: 'httpd -f -p 80' })).toBe(
      `container ${plain} is running but runs the command "sleep 300", not "httpd -f -p 80"`,
    );
    expect(await miss({ image: 'alpine', memory: '1g' })).toBe(
      `container ${plain} is running but runs image busybox:latest, not alpine:latest and has no memory limit (expected 1 GiB)`,
    );
  });

  it('does not count a container from before the run (a leftover)', async () => {
    expect(await evaluate('container', { name: web, state: 'running' }, facts())).toEqual({
      pass: false,
      explanation: `container ${web} exists (running) but was not created during this lesson; remove or rename it and create it again`,
    });
    expect(await evaluate('container', { name: web, state: 'running', created: false }, facts())).toMatchObject({ pass: true });
  });

  it('says when a container is missing, and when one that should be gone is still there', async () => {
    const named = facts({ created });
    named.createdNames = () => [web];
    expect(await evaluate('container', { name: `lt-nothing-${s}` }, named)).toEqual({
      pass: false,
      explanation: `there is no container named lt-nothing-${s} (the container you created during this lesson: ${web})`,
    });
    expect(await evaluate('container', { name: plain, present: false }, run())).toEqual({
      pass: false,
      explanation: `container ${plain} still exists (running)`,
    });
    expect(await evaluate('container', { name: `lt-nothing-${s}`, present: false }, run())).toEqual({
      pass: true,
      explanation: `no container named lt-nothing-${s} exists`,
    });
  });

  it('states what it wants before anything is evaluated', () => {
    expect(wants('container', { name: 'web', state: 'running', ports: { '80/tcp': 1111 } })).toBe(
      'container web, created during this lesson, is running and publishes 80/tcp on 1111',
    );
  });
});

describe('an unreachable engine', () => {
  it('is an error, never a failed check', async () => {
    const gone = new Docker({ socketPath: `/tmp/dockside-no-engine-${s}.sock` });
    await expect(evaluate('container', { name: web }, run(), gone)).rejects.toBeInstanceOf(EngineUnavailable);
    await expect(evaluate('container', { name: web }, run(), gone)).rejects.toThrow(
      /^the Docker engine is not reachable \(.*ENOENT/,
    );
  });
});

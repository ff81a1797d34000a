/**
 * The terminal's engine proxy on the real engine, with the real docker CLI: every hijacked path
 * works through it (attach, exec -it on a pty, cp both ways, buildx, compose build), the
 * creating calls land in the ledger by id, a client that leaves mid-stream frees the engine's
 * connection, the socket is private to its user, and an engine that goes away and comes back —
 * or an endpoint switch — needs no new proxy.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProxy } from '../../electron/core/engine-proxy/engine-proxy';
import { TerminalLedger } from '../../electron/core/engine-proxy/terminal-ledger';
import { fromHost, type ResolvedEndpoint } from '../../electron/core/engine/endpoint';
import { EngineSocketProxy } from '../helpers/socket-proxy';
import { cleanupDir, cli, LABEL, removeLabelled, sh, suffix, tempDir, until } from './helpers/lessons-harness';
import { copyRoundTrip, proxyCli } from './helpers/proxy-cli';

const s = suffix();
const box = `lt-proxy-box-${s}`;
const direct = fromHost('unix:///var/run/docker.sock', 'default', 'default', null);
let endpoint: ResolvedEndpoint | null = direct;
const ledger = new TerminalLedger();
let proxy: EngineProxy;
let env: Record<string, string | undefined>;
let dir: string;

const viaProxy = proxyCli(() => env);
const { docker, ok } = viaProxy;

beforeAll(async () => {
  dir = tempDir('proxy');
  proxy = new EngineProxy({ endpoint: () => endpoint, ledger });
  await proxy.listen();
  env = { ...process.env, DOCKER_HOST: proxy.dockerHost };
  await ok('run', '-d', '--name', box, '-l', LABEL, 'busybox', 'sleep', '600');
});

afterAll(() => {
  proxy.close();
  sh(`docker rm -f ${box} >/dev/null 2>&1`);
  removeLabelled();
  cleanupDir(dir);
});

describe('the socket', () => {
  it('lives in a private directory, refuses other users, and is removed when closed', async () => {
    expect(statSync(dirname(proxy.path)).mode & 0o777).toBe(0o700);
    expect(statSync(proxy.path).mode & 0o777).toBe(0o600);
    const asNobody = sh(
      `setpriv --reuid=65534 --regid=65534 --clear-groups curl -sS --unix-socket ${proxy.path} http://engine/_ping 2>&1`,
    );
    expect(asNobody.code).not.toBe(0);
    expect(asNobody.output).toMatch(/Permission denied|Couldn't connect/);
    const other = new EngineProxy({ endpoint: () => direct, ledger });
    await other.listen();
    expect(existsSync(other.path)).toBe(true);
    other.close();
    expect(existsSync(dirname(other.path))).toBe(false);
  });
});

describe('forwarding', () => {
  it('records the creating calls by id: container, its volume, volume, network, tag', async () => {
    const id = await ok('create', '--name', `lt-proxy-made-${s}`, '-l', LABEL, '-v', `lt-proxy-anon-${s}:/data`, 'busybox');
    const volume = await ok('volume', 'create', '--label', LABEL, `lt-proxy-vol-${s}`);
    const network = await ok('network', 'create', '--label', LABEL, `lt-proxy-net-${s}`);
    await ok('tag', 'busybox:latest', `dockside-lt/proxy-tag-${s}:1`);
    await until('the ledger has them', () =>
      [
        ledger.has('container', id),
        ledger.has('volume', `lt-proxy-anon-${s}`),
        ledger.has('volume', volume),
        ledger.has('network', network),
        ledger.has('image', cli('image', 'inspect', '-f', '{{.Id}}', 'busybox:latest')),
      ].every(Boolean),
    );
    await ok('rm', id);
    await ok('volume', 'rm', volume, `lt-proxy-anon-${s}`);
    await ok('network', 'rm', network);
    await ok('rmi', `dockside-lt/proxy-tag-${s}:1`);
  });

  it('attach: `docker run -i` and `docker attach` stream through the upgraded connection', async () => {
    const piped = await docker(['run', '-i', '--rm', '-l', LABEL, 'busybox', 'cat'], 'through the pipe\n');
    expect(piped).toMatchObject({ code: 0, out: 'through the pipe\n' });
    const late = `lt-proxy-late-${s}`;
    await ok('run', '-d', '--name', late, '-l', LABEL, 'busybox', 'sh', '-c', 'sleep 1; echo late');
    expect(await ok('attach', '--no-stdin', late)).toBe('late');
  });

  it('exec -it: an interactive shell on a pty answers through the proxy', async () => {
    const term = pty.spawn('docker', ['exec', '-it', box, 'sh'], { cols: 80, rows: 24, env });
    let screen = '';
    term.onData((data) => (screen += data));
    try {
      await until('a prompt', () => screen.includes('#'), 10_000);
      term.write('echo $((6*7))\r');
      await until('the answer', () => screen.includes('42'), 10_000);
      term.write('exit\r');
      await new Promise<void>((resolve) => term.onExit(() => resolve()));
    } finally {
      term.kill();
    }
  });

  it('cp both ways moves the bytes unchanged', async () => {
    expect(await copyRoundTrip(viaProxy, box, dir, 3 << 20)).toBe(true);
  });

  it('buildx build (BuildKit over /session and /grpc) works, and its image is recorded by id', async () => {
    const ctx = join(dir, 'buildx');
    mkdirSync(ctx);
    writeFileSync(join(ctx, 'Dockerfile'), `FROM busybox\nLABEL ${LABEL}\nRUN echo buildx-${s} > /made\n`);
    const tag = `dockside-lt/proxy-buildx-${s}:1`;
    await ok('buildx', 'build', '--load', '-t', tag, ctx);
    const id = cli('image', 'inspect', '-f', '{{.Id}}', tag);
    await until('the built image in the ledger', () => ledger.has('image', id));
  });

  it('compose build works, and its image is recorded by id', async () => {
    const project = join(dir, 'compose');
    mkdirSync(project);
    const tag = `dockside-lt/proxy-compose-${s}:1`;
    writeFileSync(join(project, 'Dockerfile'), `FROM busybox\nLABEL ${LABEL}\nRUN echo compose-${s} > /made\n`);
    writeFileSync(join(project, 'compose.yaml'), `services:\n  app:\n    build: .\n    image: ${tag}\n`);
    const result = await new Promise<number>((resolve) =>
      execFile('docker', ['compose', '-p', `lt-proxy-${s}`, 'build'], { env, cwd: project }, (error) => resolve(error ? 1 : 0)),
    );
    expect(result).toBe(0);
    const id = cli('image', 'inspect', '-f', '{{.Id}}', tag);
    await until('the composed image in the ledger', () => ledger.has('image', id));
  });
});

describe('connections', () => {
  it('a client that leaves mid-stream (logs -f, attach) frees the engine connection', async () => {
    // A hijacked stream cannot tell a dead client from one that only closed its sending side
    // (stdin ended) until the next byte is written — dockerd itself cannot either — so the
    // container keeps talking, as any stream being watched does.
    const ticker = `lt-proxy-ticker-${s}`;
    await ok('run', '-d', '--name', ticker, '-l', LABEL, 'busybox', 'sh', '-c', 'while true; do echo tick; sleep 0.2; done');
    await until('no connection left open', () => proxy.upstreamCount === 0);
    for (const args of [
      ['logs', '-f', ticker],
      ['attach', '--no-stdin', ticker],
    ]) {
      const child = spawn('docker', args, { env, stdio: 'ignore' });
      await until(`${args[0]} holds a connection`, () => proxy.upstreamCount > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGKILL');
      await until(`${args[0]}'s connection freed`, () => proxy.upstreamCount === 0, 5000);
    }
  });

  it('the engine going away and coming back, and an endpoint switch, need no new proxy', async () => {
    const relay = new EngineSocketProxy();
    const other = new EngineSocketProxy();
    await relay.start();
    await other.start();
    try {
      endpoint = fromHost(relay.host, 'chosen', 'chosen', null);
      expect(await ok('version', '--format', '{{.Server.Version}}')).not.toBe('');
      await relay.stop();
      const away = await docker(['version', '--format', '{{.Server.Version}}']);
      expect(away.code).not.toBe(0);
      expect(away.err).toContain("Dockside's terminal proxy cannot reach the Docker engine");
      await relay.start();
      expect(await ok('ps', '-q', '--filter', `name=${box}`)).not.toBe('');
      // The learner picks another endpoint in the doctor: the next request goes there.
      const before = other.connections;
      endpoint = fromHost(other.host, 'chosen', 'chosen', null);
      await ok('ps', '-q');
      expect(other.connections).toBeGreaterThan(before);
    } finally {
      endpoint = direct;
      await relay.stop();
      await other.stop();
    }
  });
});

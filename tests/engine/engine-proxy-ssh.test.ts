/**
 * The terminal proxy forwarding to an ssh:// engine as the docker CLI does (`ssh ... -- host
 * docker system dial-stdio` per connection), against a real sshd on 127.0.0.1 whose `docker` is
 * the real CLI on the real engine. What the terminal makes over ssh lands in the ledger, stdin
 * reaches hijacked streams, a client that leaves takes its ssh process with it, and an endpoint
 * whose key needs a passphrase keeps today's direct DOCKER_HOST with a notice saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProxy } from '../../electron/core/engine-proxy/engine-proxy';
import { TerminalLedger } from '../../electron/core/engine-proxy/terminal-ledger';
import { TerminalProxies } from '../../electron/core/engine-proxy/terminal-proxies';
import { resolveEndpoint, type ResolvedEndpoint } from '../../electron/core/engine/endpoint';
import { cleanupDir, LABEL, removeLabelled, sh, suffix, tempDir, until } from './helpers/lessons-harness';
import { proxyCli } from './helpers/proxy-cli';
import { TestSshd } from './helpers/proxy-sshd';

const s = suffix();
const box = `lt-proxy-ssh-box-${s}`;
const ledger = new TerminalLedger();
let dir: string;
let sshd: TestSshd;
let endpoint: ResolvedEndpoint;
let proxy: EngineProxy;
const { docker, ok } = proxyCli(() => ({ ...process.env, DOCKER_HOST: proxy.dockerHost }));

/** As the app resolves the learner's DOCKER_HOST. */
function fromDockerHost(host: string): ResolvedEndpoint {
  return resolveEndpoint({ env: { DOCKER_HOST: host }, homeDir: dir });
}

/** The ssh processes this test process (its proxy) runs now. */
function sshChildren(): number[] {
  const found = spawnSync('pgrep', ['-P', String(process.pid), '-x', 'ssh'], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean).map(Number);
}

beforeAll(async () => {
  dir = tempDir('proxy-ssh');
  sshd = new TestSshd(dir, s);
  await sshd.start();
  // user and port from the URL: ssh gets -l and -p, as from the docker CLI.
  endpoint = fromDockerHost(`ssh://${sshd.user}@${sshd.alias}:${sshd.port}`);
  proxy = new EngineProxy({ endpoint: () => endpoint, ledger });
  await proxy.listen();
  await ok('run', '-d', '--name', box, '-l', LABEL, 'busybox:1.38', 'sleep', '600');
}, 120_000);

afterAll(() => {
  proxy?.close();
  sshd?.stop();
  sh(`docker rm -f ${box} >/dev/null 2>&1`);
  removeLabelled();
  cleanupDir(dir);
});

describe('planning a terminal on an ssh:// engine', () => {
  it('gets a proxy when ssh logs in without a prompt (URL without user or port: ssh config decides)', async () => {
    const proxies = new TerminalProxies(ledger, () => endpoint);
    try {
      const bare = fromDockerHost(`ssh://${sshd.alias}`);
      expect(bare.dial).toMatchObject({ kind: 'ssh', host: sshd.alias, portFromConfig: true });
      const plan = await proxies.planFor('session-ok', bare);
      expect(plan.notice).toBeNull();
      expect(plan.proxyHost).toMatch(/^unix:\/\//);
      // A socket path in the URL is the remote engine's: `docker --host=unix://<path>` there.
      const pathed = fromDockerHost(`ssh://${sshd.alias}/var/run/docker.sock`);
      expect(pathed.dial).toMatchObject({ remoteSocket: '/var/run/docker.sock' });
      expect(await proxies.planFor('session-path', pathed)).toMatchObject({ notice: null });
      const wrongPath = fromDockerHost(`ssh://${sshd.alias}/nowhere/docker.sock`);
      expect((await proxies.planFor('session-wrong-path', wrongPath)).notice).toContain('/nowhere/docker.sock');
    } finally {
      proxies.closeAll();
    }
  });

  it('falls back to the engine directly, saying why, when the key needs a passphrase', async () => {
    const proxies = new TerminalProxies(ledger, () => endpoint);
    try {
      const locked = fromDockerHost(`ssh://${sshd.user}@${sshd.lockedAlias}:${sshd.port}`);
      const started = Date.now();
      const plan = await proxies.planFor('session-locked', locked);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(plan.proxyHost).toBeNull();
      expect(plan.notice).toContain(`Dockside cannot relay ssh://${sshd.user}@${sshd.lockedAlias}:${sshd.port}`);
      expect(plan.notice).toMatch(/needs a password or a key passphrase.*Permission denied \(publickey\).*ssh-agent/);
      expect(plan.notice).toContain('DOCKER_HOST names the engine directly');
    } finally {
      proxies.closeAll();
    }
  });
});

describe('forwarding over ssh', () => {
  it('runs a container through the proxy over ssh, and the ledger records it', async () => {
    const cidfile = join(dir, 'cid');
    await ok('run', '--rm', '--cidfile', cidfile, '-l', LABEL, 'busybox:1.38', 'true');
    const id = readFileSync(cidfile, 'utf8').trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(ledger.has('container', id)).toBe(true);
    // It went over ssh: sshd logged the key's logins.
    expect(sshd.serverLog).toMatch(/Accepted publickey for/);
  });

  it('hijacked streams with stdin: `exec -i` and `run -i`', async () => {
    const exec = await docker(['exec', '-i', box, 'sh', '-c', 'tr a-z A-Z'], 'exec over ssh\n');
    expect(exec).toMatchObject({ code: 0, out: 'EXEC OVER SSH\n' });
    const run = await docker(['run', '-i', '--rm', '-l', LABEL, 'busybox:1.38', 'cat'], 'run over ssh\n');
    expect(run).toMatchObject({ code: 0, out: 'run over ssh\n' });
  });

  it('a finished connection leaves no ssh process behind', async () => {
    await until('no engine connection open', () => proxy.upstreamCount === 0, 10_000);
    await until('no ssh process left', () => sshChildren().length === 0, 10_000);
  });

  it('a client killed mid-stream (logs -f, attach) ends its ssh process', async () => {
    const ticker = `lt-proxy-ssh-ticker-${s}`;
    await ok('run', '-d', '--name', ticker, '-l', LABEL, 'busybox:1.38', 'sh', '-c', 'while true; do echo tick; sleep 0.2; done');
    await until('no connection left open', () => proxy.upstreamCount === 0, 10_000);
    for (const args of [
      ['logs', '-f', ticker],
      ['attach', '--no-stdin', ticker],
    ]) {
      const child = spawn('docker', args, { env: { ...process.env, DOCKER_HOST: proxy.dockerHost }, stdio: 'ignore' });
      await until(`${args[0]} holds an ssh connection`, () => proxy.upstreamCount > 0 && sshChildren().length > 0, 20_000);
      const held = sshChildren();
      await new Promise((resolve) => setTimeout(resolve, 500));
      child.kill('SIGKILL');
      await until(`${args[0]}'s connection freed`, () => proxy.upstreamCount === 0, 10_000);
      await until(`${args[0]}'s ssh ended`, () => held.every((pid) => !sshChildren().includes(pid)), 10_000);
    }
  });

  it("an ssh login that fails mid-session reaches the CLI as ssh's own words", async () => {
    const before = endpoint;
    endpoint = fromDockerHost(`ssh://${sshd.user}@${sshd.lockedAlias}:${sshd.port}`);
    try {
      const result = await docker(['version', '--format', '{{.Server.Version}}'], undefined, 30_000);
      expect(result.code).not.toBe(0);
      expect(result.err).toMatch(/cannot reach the Docker engine at .*: ssh: .*Permission denied \(publickey\)/);
    } finally {
      endpoint = before;
    }
  });
});

/**
 * Core's own connection to an ssh:// engine, as dockerode makes it (ssh2 with the learner's
 * ssh-agent, `docker system dial-stdio` on the far side), against a real sshd on 127.0.0.1 whose
 * `docker` is the real CLI on the real engine. dockerode's SSH client is loaded only on first use
 * (engine/dockerode-lean.ts): this is where that first use is proven to work.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection } from '../../electron/core/engine/connection';
import { resolveEndpoint } from '../../electron/core/engine/endpoint';
import { cleanupDir, suffix, tempDir, until } from './helpers/lessons-harness';
import { TestSshd } from './helpers/proxy-sshd';

const s = suffix();
let dir: string;
let sshd: TestSshd;
let agent: ChildProcess | null = null;
const savedAgentSocket = process.env.SSH_AUTH_SOCK;

beforeAll(async () => {
  dir = tempDir('ssh-core');
  sshd = new TestSshd(dir, s);
  await sshd.start();
  // The learner's agent, holding the key sshd accepts (dockerode authenticates through the agent only).
  const socket = join(dir, 'agent.sock');
  agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  await until('the ssh-agent socket', () => existsSync(socket));
  const added = spawnSync('ssh-add', [join(dir, 'user_key')], {
    env: { ...process.env, SSH_AUTH_SOCK: socket },
    encoding: 'utf8',
  });
  if (added.status !== 0) throw new Error(`ssh-add failed: ${added.stderr}`);
  process.env.SSH_AUTH_SOCK = socket;
}, 60_000);

afterAll(() => {
  if (savedAgentSocket === undefined) delete process.env.SSH_AUTH_SOCK;
  else process.env.SSH_AUTH_SOCK = savedAgentSocket;
  agent?.kill('SIGTERM');
  sshd?.stop();
  cleanupDir(dir);
});

describe('core on an ssh:// engine', () => {
  it('connects, negotiates and lists containers over ssh', async () => {
    const endpoint = resolveEndpoint({ env: { DOCKER_HOST: `ssh://${sshd.user}@127.0.0.1:${sshd.port}` }, homeDir: dir });
    const connection = new EngineConnection({ resolve: () => endpoint, timeoutMs: 20_000 });
    try {
      await connection.start();
      const status = connection.status;
      if (status.state !== 'connected') throw new Error(`not connected: ${JSON.stringify(status)}\n${sshd.serverLog}`);
      expect(status.endpoint.host).toBe(`ssh://${sshd.user}@127.0.0.1:${sshd.port}`);
      // The same engine as the local socket: the ssh path reaches it, not something else.
      const local = spawnSync('docker', ['info', '--format', '{{.ID}}'], { encoding: 'utf8' }).stdout.trim();
      const overSsh = (await connection.requireDocker().info()) as { ID?: string };
      expect(overSsh.ID).toBe(local);
      expect(Array.isArray(await connection.requireDocker().listContainers({ all: true }))).toBe(true);
    } finally {
      connection.stop();
    }
  });
});

/**
 * dockerode as core loads it (engine/dockerode-lean.ts): BuildKit's gRPC session support and the
 * SSH client stay unloaded until used, and each loads, real, on its first call. Each case runs
 * in a fresh Node process: this test process's module cache may hold them already.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Run `body` (JavaScript, top-level await; core's TypeScript through tsx) in a new Node; its stdout as JSON. */
function inFreshNode(body: string): unknown {
  const script = `
    import { createRequire } from 'node:module';
    import { loadDockerode } from './electron/core/engine/dockerode-lean.ts';
    const loaded = () => Object.keys(createRequire(import.meta.url).cache);
    const has = (part) => loaded().some((file) => file.includes(part));
    ${body}
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the script failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('dockerode, loaded lean', () => {
  it('loads without gRPC, protobuf or ssh2, and still makes a working client class', () => {
    const result = inFreshNode(`
      const Docker = loadDockerode();
      const docker = new Docker({ socketPath: '/nonexistent.sock' });
      console.log(JSON.stringify({
        dockerode: has('/dockerode/lib/docker.js'),
        grpc: has('@grpc/grpc-js'),
        protobuf: has('protobufjs'),
        ssh2: has('/ssh2/'),
        hasPing: typeof docker.ping === 'function',
        sameClass: loadDockerode() === Docker,
      }));
    `);
    expect(result).toEqual({ dockerode: true, grpc: false, protobuf: false, ssh2: false, hasPing: true, sameClass: true });
  });

  it('loads the real SSH agent factory on its first call: ssh:// clients work as published', () => {
    const result = inFreshNode(`
      loadDockerode();
      const sshAgent = createRequire(createRequire(import.meta.url).resolve('dockerode'))('docker-modem/lib/ssh.js');
      const before = has('/ssh2/');
      // docker-modem's factory makes an http.Agent whose connections go over ssh2; making one connects nothing.
      const agent = sshAgent({ host: '127.0.0.1', port: 1 });
      const { Agent } = await import('node:http');
      console.log(JSON.stringify({ before, after: has('/ssh2/'), isAgent: agent instanceof Agent, dials: typeof agent.createConnection }));
    `);
    expect(result).toEqual({ before: false, after: true, isAgent: true, dials: 'function' });
  });

  it('loads the real BuildKit session on its first call', () => {
    const result = inFreshNode(`
      loadDockerode();
      const withSession = createRequire(import.meta.url)('dockerode/lib/session.js');
      const before = has('@grpc/grpc-js');
      // Asked of an engine that is not there, the real withSession reports the failure to its handler.
      const Docker = loadDockerode();
      const error = await new Promise((resolve) => {
        withSession(new Docker({ socketPath: '/nonexistent.sock' }), null, (err) => resolve(err ? String(err.code ?? err.message) : 'no error'));
      });
      console.log(JSON.stringify({ before, after: has('@grpc/grpc-js'), error }));
    `);
    expect(result).toMatchObject({ before: false, after: true });
    expect((result as { error: string }).error).not.toBe('no error');
  });
});

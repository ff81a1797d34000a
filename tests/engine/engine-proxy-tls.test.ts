/**
 * The terminal proxy forwarding to an engine behind real mutual TLS (as `dockerd --tlsverify`):
 * the endpoint is resolved as the app resolves it (DOCKER_HOST + DOCKER_TLS_VERIFY +
 * DOCKER_CERT_PATH, or a docker context with SkipTLSVerify), the docker CLI talks plain HTTP to
 * the proxy's socket, and the proxy does the TLS. Plain, hijacked and bulk paths all work, the
 * ledger records what was made, and a refused certificate reaches the CLI as a clear error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineProxy } from '../../electron/core/engine-proxy/engine-proxy';
import { TerminalLedger } from '../../electron/core/engine-proxy/terminal-ledger';
import { contextDirName, resolveEndpoint, type ResolvedEndpoint } from '../../electron/core/engine/endpoint';
import { cleanupDir, LABEL, removeLabelled, sh, suffix, tempDir, until } from './helpers/lessons-harness';
import { copyRoundTrip, proxyCli } from './helpers/proxy-cli';
import { certFolder, makeCert, TlsEngineRelay } from './helpers/proxy-tls';

const s = suffix();
const box = `lt-proxy-tls-box-${s}`;
const ledger = new TerminalLedger();
let dir: string;
let endpoint: ResolvedEndpoint | null = null;
let proxy: EngineProxy;
/** The engine behind TLS with a certificate for 127.0.0.1, and one whose certificate names another host. */
let relay: TlsEngineRelay;
let misnamed: TlsEngineRelay;
const cli = proxyCli(() => ({ ...process.env, DOCKER_HOST: proxy.dockerHost }));
const { docker, ok } = cli;

/** As the app resolves a terminal's engine from the learner's environment. */
function fromEnv(port: number, certPath: string): ResolvedEndpoint {
  return resolveEndpoint({
    env: { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath },
    homeDir: dir,
  });
}

function makePki(): void {
  const pki = join(dir, 'pki');
  mkdirSync(pki);
  makeCert(pki, 'ca', { ca: null, subject: '/CN=dockside test CA' });
  makeCert(pki, 'other-ca', { ca: null, subject: '/CN=someone else CA' });
  makeCert(pki, 'server', {
    ca: 'ca',
    subject: '/CN=127.0.0.1',
    ext: 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth',
  });
  makeCert(pki, 'misnamed', {
    ca: 'ca',
    subject: '/CN=engine.elsewhere.test',
    ext: 'subjectAltName=DNS:engine.elsewhere.test\nextendedKeyUsage=serverAuth',
  });
  makeCert(pki, 'client', { ca: 'ca', subject: '/CN=learner', ext: 'extendedKeyUsage=clientAuth' });
  makeCert(pki, 'stranger', { ca: 'other-ca', subject: '/CN=stranger', ext: 'extendedKeyUsage=clientAuth' });
  const at = (name: string) => join(pki, name);
  certFolder(join(dir, 'certs'), { ca: at('ca.pem'), cert: at('client.pem'), key: at('client-key.pem') });
  certFolder(join(dir, 'stranger'), { ca: at('ca.pem'), cert: at('stranger.pem'), key: at('stranger-key.pem') });
  certFolder(join(dir, 'missing-cert'), { ca: at('ca.pem') });
}

beforeAll(async () => {
  dir = tempDir('proxy-tls');
  makePki();
  const pki = (name: string) => join(dir, 'pki', name);
  relay = new TlsEngineRelay({ ca: pki('ca.pem'), cert: pki('server.pem'), key: pki('server-key.pem') });
  misnamed = new TlsEngineRelay({ ca: pki('ca.pem'), cert: pki('misnamed.pem'), key: pki('misnamed-key.pem') });
  await relay.start();
  await misnamed.start();
  endpoint = fromEnv(relay.port, join(dir, 'certs'));
  proxy = new EngineProxy({ endpoint: () => endpoint, ledger });
  await proxy.listen();
  await ok('run', '-d', '--name', box, '-l', LABEL, 'busybox:1.38', 'sleep', '600');
});

afterAll(async () => {
  proxy?.close();
  await relay?.stop();
  await misnamed?.stop();
  sh(`docker rm -f ${box} >/dev/null 2>&1`);
  removeLabelled();
  cleanupDir(dir);
});

describe('an engine behind mutual TLS', () => {
  it('is resolved from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as the app does', () => {
    expect(endpoint).toMatchObject({ tls: true, dial: { kind: 'tcp', host: '127.0.0.1', port: relay.port } });
    expect(endpoint!.dial).toMatchObject({ tls: { verify: true, cert: join(dir, 'certs', 'cert.pem') } });
  });

  it('runs a container through the proxy over TLS, and the ledger records it', async () => {
    const before = relay.authorized;
    const cidfile = join(dir, 'cid');
    await ok('run', '--rm', '--cidfile', cidfile, '-l', LABEL, 'busybox:1.38', 'true');
    const id = readFileSync(cidfile, 'utf8').trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(ledger.has('container', id)).toBe(true);
    expect(relay.authorized).toBeGreaterThan(before);
  });

  it('hijacked streams with stdin: `run -i` and `exec -i`', async () => {
    const run = await docker(['run', '-i', '--rm', '-l', LABEL, 'busybox:1.38', 'cat'], 'run over tls\n');
    expect(run).toMatchObject({ code: 0, out: 'run over tls\n' });
    const exec = await docker(['exec', '-i', box, 'sh', '-c', 'tr a-z A-Z'], 'exec over tls\n');
    expect(exec).toMatchObject({ code: 0, out: 'EXEC OVER TLS\n' });
  });

  it('docker cp in and out moves the bytes unchanged', async () => {
    expect(await copyRoundTrip(cli, box, dir, 2 << 20)).toBe(true);
  });

  it('leaves no TLS connection open once the CLI is done', async () => {
    await until('the proxy holds no engine connection', () => proxy.upstreamCount === 0, 5000);
    await until('the engine side holds none either', () => relay.openConnections === 0, 5000);
  });
});

describe('refused certificates reach the CLI as errors, not hangs', () => {
  async function refusedWith(certPath: string): Promise<string> {
    endpoint = fromEnv(relay.port, certPath);
    try {
      const started = Date.now();
      const result = await docker(['run', '--rm', '-l', LABEL, 'busybox:1.38', 'true'], undefined, 20_000);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.code).not.toBe(0);
      expect(result.err).toContain(`Dockside's terminal proxy cannot reach the Docker engine at 127.0.0.1:${relay.port}`);
      return result.err;
    } finally {
      endpoint = fromEnv(relay.port, join(dir, 'certs'));
    }
  }

  it('a client certificate from another CA', async () => {
    const refusedBefore = relay.refused.length;
    expect(await refusedWith(join(dir, 'stranger'))).toMatch(/alert|certificate|ECONNRESET|socket hang up/i);
    expect(relay.refused.length).toBeGreaterThan(refusedBefore);
  });

  it('no client certificate at all (a context with only ca.pem)', async () => {
    const config = join(dir, 'docker-config');
    const name = 'tls-no-client-cert';
    const meta = join(config, 'contexts', 'meta', contextDirName(name));
    const tls = join(config, 'contexts', 'tls', contextDirName(name), 'docker');
    mkdirSync(meta, { recursive: true });
    certFolder(tls, { ca: join(dir, 'pki', 'ca.pem') });
    const host = `tcp://127.0.0.1:${relay.port}`;
    writeFileSync(join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host } } }));
    endpoint = resolveEndpoint({ env: { DOCKER_CONFIG: config, DOCKER_CONTEXT: name }, homeDir: dir });
    try {
      expect(endpoint.dial).toMatchObject({ tls: { verify: true, ca: join(tls, 'ca.pem') } });
      expect(endpoint.dial).not.toHaveProperty('tls.cert');
      const result = await docker(['version', '--format', '{{.Server.Version}}'], undefined, 20_000);
      expect(result.code).not.toBe(0);
      expect(result.err).toMatch(/cannot reach the Docker engine at 127\.0\.0\.1:\d+: .*(alert|certificate|hang up|ECONNRESET)/i);
    } finally {
      endpoint = fromEnv(relay.port, join(dir, 'certs'));
    }
  });

  it('a DOCKER_CERT_PATH without cert.pem: the missing file is named, on the plain and the bulk path', async () => {
    const missing = `cannot read the TLS client certificate ${join(dir, 'missing-cert', 'cert.pem')} (ENOENT)`;
    expect(await refusedWith(join(dir, 'missing-cert'))).toContain(missing);
    // `docker cp` out takes the raw bulk path, which once let the read error escape and end core.
    endpoint = fromEnv(relay.port, join(dir, 'missing-cert'));
    try {
      const copy = await docker(['cp', `${box}:/etc/hostname`, join(dir, 'hostname')], undefined, 20_000);
      expect(copy.code).not.toBe(0);
      expect(copy.err).toContain(missing);
    } finally {
      endpoint = fromEnv(relay.port, join(dir, 'certs'));
    }
  });

  it('an engine certificate for another name fails verification, with the CLI told why', async () => {
    endpoint = fromEnv(misnamed.port, join(dir, 'certs'));
    try {
      const result = await docker(['version', '--format', '{{.Server.Version}}'], undefined, 20_000);
      expect(result.code).not.toBe(0);
      expect(result.err).toMatch(/does not match certificate's altnames|altnames/);
    } finally {
      endpoint = fromEnv(relay.port, join(dir, 'certs'));
    }
  });

  it('a refused connection is not kept open by the proxy', async () => {
    // (The engine side here is the test's relay, which drops a half-done handshake only at its timeout.)
    await until('the proxy holds no engine connection', () => proxy.upstreamCount === 0, 5000);
  });
});

describe('SkipTLSVerify', () => {
  it('a context that skips verification works against an engine certificate of another name', async () => {
    const config = join(dir, 'skip-config');
    const name = 'tls-skip-verify';
    const meta = join(config, 'contexts', 'meta', contextDirName(name));
    mkdirSync(meta, { recursive: true });
    // The client still presents its certificate: the engine demands one.
    certFolder(join(config, 'contexts', 'tls', contextDirName(name), 'docker'), {
      cert: join(dir, 'pki', 'client.pem'),
      key: join(dir, 'pki', 'client-key.pem'),
    });
    const docker0 = { Host: `tcp://127.0.0.1:${misnamed.port}`, SkipTLSVerify: true };
    writeFileSync(join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: docker0 } }));
    endpoint = resolveEndpoint({ env: { DOCKER_CONFIG: config, DOCKER_CONTEXT: name }, homeDir: dir });
    try {
      expect(endpoint.dial).toMatchObject({ tls: { verify: false } });
      const before = misnamed.authorized;
      const cidfile = join(dir, 'cid-skip');
      await ok('run', '--rm', '--cidfile', cidfile, '-l', LABEL, 'busybox:1.38', 'true');
      expect(ledger.has('container', readFileSync(cidfile, 'utf8').trim())).toBe(true);
      expect(misnamed.authorized).toBeGreaterThan(before);
    } finally {
      endpoint = fromEnv(relay.port, join(dir, 'certs'));
    }
  });
});

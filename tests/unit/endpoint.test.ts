/** Endpoint resolution over fixture config dirs, in the docker CLI's order. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextDirName, resolveEndpoint } from '../../electron/core/engine/endpoint';
import { CoreError } from '../../electron/core/errors';

let home: string;
let configDir: string;

function writeContext(name: string, host: string, options: { skipTls?: boolean; tls?: boolean } = {}) {
  const hash = contextDirName(name);
  const metaDir = join(configDir, 'contexts', 'meta', hash);
  mkdirSync(metaDir, { recursive: true });
  writeFileSync(
    join(metaDir, 'meta.json'),
    JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: options.skipTls ?? false } } }),
  );
  if (options.tls) {
    const tlsDir = join(configDir, 'contexts', 'tls', hash, 'docker');
    mkdirSync(tlsDir, { recursive: true });
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tlsDir, file), `fake ${file}`);
  }
}

function writeConfig(content: string) {
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), content);
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'dockside-home-'));
  configDir = join(home, '.docker');
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('resolveEndpoint', () => {
  it('falls back to the default socket when nothing is configured', () => {
    const endpoint = resolveEndpoint({ env: {}, homeDir: home, platform: 'linux' });
    expect(endpoint).toMatchObject({ host: 'unix:///var/run/docker.sock', source: 'default', context: 'default' });
    expect(endpoint.dial).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock' });
  });

  it('lets DOCKER_HOST beat DOCKER_CONTEXT', () => {
    writeContext('colima', 'unix:///Users/me/.colima/default/docker.sock');
    const endpoint = resolveEndpoint({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2375', DOCKER_CONTEXT: 'colima' }, homeDir: home });
    expect(endpoint).toMatchObject({ host: 'tcp://10.0.0.5:2375', source: 'DOCKER_HOST', tls: false });
    expect(endpoint.dial).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 2375, tls: null });
  });

  it('finds a DOCKER_CONTEXT by the sha256 of its name', () => {
    writeContext('colima', 'unix:///Users/me/.colima/default/docker.sock');
    const endpoint = resolveEndpoint({ env: { DOCKER_CONTEXT: 'colima' }, homeDir: home });
    expect(contextDirName('colima')).toMatch(/^[0-9a-f]{64}$/);
    expect(endpoint).toMatchObject({
      host: 'unix:///Users/me/.colima/default/docker.sock',
      source: 'DOCKER_CONTEXT',
      context: 'colima',
    });
  });

  it('reads currentContext from config.json, and DOCKER_CONFIG replaces ~/.docker', () => {
    configDir = join(home, 'elsewhere');
    writeConfig(JSON.stringify({ auths: {}, currentContext: 'desktop-linux' }));
    writeContext('desktop-linux', 'unix:///home/me/.docker/desktop/docker.sock');
    const endpoint = resolveEndpoint({ env: { DOCKER_CONFIG: configDir }, homeDir: home });
    expect(endpoint).toMatchObject({
      source: 'currentContext',
      context: 'desktop-linux',
      host: 'unix:///home/me/.docker/desktop/docker.sock',
    });
  });

  it('treats currentContext "default" as the default socket', () => {
    writeConfig(JSON.stringify({ currentContext: 'default' }));
    expect(resolveEndpoint({ env: {}, homeDir: home, platform: 'linux' })).toMatchObject({ source: 'default' });
  });

  it('turns on TLS with the context store certificates', () => {
    writeContext('remote', 'tcp://build.example:2376', { tls: true });
    const endpoint = resolveEndpoint({ env: { DOCKER_CONTEXT: 'remote' }, homeDir: home });
    expect(endpoint.tls).toBe(true);
    const tlsDir = join(configDir, 'contexts', 'tls', contextDirName('remote'), 'docker');
    expect(endpoint.dial).toEqual({
      kind: 'tcp',
      host: 'build.example',
      port: 2376,
      tls: { ca: join(tlsDir, 'ca.pem'), cert: join(tlsDir, 'cert.pem'), key: join(tlsDir, 'key.pem'), verify: true },
    });
  });

  it('honours SkipTLSVerify', () => {
    writeContext('lab', 'tcp://lab.example:2376', { tls: true, skipTls: true });
    const endpoint = resolveEndpoint({ env: { DOCKER_CONTEXT: 'lab' }, homeDir: home });
    expect(endpoint.dial.kind === 'tcp' && endpoint.dial.tls?.verify).toBe(false);
  });

  it('turns TLS on for DOCKER_HOST when DOCKER_TLS_VERIFY is set, with certs from DOCKER_CERT_PATH', () => {
    const endpoint = resolveEndpoint({
      env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' },
      homeDir: home,
    });
    expect(endpoint.dial).toEqual({
      kind: 'tcp',
      host: 'h',
      port: 2376,
      tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', verify: true },
    });
  });

  it('parses ssh hosts', () => {
    const endpoint = resolveEndpoint({ env: { DOCKER_HOST: 'ssh://me@box:2222' }, homeDir: home });
    expect(endpoint.dial).toEqual({ kind: 'ssh', host: 'box', port: 2222, username: 'me' });
  });

  it('lets the endpoint chosen in the app beat everything', () => {
    const endpoint = resolveEndpoint({
      env: { DOCKER_HOST: 'tcp://x:1' },
      homeDir: home,
      chosen: { host: 'unix:///tmp/other.sock', context: 'other' },
    });
    expect(endpoint).toMatchObject({ host: 'unix:///tmp/other.sock', source: 'chosen', context: 'other' });
  });

  it('gives a clear error, not a crash, for a garbled config.json', () => {
    writeConfig('{ "currentContext": "colima", ');
    let error: unknown;
    try {
      resolveEndpoint({ env: {}, homeDir: home });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DOCKER_CONFIG_INVALID');
    expect((error as CoreError).message).toContain(join(configDir, 'config.json'));
    expect((error as CoreError).message).toMatch(/not valid JSON/);
  });

  it('says which context is missing and where it looked', () => {
    writeConfig(JSON.stringify({ currentContext: 'ghost' }));
    expect(() => resolveEndpoint({ env: {}, homeDir: home })).toThrow(
      /docker context "ghost" \(from currentContext in .*config\.json\) does not exist/,
    );
  });

  it('ignores an empty config.json, as the CLI does', () => {
    writeConfig('');
    expect(resolveEndpoint({ env: {}, homeDir: home, platform: 'linux' }).source).toBe('default');
  });

  it('rejects a host in a scheme Docker does not speak', () => {
    expect(() => resolveEndpoint({ env: { DOCKER_HOST: 'ftp://x' }, homeDir: home })).toThrow(/Docker does not speak/);
  });
});

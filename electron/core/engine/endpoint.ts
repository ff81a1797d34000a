/**
 * Find the Docker endpoint the way the docker CLI does (docker/cli's context store):
 *   the learner's choice in the app, then DOCKER_HOST, DOCKER_CONTEXT, `currentContext` in the
 *   config dir's config.json, and finally the default socket.
 * Pure over its inputs (env, home dir, file reads) so tests can run it over fixture homes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EndpointSource, EngineEndpoint } from '../contract';
import { CoreError } from '../errors';

export const DEFAULT_UNIX_HOST = 'unix:///var/run/docker.sock';
export const DEFAULT_NPIPE_HOST = 'npipe:////./pipe/docker_engine';

export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
  /** False when the context says SkipTLSVerify. */
  verify: boolean;
}

/** How to open a connection, derived from the host string. */
export type Dial =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'npipe'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number; tls: TlsFiles | null }
  | {
      kind: 'ssh';
      host: string;
      port: number;
      username?: string;
      /** The URL named no port: ssh's own config (or 22) decides, as for the docker CLI. */
      portFromConfig?: true;
      /** `ssh://host/path/docker.sock`: the engine socket on the remote host, when not its default. */
      remoteSocket?: string;
    };

export interface ResolvedEndpoint extends EngineEndpoint {
  dial: Dial;
}

export interface ResolveInput {
  env: Record<string, string | undefined>;
  homeDir: string;
  platform?: NodeJS.Platform;
  /** The endpoint the learner picked in the app; beats everything else. */
  chosen?: { host: string; context?: string } | null;
  readText?: (path: string) => string | null;
}

/** The docker CLI's config directory: $DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: ResolveInput['env'], homeDir: string): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : join(homeDir, '.docker');
}

/** Contexts are stored under the sha256 of their name (docker/cli store.contextdirOf). */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function resolveEndpoint(input: ResolveInput): ResolvedEndpoint {
  const { env, homeDir } = input;
  const platform = input.platform ?? process.platform;
  const read = input.readText ?? readTextOrNull;
  const configDir = dockerConfigDir(env, homeDir);
  const tlsFromEnv = (env.DOCKER_TLS_VERIFY ?? '') !== '';

  if (input.chosen) {
    // Picked from a docker context: dial it as that context does (its TLS files included).
    const { host, context } = input.chosen;
    const viaContext = context ? chosenContext({ host, context }, configDir, read, platform) : null;
    return (
      viaContext ?? fromHost(input.chosen.host, 'chosen', input.chosen.context ?? 'chosen', envTls(tlsFromEnv, env, configDir))
    );
  }
  if (env.DOCKER_HOST) {
    return fromHost(env.DOCKER_HOST, 'DOCKER_HOST', 'default', envTls(tlsFromEnv, env, configDir));
  }
  if (env.DOCKER_CONTEXT) {
    return fromContext(env.DOCKER_CONTEXT, 'DOCKER_CONTEXT', configDir, read, platform);
  }
  const current = currentContextFromConfig(configDir, read);
  if (current) return fromContext(current, 'currentContext', configDir, read, platform);
  return defaultEndpoint(platform);
}

/** The chosen endpoint through its docker context, if that context still exists and still names this host. */
function chosenContext(
  chosen: { host: string; context: string },
  configDir: string,
  read: (p: string) => string | null,
  platform: NodeJS.Platform,
): ResolvedEndpoint | null {
  try {
    const endpoint = fromContext(chosen.context, 'chosen', configDir, read, platform);
    return endpoint.host === chosen.host ? endpoint : null;
  } catch {
    return null; // gone or broken since it was chosen: the host alone still says where to go
  }
}

function defaultEndpoint(platform: NodeJS.Platform, source: EndpointSource = 'default'): ResolvedEndpoint {
  const host = platform === 'win32' ? DEFAULT_NPIPE_HOST : DEFAULT_UNIX_HOST;
  return fromHost(host, source, 'default', null);
}

function envTls(on: boolean, env: ResolveInput['env'], configDir: string): TlsFiles | null {
  if (!on) return null;
  const dir = env.DOCKER_CERT_PATH && env.DOCKER_CERT_PATH !== '' ? env.DOCKER_CERT_PATH : configDir;
  return { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem'), verify: true };
}

function currentContextFromConfig(configDir: string, read: (p: string) => string | null): string | null {
  const file = join(configDir, 'config.json');
  const text = read(file);
  if (text === null || text.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CoreError(
      'DOCKER_CONFIG_INVALID',
      `${file} is not valid JSON (${(error as Error).message}); fix it or move it aside — the docker CLI cannot read it either.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CoreError('DOCKER_CONFIG_INVALID', `${file} should hold a JSON object, but holds ${describeJson(parsed)}.`);
  }
  const current = (parsed as Record<string, unknown>).currentContext;
  if (current === undefined || current === '' || current === 'default') return null;
  if (typeof current !== 'string') {
    throw new CoreError('DOCKER_CONFIG_INVALID', `${file}: currentContext should be a string, not ${describeJson(current)}.`);
  }
  return current;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

function fromContext(
  name: string,
  source: EndpointSource,
  configDir: string,
  read: (p: string) => string | null,
  platform: NodeJS.Platform,
): ResolvedEndpoint {
  if (name === 'default') return { ...defaultEndpoint(platform, source) };
  const hash = contextDirName(name);
  const metaFile = join(configDir, 'contexts', 'meta', hash, 'meta.json');
  const text = read(metaFile);
  const origin = source === 'DOCKER_CONTEXT' ? 'DOCKER_CONTEXT' : `currentContext in ${join(configDir, 'config.json')}`;
  if (text === null) {
    throw new CoreError(
      'DOCKER_CONTEXT_NOT_FOUND',
      `docker context "${name}" (from ${origin}) does not exist: ${metaFile} is missing. Run \`docker context ls\` and \`docker context use <name>\`.`,
    );
  }
  let meta: ContextMeta;
  try {
    meta = JSON.parse(text) as ContextMeta;
  } catch (error) {
    throw new CoreError(
      'DOCKER_CONTEXT_INVALID',
      `${metaFile} (docker context "${name}") is not valid JSON (${(error as Error).message}).`,
    );
  }
  const docker = meta.Endpoints?.docker;
  if (!docker || typeof docker.Host !== 'string' || docker.Host === '') {
    throw new CoreError('DOCKER_CONTEXT_INVALID', `docker context "${name}" has no docker endpoint host in ${metaFile}.`);
  }
  const tlsDir = join(configDir, 'contexts', 'tls', hash, 'docker');
  const ca = join(tlsDir, 'ca.pem');
  const cert = join(tlsDir, 'cert.pem');
  const key = join(tlsDir, 'key.pem');
  const has = (p: string) => read(p) !== null;
  const skipVerify = docker.SkipTLSVerify === true;
  const anyTls = has(ca) || has(cert) || has(key);
  const tls: TlsFiles | null =
    anyTls || skipVerify
      ? {
          ...(has(ca) ? { ca } : {}),
          ...(has(cert) ? { cert } : {}),
          ...(has(key) ? { key } : {}),
          verify: !skipVerify,
        }
      : null;
  return fromHost(docker.Host, source, name, tls);
}

/** Parse a DOCKER_HOST-style string into how to dial it. */
export function fromHost(host: string, source: EndpointSource, context: string, tls: TlsFiles | null): ResolvedEndpoint {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new CoreError(
      'DOCKER_HOST_INVALID',
      `"${host}" is not a Docker host address (expected unix:///path, tcp://host:port or ssh://user@host).`,
    );
  }
  const base = { host, source, context };
  switch (url.protocol) {
    case 'unix:':
      return { ...base, tls: false, dial: { kind: 'unix', socketPath: decodeURIComponent(url.pathname) } };
    case 'npipe:':
      return { ...base, tls: false, dial: { kind: 'npipe', socketPath: host.slice('npipe://'.length).replace(/\//g, '\\') } };
    case 'tcp:':
    case 'http:':
    case 'https:': {
      const useTls = tls !== null || url.protocol === 'https:';
      const port = url.port ? Number(url.port) : useTls ? 2376 : 2375;
      return {
        ...base,
        tls: useTls,
        dial: { kind: 'tcp', host: url.hostname, port, tls: useTls ? (tls ?? { verify: true }) : null },
      };
    }
    case 'ssh:':
      return {
        ...base,
        tls: false,
        dial: {
          kind: 'ssh',
          host: url.hostname,
          port: url.port ? Number(url.port) : 22,
          ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
          ...(url.port ? {} : { portFromConfig: true as const }),
          ...(url.pathname.replace(/\//g, '') !== '' ? { remoteSocket: decodeURIComponent(url.pathname) } : {}),
        },
      };
    default:
      throw new CoreError(
        'DOCKER_HOST_INVALID',
        `"${host}" uses ${url.protocol.replace(':', '')}://, which Docker does not speak (use unix://, tcp:// or ssh://).`,
      );
  }
}

/** "unix:///var/run/docker.sock (default)" — how `tried` lists an endpoint. */
export function describeEndpoint(endpoint: EngineEndpoint): string {
  const from =
    endpoint.source === 'DOCKER_CONTEXT' || endpoint.source === 'currentContext'
      ? `context ${endpoint.context} via ${endpoint.source}`
      : endpoint.source === 'chosen'
        ? 'chosen in Dockside'
        : endpoint.source;
  return `${endpoint.host} (${from})`;
}

/**
 * Open a dockerode client for a resolved endpoint and negotiate the API version with the
 * engine (dockerode itself does not): ask the engine unversioned, then pin
 * min(engine's ApiVersion, the newest we tested) and refuse engines older than we support.
 */
import type Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { CoreError } from '../errors';
import { loadDockerode } from './dockerode-lean';
import type { ResolvedEndpoint } from './endpoint';
import { infoWithin, versionWithin } from './timed-calls';

/** The newest Engine API version Dockside was tested against. */
export const NEWEST_TESTED_API = '1.47';
/** Engine 20.10 (Debian bookworm's docker.io) speaks 1.41; older engines lack fields checks read. */
export const OLDEST_SUPPORTED_API = '1.41';

export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}

export function chooseApiVersion(engineApi: string, engineMinApi: string | undefined): string {
  if (compareApiVersions(engineApi, OLDEST_SUPPORTED_API) < 0) {
    throw new CoreError(
      'ENGINE_TOO_OLD',
      `the engine speaks Docker API ${engineApi}, older than ${OLDEST_SUPPORTED_API} (Docker 20.10) which Dockside needs; upgrade Docker.`,
    );
  }
  const chosen = compareApiVersions(engineApi, NEWEST_TESTED_API) < 0 ? engineApi : NEWEST_TESTED_API;
  if (engineMinApi && compareApiVersions(chosen, engineMinApi) < 0) return engineMinApi;
  return chosen;
}

function readIfSet(path: string | undefined): Buffer | undefined {
  return path ? readFileSync(path) : undefined;
}

/** A dockerode client for the endpoint; `apiVersion` undefined means "the engine's newest". */
export function createDockerClient(endpoint: ResolvedEndpoint, apiVersion?: string): Docker {
  const version = apiVersion ? { version: `v${apiVersion}` } : {};
  // Loaded here, on the first probe, not at start-up (dockerode-lean.ts).
  const DockerClient = loadDockerode();
  const { dial } = endpoint;
  switch (dial.kind) {
    case 'unix':
    case 'npipe':
      return new DockerClient({ socketPath: dial.socketPath, ...version });
    case 'tcp': {
      if (!dial.tls) return new DockerClient({ protocol: 'http', host: dial.host, port: dial.port, ...version });
      const ca = readIfSet(dial.tls.ca);
      const cert = readIfSet(dial.tls.cert);
      const key = readIfSet(dial.tls.key);
      return new DockerClient({
        protocol: 'https',
        host: dial.host,
        port: dial.port,
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
        // SkipTLSVerify in a docker context: honour it the way the CLI does.
        ...(dial.tls.verify ? {} : { checkServerIdentity: () => undefined }),
        ...version,
      });
    }
    case 'ssh':
      return new DockerClient({
        protocol: 'ssh',
        host: dial.host,
        port: dial.port,
        ...(dial.username ? { username: dial.username } : {}),
        sshOptions: { agent: process.env.SSH_AUTH_SOCK },
        ...version,
      });
  }
}

export interface NegotiatedClient {
  docker: Docker;
  /** The engine's clock at negotiation (unix ns as a decimal string), for the first `since`. */
  engineTimeNano: string | null;
  apiVersion: string;
  version: Docker.DockerVersion;
  info: EngineInfoRaw;
}

/** The subset of `GET /info` we read. */
export interface EngineInfoRaw {
  /** The engine's ID: two sockets leading to one engine report the same one. */
  ID?: string;
  Name?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  ServerVersion?: string;
  Labels?: string[];
  DockerRootDir?: string;
  SecurityOptions?: string[];
  /** The engine's clock when it answered, RFC 3339 with nanoseconds. */
  SystemTime?: string;
}

/** Connect, negotiate, and read version and info in one go (each bounded by `timeoutMs`). */
export async function connectAndNegotiate(endpoint: ResolvedEndpoint, timeoutMs: number): Promise<NegotiatedClient> {
  const probe = createDockerClient(endpoint);
  const version = await versionWithin(probe, timeoutMs);
  const apiVersion = chooseApiVersion(version.ApiVersion, version.MinAPIVersion);
  const docker = createDockerClient(endpoint, apiVersion);
  const info = (await infoWithin(docker, timeoutMs)) as EngineInfoRaw;
  return { docker, apiVersion, version, info, engineTimeNano: rfc3339ToNano(info.SystemTime) };
}

/** "2026-11-28T21:30:00.123456789Z" -> unix nanoseconds, keeping every digit the engine gave. */
export function rfc3339ToNano(value: string | undefined): string | null {
  if (!value) return null;
  const match = /^(.*?:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(value);
  if (!match) return null;
  const ms = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(ms)) return null;
  const fraction = (match[2] ?? '').padEnd(9, '0').slice(0, 9);
  return (BigInt(ms) * 1_000_000n + BigInt(fraction)).toString();
}

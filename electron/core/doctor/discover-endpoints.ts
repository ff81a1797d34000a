/**
 * Every Docker endpoint the learner has, before probing: DOCKER_HOST, every docker context, the
 * known sockets of installed products, the learner's choice in Dockside. One entry per host,
 * remembering every way it was found.
 */
import { lstatSync } from 'node:fs';
import { normalize } from 'node:path';
import type { EndpointSource } from '../contract';
import { DEFAULT_UNIX_HOST, fromHost, resolveEndpoint, type ResolvedEndpoint } from '../engine/endpoint';
import type { CoreError } from '../errors';
import { messageOf } from '../errors';
import { listDockerContexts } from './docker-contexts';
import { knownSockets, placeOfHost, type Place } from './known-sockets';
import { systemPath, type DoctorSystem } from './system';

export interface Candidate {
  endpoint: ResolvedEndpoint;
  label: string;
  foundBy: string[];
  contexts: string[];
  place: Place | null;
  /** DOCKER_HOST names it. */
  fromDockerHost: boolean;
  cliDefault: boolean;
  chosen: boolean;
  inUse: boolean;
}

export interface CliResolution {
  endpoint: ResolvedEndpoint | null;
  error: CoreError | Error | null;
}

export interface Discovery {
  candidates: Candidate[];
  cli: CliResolution;
  /** The endpoint Dockside uses: the choice, else the CLI's. */
  inUse: ResolvedEndpoint | null;
  contextErrors: Array<{ name: string; error: string }>;
}

/** Two spellings of one place are one candidate: unix:///a//b.sock and unix:///a/b.sock. */
export function hostKey(host: string): string {
  if (host.startsWith('unix://')) return `unix://${normalize(host.slice('unix://'.length))}`;
  return host.replace(/\/+$/, '');
}

export function discoverEndpoints(
  system: DoctorSystem,
  chosen: { host: string; context?: string | undefined } | null,
): Discovery {
  const known = knownSockets(system);
  const byKey = new Map<string, Candidate>();

  const add = (endpoint: ResolvedEndpoint, foundBy: string, context?: string): Candidate => {
    const mapped = withSystemRoot(system, endpoint);
    const key = hostKey(mapped.host);
    let candidate = byKey.get(key);
    if (!candidate) {
      const place = placeOfHost(key, known);
      candidate = {
        endpoint: mapped,
        label: place?.label ?? labelFromHost(mapped.host),
        foundBy: [],
        contexts: [],
        place: place?.place ?? null,
        fromDockerHost: false,
        cliDefault: false,
        chosen: false,
        inUse: false,
      };
      byKey.set(key, candidate);
    }
    if (!candidate.foundBy.includes(foundBy)) candidate.foundBy.push(foundBy);
    if (context && !candidate.contexts.includes(context)) candidate.contexts.push(context);
    return candidate;
  };

  const env = system.env;
  if (env.DOCKER_HOST) {
    try {
      add(
        resolveEndpoint({
          env: pick(env, ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CONFIG']),
          homeDir: system.homeDir,
          platform: system.platform,
        }),
        'DOCKER_HOST',
      ).fromDockerHost = true;
    } catch {
      // An unparseable DOCKER_HOST: the CLI resolution below reports it.
    }
  }

  const contextErrors: Discovery['contextErrors'] = [];
  for (const context of listDockerContexts(system)) {
    if (context.endpoint) add(context.endpoint, `docker context ${context.name}`, context.name);
    else contextErrors.push({ name: context.name, error: context.error ?? 'unreadable' });
  }

  for (const socket of known) {
    if (!socket.installed && !socketExists(socket.host)) continue;
    const candidate = add(fromHost(socket.host, 'default', 'default', null), 'known socket');
    if (socket.place.kind === 'system') candidate.contexts.unshift('default');
  }

  const cli = resolveCli(system);
  if (cli.endpoint) add(cli.endpoint, cliFoundBy(cli.endpoint.source)).cliDefault = true;

  let inUse: ResolvedEndpoint | null = cli.endpoint ? withSystemRoot(system, cli.endpoint) : null;
  if (chosen) {
    try {
      const endpoint = fromHost(chosen.host, 'chosen', chosen.context ?? 'chosen', null);
      add(endpoint, 'chosen in Dockside', chosen.context).chosen = true;
      inUse = endpoint;
    } catch {
      // A choice that no longer parses: Dockside's connection reports it; fall back to the CLI's.
    }
  }
  if (inUse) {
    const used = byKey.get(hostKey(inUse.host));
    if (used) used.inUse = true;
  }

  const cliMapped: CliResolution = { ...cli, endpoint: cli.endpoint ? withSystemRoot(system, cli.endpoint) : null };
  return { candidates: [...byKey.values()], cli: cliMapped, inUse, contextErrors };
}

function resolveCli(system: DoctorSystem): CliResolution {
  try {
    return { endpoint: resolveEndpoint({ env: system.env, homeDir: system.homeDir, platform: system.platform }), error: null };
  } catch (error) {
    return { endpoint: null, error: error instanceof Error ? error : new Error(messageOf(error)) };
  }
}

function cliFoundBy(source: EndpointSource): string {
  switch (source) {
    case 'DOCKER_HOST':
      return 'DOCKER_HOST';
    case 'DOCKER_CONTEXT':
      return 'DOCKER_CONTEXT';
    case 'currentContext':
      return 'current docker context';
    default:
      return 'docker CLI default';
  }
}

/** The CLI's built-in default socket lives under the system root too (tests use a fixture root). */
function withSystemRoot(system: DoctorSystem, endpoint: ResolvedEndpoint): ResolvedEndpoint {
  if (system.systemRoot === '/' || endpoint.host !== DEFAULT_UNIX_HOST) return endpoint;
  return fromHost(`unix://${systemPath(system, '/var/run/docker.sock')}`, endpoint.source, endpoint.context, null);
}

function socketExists(host: string): boolean {
  if (!host.startsWith('unix://')) return false;
  try {
    // lstat: a dangling link (Docker Desktop's /var/run/docker.sock while it is stopped) still counts.
    lstatSync(host.slice('unix://'.length));
    return true;
  } catch {
    return false;
  }
}

function labelFromHost(host: string): string {
  if (host.startsWith('ssh://')) return 'Remote engine (ssh)';
  if (host.startsWith('tcp://') || host.startsWith('http')) return 'Engine over TCP';
  return 'Docker endpoint';
}

function pick(env: Record<string, string | undefined>, keys: string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.filter((key) => env[key] !== undefined).map((key) => [key, env[key]]));
}

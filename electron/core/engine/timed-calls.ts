/**
 * dockerode accepts an `abortSignal` on these calls, but its type definitions do not say so.
 * These wrappers give the bounded calls a type, so a dead engine can never hang a probe.
 */
import type Docker from 'dockerode';

interface Bounded {
  abortSignal: AbortSignal;
}

type DockerMethod = (this: Docker, options: object) => Promise<unknown>;

/** Call one of dockerode's promise methods with options its typings do not know about. */
function callWith<T>(
  docker: Docker,
  method: 'version' | 'info' | 'ping' | 'listContainers' | 'getEvents',
  options: object,
): Promise<T> {
  const fn = Reflect.get(docker, method) as DockerMethod;
  return fn.call(docker, options) as Promise<T>;
}

function within(ms: number): Bounded {
  return { abortSignal: AbortSignal.timeout(ms) };
}

export function versionWithin(docker: Docker, ms: number): Promise<Docker.DockerVersion> {
  return callWith(docker, 'version', within(ms));
}

export function infoWithin(docker: Docker, ms: number): Promise<unknown> {
  return callWith(docker, 'info', within(ms));
}

export function pingWithin(docker: Docker, ms: number): Promise<unknown> {
  return callWith(docker, 'ping', within(ms));
}

export function listContainersWithin(
  docker: Docker,
  options: Docker.ContainerListOptions,
  ms: number,
): Promise<Docker.ContainerInfo[]> {
  return callWith(docker, 'listContainers', { ...options, ...within(ms) });
}

/** `GET /events`, a stream with no timeout (the events connection must stay open). */
export function openEventStream(docker: Docker, since: string | undefined): Promise<NodeJS.ReadableStream> {
  return callWith(docker, 'getEvents', since === undefined ? {} : { since });
}

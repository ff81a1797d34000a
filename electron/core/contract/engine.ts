/**
 * The contract's engine domain: which Docker endpoint core talks to, and its status.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */
import type { z } from 'zod';
import { noParams } from './params';

/** Where the endpoint came from, in the order the docker CLI looks. */
export type EndpointSource = 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'currentContext' | 'default' | 'chosen';

export interface EngineEndpoint {
  /** As the docker CLI writes it: unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host */
  host: string;
  source: EndpointSource;
  /** The docker context name this endpoint belongs to ("default" when none). */
  context: string;
  tls: boolean;
}

export interface EngineInfo {
  /** "Docker Engine", "Docker Desktop", "Colima", "Podman", ... read from the engine's info. */
  product: string;
  engineVersion: string;
  /** The API version in use after negotiation (min of the engine's and the newest we tested). */
  apiVersion: string;
  os: string;
  arch: string;
  /** The engine's host name. */
  name: string;
}

export type EngineStatus =
  | { state: 'connecting'; endpoint: EngineEndpoint | null }
  | { state: 'connected'; endpoint: EngineEndpoint; info: EngineInfo; since: number }
  | {
      state: 'unreachable';
      endpoint: EngineEndpoint | null;
      /** One sentence: what went wrong. */
      error: string;
      /** Every place that was tried, in order, e.g. "unix:///var/run/docker.sock (default)". */
      tried: string[];
      /** How to fix it on this system. */
      fix: string;
      since: number;
    };

export interface EngineRequests {
  'engine.status': { params: void; result: EngineStatus };
}

export interface EngineEvents {
  /** The engine came, went, or changed: the whole new status. */
  'engine.changed': EngineStatus;
}

/** Each request's params, validated in core before its handler runs. */
export const engineParams = {
  'engine.status': noParams,
} satisfies { [N in keyof EngineRequests]: z.ZodType };

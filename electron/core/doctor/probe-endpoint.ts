/**
 * Probe one endpoint, bounded in time: does the socket exist, does anyone answer, which engine
 * is it. The outcome keeps the live client (for listing kind nodes) and, for a unix socket, who
 * owns it (for "join the docker group").
 */
import type Docker from 'dockerode';
import { stat } from 'node:fs/promises';
import type { DoctorEndpointState, DoctorEngine } from '../contract';
import { connectAndNegotiate } from '../engine/docker-client';
import type { ResolvedEndpoint } from '../engine/endpoint';
import { explainUnreachable } from '../engine/explain';
import { identifyProduct } from '../engine/product';
import { CoreError } from '../errors';

export interface SocketOwner {
  uid: number;
  gid: number;
  mode: number;
}

export interface ProbeOutcome {
  state: DoctorEndpointState;
  /** One sentence, when not reachable. */
  error?: string;
  /** The general fix for that failure (the doctor's rules may know a more specific one). */
  fix?: string;
  /** The CoreError code or errno code behind a failure. */
  errorCode?: string;
  engine?: DoctorEngine;
  docker?: Docker;
  socket?: SocketOwner;
  probeMs: number;
}

export async function probeEndpoint(
  endpoint: ResolvedEndpoint,
  timeoutMs: number,
  platform: NodeJS.Platform,
): Promise<ProbeOutcome> {
  const started = performance.now();
  const done = (outcome: Omit<ProbeOutcome, 'probeMs'>): ProbeOutcome => ({
    ...outcome,
    probeMs: Math.round(performance.now() - started),
  });
  let socket: SocketOwner | undefined;
  if (endpoint.dial.kind === 'unix') {
    try {
      const stats = await stat(endpoint.dial.socketPath);
      socket = { uid: stats.uid, gid: stats.gid, mode: stats.mode };
      if (!stats.isSocket()) {
        return done({
          state: 'failed',
          errorCode: 'ENOTSOCK',
          error: `${endpoint.dial.socketPath} exists but is not a socket.`,
          socket,
        });
      }
    } catch (error) {
      return done(failure(error, endpoint, platform));
    }
  }
  try {
    const negotiated = await connectAndNegotiate(endpoint, timeoutMs);
    const { info, version } = negotiated;
    return done({
      state: 'reachable',
      docker: negotiated.docker,
      ...(socket ? { socket } : {}),
      engine: {
        product: identifyProduct(info, endpoint.host),
        version: version.Version,
        apiVersion: negotiated.apiVersion,
        os: info.OperatingSystem ?? version.Os,
        arch: version.Arch,
        name: info.Name ?? '',
        id: info.ID ?? '',
      },
    });
  } catch (error) {
    return done({ ...failure(error, endpoint, platform), ...(socket ? { socket } : {}) });
  }
}

function failure(error: unknown, endpoint: ResolvedEndpoint, platform: NodeJS.Platform): Omit<ProbeOutcome, 'probeMs'> {
  const explained = explainUnreachable(error, endpoint, platform);
  if (error instanceof CoreError) return { state: 'failed', errorCode: error.code, error: explained.error, fix: explained.fix };
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : '';
  const state = stateOf(code, message);
  return { state, errorCode: code || state, error: explained.error, fix: explained.fix };
}

function stateOf(code: string, message: string): DoctorEndpointState {
  switch (code) {
    case 'ENOENT':
      return 'missing';
    case 'ECONNREFUSED':
      return 'refused';
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    case 'ETIMEDOUT':
    case 'ABORT_ERR':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'timeout';
    default:
      return /timeout|aborted/i.test(message) ? 'timeout' : 'failed';
  }
}

/**
 * Opening a connection to the real engine, as the engine layer represents it (endpoint.ts):
 * a unix socket, a Windows named pipe, plain tcp, or tcp with TLS (the context's or
 * DOCKER_CERT_PATH's files). ssh:// is not forwarded: the CLI runs `docker system dial-stdio`
 * over ssh itself, and doing that per request here would need the learner's ssh agent and
 * prompts in core. For it, the terminal keeps DOCKER_HOST pinned to the real endpoint.
 */
import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Dial, ResolvedEndpoint } from '../engine/endpoint';

/** Null when the proxy can forward to this endpoint; otherwise why not, in words. */
export function cannotForward(endpoint: Pick<ResolvedEndpoint, 'dial' | 'host'>): string | null {
  if (endpoint.dial.kind === 'ssh')
    return `${endpoint.host} is an ssh:// endpoint, which Dockside's terminal proxy does not forward`;
  return null;
}

function readIfSet(path: string | undefined): Buffer | undefined {
  return path ? readFileSync(path) : undefined;
}

/**
 * A fresh connection to the engine. Half-open is allowed where the transport has it (a hijacked
 * stream's stdin may end long before its output); TLS has no half-close, as for the CLI itself.
 */
export function dialEngine(dial: Dial): Socket {
  switch (dial.kind) {
    case 'unix':
    case 'npipe':
      return netConnect({ path: dial.socketPath, allowHalfOpen: true });
    case 'tcp': {
      if (!dial.tls) return netConnect({ host: dial.host, port: dial.port, allowHalfOpen: true });
      const ca = readIfSet(dial.tls.ca);
      const cert = readIfSet(dial.tls.cert);
      const key = readIfSet(dial.tls.key);
      return tlsConnect({
        host: dial.host,
        port: dial.port,
        servername: /^[\d.]+$|:/.test(dial.host) ? undefined : dial.host,
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
        // SkipTLSVerify in a docker context: honour it as the CLI and the engine layer do.
        rejectUnauthorized: dial.tls.verify,
      });
    }
    case 'ssh':
      throw new Error('ssh:// endpoints are not forwarded by the terminal proxy');
  }
}

/**
 * Opening a connection to the real engine, as the engine layer represents it (endpoint.ts):
 * a unix socket, a Windows named pipe, plain tcp, tcp with TLS (the context's or
 * DOCKER_CERT_PATH's files), or ssh running `docker system dial-stdio` as the CLI does.
 */
import { readFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { Dial, TlsFiles } from '../engine/endpoint';
import { messageOf } from '../errors';
import { SshConnection } from './ssh-upstream';

/** A TLS file named by the endpoint; unreadable is the learner's to fix, so say which and why. */
function readTlsFile(what: string, path: string | undefined): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read the TLS ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`);
  }
}

/**
 * A connection that failed before it began (a TLS file missing): it reports the error the way a
 * refused socket does, on the next tick, so every caller handles it on its usual error path.
 */
function failedConnection(error: Error): Duplex {
  // Reads nothing and swallows writes (a PassThrough would echo the request back as an answer).
  const stream = new Duplex({ read: () => {}, write: (_chunk, _encoding, done) => done() });
  process.nextTick(() => stream.destroy(error));
  return stream;
}

function dialTls(dial: Extract<Dial, { kind: 'tcp' }>, tls: TlsFiles): Duplex {
  let files: { ca?: Buffer; cert?: Buffer; key?: Buffer };
  try {
    files = {
      ca: readTlsFile('CA certificate', tls.ca),
      cert: readTlsFile('client certificate', tls.cert),
      key: readTlsFile('client key', tls.key),
    };
  } catch (error) {
    return failedConnection(error as Error);
  }
  return tlsConnect({
    host: dial.host,
    port: dial.port,
    servername: /^[\d.]+$|:/.test(dial.host) ? undefined : dial.host,
    ...(files.ca ? { ca: files.ca } : {}),
    ...(files.cert ? { cert: files.cert } : {}),
    ...(files.key ? { key: files.key } : {}),
    // SkipTLSVerify in a docker context: honour it as the CLI and the engine layer do.
    rejectUnauthorized: tls.verify,
  });
}

/**
 * A fresh connection to the engine. Half-open is allowed (a hijacked stream's stdin may end long
 * before its output): over TLS, ending sends close_notify and the engine (Go's TLS) keeps
 * answering; over ssh, ending closes ssh's stdin and dial-stdio half-closes toward the engine.
 */
export function dialEngine(dial: Dial): Duplex {
  switch (dial.kind) {
    case 'unix':
    case 'npipe':
      return netConnect({ path: dial.socketPath, allowHalfOpen: true });
    case 'tcp':
      if (!dial.tls) return netConnect({ host: dial.host, port: dial.port, allowHalfOpen: true });
      return dialTls(dial, dial.tls);
    case 'ssh':
      return new SshConnection(dial);
  }
}

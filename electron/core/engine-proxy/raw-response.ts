/**
 * The fast path for bulk downloads (`docker cp` out of a container, `docker save`, `docker
 * export`): the request head goes to the engine as received (with `Connection: close`), and the
 * engine's answer — head and body, already framed — is piped to the client socket untouched, with
 * no parsing or re-chunking in between: hundreds of megabytes cost the proxy a copy, not a parse.
 * The engine then closes, and so does the client connection; the CLI opens a new one for its next
 * request (it honours `Connection: close`). Small requests keep their kept-alive connection:
 * for them a new connection costs more than parsing saves.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { endToEndHeaders, type ForwardTarget } from './forward-target';
import { dialEngine } from './upstream';
import { apiPath } from './api-call';

/** A bodiless GET of an archive or an image export: the engine's answer can be passed as raw bytes. */
export function isBulkDownload(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  if (req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0') return false;
  const path = apiPath(new URL(req.url ?? '/', 'http://engine').pathname);
  return /^\/containers\/[^/]+\/(archive|export)$/.test(path) || /^\/images\/(.+\/)?get$/.test(path);
}

export function forwardRawResponse(req: IncomingMessage, target: ForwardTarget, failed: (error: Error) => void): void {
  const client = req.socket;
  const upstream = dialEngine(target.dial);
  target.track(upstream);
  const headers = endToEndHeaders(req.rawHeaders);
  const lines = [`${req.method} ${req.url} HTTP/1.1`];
  for (let i = 0; i + 1 < headers.length; i += 2) lines.push(`${headers[i]}: ${headers[i + 1]}`);
  lines.push('Connection: close');
  let answered = false;
  upstream.once('data', () => (answered = true));
  upstream.on('error', (error) => {
    if (answered) client.destroy();
    else failed(error);
  });
  // The client left (Ctrl-C on `docker logs -f`): free the engine's side too.
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => {
    if (answered) client.end();
  });
  upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
  pump(upstream, client);
}

/**
 * Like `pipe`, with a deeper buffer: `pipe` pauses the engine's side whenever more than 16 KB
 * wait for the client, i.e. after every 64 KB read, and the pause/resume round trips cost a
 * tenth of the throughput. Up to 1 MB may wait here instead.
 */
const PUMP_LIMIT = 1024 * 1024;

function pump(from: Duplex, to: Duplex): void {
  from.on('data', (chunk: Buffer) => {
    to.write(chunk);
    if (to.writableLength > PUMP_LIMIT) from.pause();
  });
  to.on('drain', () => from.resume());
}

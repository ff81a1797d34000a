/**
 * Forward a connection the client upgrades (`attach`, `exec start`, `run -it` send
 * `Upgrade: tcp`; BuildKit's `/session` and `/grpc` send `Upgrade: h2c`): the request head goes
 * to the engine as received, and from then on the two sockets are one raw pipe in both
 * directions, half-close included (stdin may end long before the output does). A client that
 * died looks like one that only closed its sending side until the next byte to it fails — the
 * same as for dockerd when the client talks to it directly — and then both sides are cut.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ForwardTarget } from './forward-target';
import { BuildkitImageScan } from './buildkit-scan';
import { apiPath } from './api-call';
import { dialEngine } from './upstream';

function requestHead(req: IncomingMessage): string {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function forwardUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, target: ForwardTarget): void {
  let upstream;
  try {
    upstream = dialEngine(target.dial);
  } catch {
    client.destroy();
    return;
  }
  target.track(upstream);
  const cut = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', cut);
  upstream.on('error', cut);
  client.on('close', cut);
  upstream.on('close', cut);
  upstream.write(requestHead(req));
  if (head.length > 0) upstream.write(head);
  // BuildKit answers a build's solve on /grpc with the image it made: note its id on the way past.
  if (apiPath(new URL(req.url ?? '/', 'http://engine').pathname) === '/grpc') {
    const scan = new BuildkitImageScan((id) => target.sink.record({ type: 'image', id }));
    upstream.on('data', (chunk: Buffer) => scan.data(chunk));
  }
  client.pipe(upstream);
  upstream.pipe(client);
}

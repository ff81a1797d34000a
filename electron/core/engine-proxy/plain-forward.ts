/**
 * Forward one ordinary request to the engine on a fresh connection (so the endpoint is read per
 * request: an engine restart or a switch in the doctor needs no reconnect logic here) and stream
 * the answer back as it comes — logs, events, pull and build progress arrive chunk by chunk.
 * Bodies pass unchanged both ways; HTTP framing (chunked or sized) is redone per hop.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Dial } from '../engine/endpoint';
import { endToEndHeaders, type ForwardTarget } from './forward-target';
import { classifyCall } from './api-call';
import { CallRecorder } from './call-recorder';
import { dialEngine } from './upstream';
import { forwardRawResponse, isBulkDownload } from './raw-response';

export function forwardPlain(req: IncomingMessage, res: ServerResponse, target: ForwardTarget): void {
  const call = classifyCall(req.method ?? 'GET', req.url ?? '/');
  if (isBulkDownload(req)) {
    forwardRawResponse(req, target, (error) => failed(res, target.dial, error));
    return;
  }
  const upstream = httpRequest({
    method: req.method,
    path: req.url,
    headers: endToEndHeaders(req.rawHeaders) as unknown as Record<string, string>,
    setHost: false,
    createConnection: () => {
      const socket = dialEngine(target.dial);
      target.track(socket);
      return socket;
    },
  });
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.rawHeaders));
    // Streams (logs -f, events, progress) must reach the client at once, not when a buffer fills.
    res.flushHeaders();
    const recorder = call ? new CallRecorder(call, answer.statusCode ?? 0, target.sink) : null;
    if (recorder) answer.on('data', (chunk: Buffer) => recorder.data(chunk));
    answer.on('end', () => recorder?.end());
    answer.pipe(res);
  });
  upstream.on('error', (error) => failed(res, target.dial, error));
  // The client went away (Ctrl-C on `docker logs -f`): free the engine's side of the stream too.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

function failed(res: ServerResponse, dial: Dial, error: Error): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const where = dial.kind === 'tcp' ? `${dial.host}:${dial.port}` : dial.kind === 'ssh' ? dial.host : dial.socketPath;
  const body = JSON.stringify({
    message: `Dockside's terminal proxy cannot reach the Docker engine at ${where}: ${error.message}`,
  });
  res.writeHead(502, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Browser mode: the built renderer over HTTP and the contract over one WebSocket (plus that
 * socket's terminal-output stream), on 127.0.0.1 only, behind a token. See security.ts for the
 * rules every request must pass.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Core } from '../core/app';
// The two constant files, not the contract's index: that would load every domain's zod schemas
// before the server listens (see browser-mode.ts).
import { MAX_SOCKET_MESSAGE_BYTES } from '../core/contract/protocol';
import { OUTPUT_STREAM_PATH } from '../core/contract/wire';
import { isAllowedOrigin, judgeRequest, newToken, securityHeaders, sessionCookie } from './security';
import { serveStatic } from './static-files';
import { serveSocket, type WebSocketClient } from './websocket-client';

export const WEBSOCKET_PATH = '/ws';

/**
 * Pages that get a terminal-output stream at once. A browser opens at most 6 connections to a
 * host and each stream holds one while its page is open: past this, a new page would not even
 * load. Later pages get their output on the socket (slower for a big `cat`, otherwise the same).
 */
export const MAX_OUTPUT_STREAMS = 4;

export interface WebServerOptions {
  /** A promise while core still loads: the page's static files are served meanwhile, requests wait. */
  core: Core | Promise<Core>;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 or undefined: any free port. */
  port?: number;
  token?: string;
  /** How often to ping sockets; one that misses a pong by the next ping is cut. */
  heartbeatMs?: number;
}

export interface WebServer {
  port: number;
  token: string;
  /** The address to open, token included. */
  url: string;
  close(): Promise<void>;
}

const plain = { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

function refuseSocket(socket: Duplex, status: number, reason: string): void {
  const text = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const core = Promise.resolve(options.core);
  const token = options.token ?? newToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  // Sockets of a tab that vanished without a close frame are found by missing pongs.
  const alive = new WeakSet<object>();
  /** Open sockets by their output-stream key. */
  const clientsByOutputKey = new Map<string, WebSocketClient>();
  let port = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = requestUrl(req);
    const verdict = judgeRequest({ host: req.headers.host, url, cookie: req.headers.cookie, isUpgrade: false }, port, token);
    if (!verdict.ok) return void res.writeHead(verdict.status, plain).end(verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, plain).end('Method not allowed.');
    if (verdict.fromQuery) {
      // Trade the token in the address for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      res.writeHead(302, { ...plain, 'Set-Cookie': sessionCookie(port, token), Location: url.pathname + url.search }).end();
      return;
    }
    if (url.pathname === OUTPUT_STREAM_PATH) return serveOutputStream(req, res, url, port, clientsByOutputKey);
    try {
      serveStatic(options.staticDir, url.pathname, res, securityHeaders);
    } catch {
      if (!res.headersSent) res.writeHead(500, plain).end('Could not read the file.');
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(req);
    if (url.pathname !== WEBSOCKET_PATH) return refuseSocket(socket, 404, 'Not found.');
    const verdict = judgeRequest(
      { host: req.headers.host, url, cookie: req.headers.cookie, origin: req.headers.origin, isUpgrade: true },
      port,
      token,
    );
    if (!verdict.ok) return refuseSocket(socket, verdict.status, verdict.reason);
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // Counted alive from the start (with `noServer`, ws emits no 'connection' to hook).
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      const client = serveSocket(core, ws, randomUUID(), {
        streamOutput: clientsByOutputKey.size < MAX_OUTPUT_STREAMS,
      });
      const key = client.outputKey;
      if (key !== null) {
        clientsByOutputKey.set(key, client);
        client.onClose(() => clientsByOutputKey.delete(key));
      }
    });
  });

  const heartbeat = startHeartbeat(sockets, alive, options.heartbeatMs ?? 30_000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const ws of sockets.clients) ws.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A socket's terminal output, streamed. Only that socket's own page knows the key; a cross-origin
 * reader (which would send an Origin) is refused outright, and the response carries no CORS grant.
 */
function serveOutputStream(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  port: number,
  clientsByOutputKey: Map<string, WebSocketClient>,
): void {
  if (req.method !== 'GET') return void res.writeHead(405, plain).end('Method not allowed.');
  if (req.headers.origin !== undefined && !isAllowedOrigin(req.headers.origin, port)) {
    return void res.writeHead(403, plain).end('Origin not allowed.');
  }
  const client = clientsByOutputKey.get(url.searchParams.get('key') ?? '');
  if (!client?.output) res.writeHead(404, plain).end('No such output stream.');
  else client.output.attach(res, securityHeaders);
}

/** Ping every socket each interval; one that did not answer the last ping is gone. */
function startHeartbeat(sockets: WebSocketServer, alive: WeakSet<object>, intervalMs: number): NodeJS.Timeout {
  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  heartbeat.unref();
  return heartbeat;
}

function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://127.0.0.1');
}

/**
 * The browser-mode server over a real core: the contract round-trips over its WebSocket, a live
 * socket outlasts many heartbeats, and a socket that stops answering pings is cut (which is what
 * ends a vanished tab's terminals). A real shell's output comes through the socket's output
 * stream, which only that socket's key opens and which ends with the socket.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import { OUTPUT_STREAM_PATH, type ServerMessage, type TerminalSession } from '../../electron/core/contract';
import { OutputFrameReader } from '../../renderer/src/api/output-frames';
import { MAX_OUTPUT_STREAMS, startWebServer, type WebServer } from '../../electron/web/server';

let dir: string;
let core: Core;
let server: WebServer;
const HEARTBEAT_MS = 100;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockside-web-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const home = join(dir, 'home');
  mkdirSync(home);
  core = await createCore({
    dataDir: join(dir, 'data'),
    lessonsDir: join(dir, 'lessons'),
    version: 'test',
    // A plain shell and a home of its own: no dotfiles of this machine in the way.
    env: { ...process.env, SHELL: '/bin/sh', HOME: home },
    homeDir: home,
  });
  server = await startWebServer({ core, staticDir, heartbeatMs: HEARTBEAT_MS });
});

afterAll(async () => {
  await server.close();
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const cookie = () => `dockside_token_${server.port}=${server.token}`;
/** The output-stream key each socket was told in its first message. */
const outputKeys = new WeakMap<WebSocket, Promise<string | null>>();

function connect(options: { autoPong?: boolean } = {}): Promise<WebSocket> {
  const origin = `http://127.0.0.1:${server.port}`;
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, {
    headers: { Origin: origin, Cookie: cookie() },
    ...options,
  });
  outputKeys.set(
    socket,
    new Promise((resolve) =>
      socket.once('message', (data) => {
        const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
        if (message.type === 'hello') resolve(message.outputStream);
      }),
    ),
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function openOutput(
  key: string,
  headers: Record<string, string> = { Cookie: cookie() },
  method = 'GET',
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port: server.port,
      path: `${OUTPUT_STREAM_PATH}?key=${encodeURIComponent(key)}`,
      method,
      headers: { Host: `127.0.0.1:${server.port}`, ...headers },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

function request(socket: WebSocket, id: number, name: string, params?: unknown): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
      if (message.type === 'response' && message.id === id) {
        socket.off('message', onMessage);
        resolve(message);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'request', id, name, params }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('browser-mode server', () => {
  it('answers contract requests over the WebSocket', async () => {
    const socket = await connect();
    const reply = await request(socket, 1, 'engine.status');
    expect(reply).toMatchObject({ type: 'response', id: 1, result: { state: 'connected' } });
    const unknown = await request(socket, 2, 'shell.run');
    expect(unknown).toMatchObject({ type: 'response', id: 2, error: { code: 'UNKNOWN_REQUEST' } });
    socket.close();
  });

  it('keeps a socket that answers pings open across many heartbeats', async () => {
    const socket = await connect();
    await sleep(HEARTBEAT_MS * 6);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    expect(await request(socket, 3, 'engine.status')).toMatchObject({ result: { state: 'connected' } });
    socket.close();
  });

  it('cuts a socket that stops answering pings', async () => {
    const socket = await connect({ autoPong: false });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const code = await Promise.race([closed, sleep(HEARTBEAT_MS * 10).then(() => -1)]);
    expect(code).not.toBe(-1);
  });

  it('closes the socket on a frame that is not a JSON request', async () => {
    const socket = await connect();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('not json');
    expect(await closed).toBe(1003);
  });

  it("streams a real shell's output to the socket's own output stream, and ends it with the socket", async () => {
    const socket = await connect();
    const key = (await outputKeys.get(socket))!;
    expect(key).toMatch(/^[\w-]{32}$/);
    const response = await openOutput(key);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const frames = new OutputFrameReader();
    let text = '';
    const ended = new Promise<void>((resolve) => response.once('end', resolve));
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!pattern.test(text)) return;
          response.off('data', onData);
          resolve();
        };
        const onData = (chunk: Buffer) => {
          for (const frame of frames.push(new Uint8Array(chunk))) text += frame.data;
          check();
        };
        response.on('data', onData);
        check();
      });
    const created = await request(socket, 10, 'terminal.create', { cols: 80, rows: 24 });
    const session = (created as { result: TerminalSession }).result;
    await request(socket, 11, 'terminal.input', { id: session.id, data: 'echo streamed-$((40+2))\r' });
    await seen(/streamed-42/);
    // Nothing more is read once the socket is gone: the stream ends, and its key is forgotten.
    response.on('data', () => undefined);
    socket.close();
    await ended;
    expect((await openOutput(key)).statusCode).toBe(404);
  });

  it('opens an output stream only with the token, the right key and no foreign origin', async () => {
    const socket = await connect();
    const key = (await outputKeys.get(socket))!;
    expect((await openOutput(key, {})).statusCode).toBe(401);
    expect((await openOutput('not-the-key')).statusCode).toBe(404);
    expect((await openOutput(key, { Cookie: cookie(), Origin: 'http://127.0.0.1:1' })).statusCode).toBe(403);
    expect((await openOutput(key, { Cookie: cookie() }, 'POST')).statusCode).toBe(405);
    expect((await openOutput(key, { Cookie: cookie(), Host: 'evil.example:80' })).statusCode).toBe(403);
    socket.close();
  });

  it('streams output to the first few pages only, the rest get it on the socket; a closed page frees its place', async () => {
    // Browsers open 6 connections per host and a stream holds one: a 7th page would not load.
    const sockets: WebSocket[] = [];
    const keys: Array<string | null> = [];
    while (keys.filter((k) => k === null).length < 2 && sockets.length < MAX_OUTPUT_STREAMS + 4) {
      const socket = await connect();
      sockets.push(socket);
      keys.push(await outputKeys.get(socket)!);
    }
    const streamed = keys.filter((k) => k !== null).length;
    expect(streamed).toBeGreaterThan(0);
    expect(streamed).toBeLessThanOrEqual(MAX_OUTPUT_STREAMS);
    expect(keys.slice(keys.indexOf(null))).toEqual([null, null]);

    // A page without a stream gets its shell's output as ordinary events on the socket.
    const plain = sockets[keys.indexOf(null)]!;
    let text = '';
    plain.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
      if (message.type === 'event' && message.name === 'terminal.data') text += (message.payload as { data: string }).data;
    });
    const created = await request(plain, 20, 'terminal.create', { cols: 80, rows: 24 });
    const session = (created as { result: TerminalSession }).result;
    await request(plain, 21, 'terminal.input', { id: session.id, data: 'echo on-the-socket-$((40+2))\r' });
    await expect.poll(() => text, { timeout: 10_000 }).toMatch(/on-the-socket-42/);

    // Closing a streaming page frees a place for the next page.
    const streaming = sockets[keys.findIndex((k) => k !== null)]!;
    await new Promise<void>((resolve) => {
      streaming.once('close', () => resolve());
      streaming.close();
    });
    await expect
      .poll(async () => {
        const socket = await connect();
        sockets.push(socket);
        return (await outputKeys.get(socket)) !== null;
      })
      .toBe(true);
    for (const socket of sockets) socket.close();
  });
});

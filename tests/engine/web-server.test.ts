/**
 * The browser-mode server over a real core: the contract round-trips over its WebSocket, a live
 * socket outlasts many heartbeats, and a socket that stops answering pings is cut (which is what
 * ends a vanished tab's terminals).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import type { ServerMessage } from '../../electron/core/contract';
import { startWebServer, type WebServer } from '../../electron/web/server';

let dir: string;
let core: Core;
let server: WebServer;
const HEARTBEAT_MS = 100;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockside-web-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  core = await createCore({ dataDir: join(dir, 'data'), lessonsDir: join(dir, 'lessons'), version: 'test' });
  server = await startWebServer({ core, staticDir, heartbeatMs: HEARTBEAT_MS });
});

afterAll(async () => {
  await server.close();
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function connect(options: { autoPong?: boolean } = {}): Promise<WebSocket> {
  const origin = `http://127.0.0.1:${server.port}`;
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, {
    headers: { Origin: origin, Cookie: `dockside_token_${server.port}=${server.token}` },
    ...options,
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function request(socket: WebSocket, id: number, name: string): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
      if (message.type === 'response' && message.id === id) {
        socket.off('message', onMessage);
        resolve(message);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'request', id, name, params: undefined }));
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
});

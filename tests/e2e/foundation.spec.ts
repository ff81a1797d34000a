/** The foundation's slice, end to end: the page shows the engine, and browser mode is locked down. */
import WebSocket from 'ws';
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';

function engineVersion(): string {
  return execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).trim();
}

test('the status bar shows the engine version and endpoint', async ({ app }) => {
  const status = app.getByTestId('engine-status');
  await expect(status).toHaveAttribute('data-engine-state', 'connected');
  await expect(status).toContainText(engineVersion());
  await expect(status).toContainText('unix:///var/run/docker.sock');
});

test('the token leaves the address bar and lives on as an HttpOnly cookie', async ({ app, dockside }) => {
  expect(app.url()).not.toContain('token=');
  const cookies = await app.context().cookies();
  const cookie = cookies.find((c) => c.name === `dockside_token_${dockside.port}`);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Strict');
});

test('a request without the token gets 401 with a short reason', async ({ request, dockside }) => {
  const response = await request.get(`${dockside.origin}/`, { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  const body = await response.text();
  expect(body).toMatch(/token/i);
  expect(body).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  const wrong = await request.get(`${dockside.origin}/?token=not-the-token`, { maxRedirects: 0 });
  expect(wrong.status()).toBe(401);
});

test('a Host header of evil.example is refused (DNS rebinding)', async ({ request, dockside }) => {
  const response = await request.get(`${dockside.url}`, { headers: { Host: `evil.example:${dockside.port}` }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe('Host not allowed.');
});

function upgrade(port: number, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', reject);
  });
}

test('a WebSocket from a foreign Origin is refused, the app own origin is accepted', async ({ dockside }) => {
  const cookie = `dockside_token_${dockside.port}=${dockside.token}`;
  expect(await upgrade(dockside.port, { Origin: 'http://evil.example', Cookie: cookie })).toBe(403);
  expect(await upgrade(dockside.port, { Origin: `http://evil.example:${dockside.port}`, Cookie: cookie })).toBe(403);
  expect(await upgrade(dockside.port, { Origin: dockside.origin })).toBe(401); // right origin, no token
  expect(await upgrade(dockside.port, { Origin: dockside.origin, Cookie: cookie })).toBe('open');
});

test('the page talks to core over the WebSocket and gets typed answers', async ({ app }) => {
  // The status bar is drawn from engine.status; a request through the same api must agree.
  await expect(app.getByTestId('engine-status')).toHaveAttribute('data-engine-state', 'connected');
  const title = await app.getByTestId('engine-status').getAttribute('title');
  expect(title).toMatch(/API 1\.\d+/);
});

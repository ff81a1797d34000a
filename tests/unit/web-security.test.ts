/** Browser mode's rules for every request, without a server. */
import { describe, expect, it } from 'vitest';
import { cookieName, judgeRequest, newToken, readCookie, sessionCookie } from '../../electron/web/security';
import { fileInRoot } from '../../electron/web/static-files';

const port = 4321;
const token = newToken();
const url = (path: string) => new URL(path, 'http://127.0.0.1');

describe('judgeRequest', () => {
  it('accepts the token from the query once, then from the cookie', () => {
    expect(
      judgeRequest({ host: `127.0.0.1:${port}`, url: url(`/?token=${token}`), cookie: undefined, isUpgrade: false }, port, token),
    ).toEqual({
      ok: true,
      fromQuery: true,
    });
    const cookie = sessionCookie(port, token).split(';')[0];
    expect(judgeRequest({ host: `localhost:${port}`, url: url('/'), cookie, isUpgrade: false }, port, token)).toEqual({
      ok: true,
      fromQuery: false,
    });
  });

  it('refuses a missing or wrong token with 401', () => {
    expect(
      judgeRequest({ host: `127.0.0.1:${port}`, url: url('/'), cookie: undefined, isUpgrade: false }, port, token),
    ).toMatchObject({ ok: false, status: 401 });
    expect(
      judgeRequest({ host: `127.0.0.1:${port}`, url: url('/?token=nope'), cookie: 'x=y', isUpgrade: false }, port, token),
    ).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('refuses other hosts and other ports with 403, even with the right token (DNS rebinding)', () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', undefined]) {
      expect(
        judgeRequest({ host, url: url(`/?token=${token}`), cookie: undefined, isUpgrade: false }, port, token),
      ).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses a WebSocket whose Origin is not the server own', () => {
    const facts = { host: `127.0.0.1:${port}`, url: url(`/ws?token=${token}`), cookie: undefined, isUpgrade: true };
    expect(judgeRequest({ ...facts, origin: 'http://evil.example' }, port, token)).toMatchObject({
      status: 403,
      reason: 'Origin not allowed.',
    });
    expect(judgeRequest({ ...facts, origin: undefined }, port, token)).toMatchObject({ status: 403 });
    expect(judgeRequest({ ...facts, origin: `http://localhost:${port}` }, port, token)).toMatchObject({ ok: true });
  });
});

describe('tokens and cookies', () => {
  it('makes tokens of at least 128 bits', () => {
    expect(Buffer.from(newToken(), 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(newToken()).not.toBe(newToken());
  });

  it('sets an HttpOnly SameSite=Strict cookie named by port', () => {
    const cookie = sessionCookie(port, token);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(readCookie(`a=b; ${cookie.split(';')[0]}`, cookieName(port))).toBe(token);
  });
});

describe('fileInRoot', () => {
  it('keeps paths inside the root', () => {
    expect(fileInRoot('/srv/app', '/assets/x.js')).toBe('/srv/app/assets/x.js');
    expect(fileInRoot('/srv/app', '/../etc/passwd')).toBeNull();
    expect(fileInRoot('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(fileInRoot('/srv/app', '/a%00b')).toBeNull();
  });
});

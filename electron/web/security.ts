/**
 * Browser mode is a remote shell by design, so every request proves itself:
 * - Host must be 127.0.0.1:PORT or localhost:PORT (a DNS-rebinding page cannot pass);
 * - the token must come with it, from the URL once, then as an HttpOnly SameSite=Strict cookie;
 * - a WebSocket's Origin must be this server's own.
 * Pure functions over headers, so the rules are tested without a server.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function cookieName(port: number): string {
  // Cookies are shared across ports of one host: name ours by port so two instances never collide.
  return `dockside_token_${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).includes(hostHeader.toLowerCase());
}

export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return false;
  return allowedHosts(port).some((host) => originHeader.toLowerCase() === `http://${host}`);
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

export type Verdict = { ok: true; fromQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

export interface RequestFacts {
  host: string | undefined;
  url: URL;
  cookie: string | undefined;
  /** Only for WebSocket upgrades. */
  origin?: string | undefined;
  isUpgrade: boolean;
}

export function judgeRequest(facts: RequestFacts, port: number, token: string): Verdict {
  if (!isAllowedHost(facts.host, port)) return { ok: false, status: 403, reason: 'Host not allowed.' };
  if (facts.isUpgrade && !isAllowedOrigin(facts.origin, port)) return { ok: false, status: 403, reason: 'Origin not allowed.' };
  if (tokensMatch(readCookie(facts.cookie, cookieName(port)), token)) return { ok: true, fromQuery: false };
  if (tokensMatch(facts.url.searchParams.get('token'), token)) return { ok: true, fromQuery: true };
  return { ok: false, status: 401, reason: 'Missing or wrong token: open the address Dockside printed.' };
}

/** Headers every response carries. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

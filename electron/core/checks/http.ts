/**
 * `http`: GET a URL on this machine — its status and whether the body contains a text. Polled
 * while the step is current; local addresses only, so a lesson cannot reach out elsewhere.
 */
import { z } from 'zod';
import type { CheckContext, CheckResult, Claim } from './kind';
import { defineCheckKind } from './kind';
import { clip } from './phrases';
import { strict } from './schema-helpers';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const TIMEOUT_MS = 2000;

const localUrl = z.string().refine(
  (text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.includes(url.hostname);
    } catch {
      return false;
    }
  },
  { error: 'expected an http URL on this machine, like http://127.0.0.1:1111/ (localhost, 127.0.0.1 or [::1])' },
);

export const httpSpec = strict({
  url: localUrl,
  status: z.number().int().min(100).max(599).default(200),
  contains: z.string().optional(),
});

export type HttpSpec = z.output<typeof httpSpec>;

function wants(spec: HttpSpec): string {
  return `GET ${spec.url} answers ${spec.status}${spec.contains !== undefined ? ` with "${clip(spec.contains, 40)}" in the body` : ''}`;
}

function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

async function evaluate(spec: HttpSpec, _context: CheckContext): Promise<CheckResult> {
  let response: Response;
  try {
    response = await fetch(spec.url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const why =
      cause === 'ECONNREFUSED'
        ? 'nothing is listening there (connection refused)'
        : (error as Error).name === 'TimeoutError'
          ? `no answer within ${TIMEOUT_MS / 1000} s`
          : cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET'
            ? 'the connection was closed without an answer'
            : `the request failed (${cause ?? (error as Error).message})`;
    return { pass: false, explanation: `GET ${spec.url}: ${why}` };
  }
  const body = (await response.text().catch(() => '')).slice(0, 256 * 1024);
  if (response.status !== spec.status)
    return { pass: false, explanation: `GET ${spec.url} answers ${response.status}, not ${spec.status}` };
  if (spec.contains !== undefined && !body.includes(spec.contains)) {
    return {
      pass: false,
      explanation: `GET ${spec.url} answers ${response.status} but the body does not contain "${clip(spec.contains, 40)}" (it starts "${clip(body, 40)}")`,
    };
  }
  return { pass: true, explanation: wants(spec) };
}

function claims(spec: HttpSpec): Claim[] {
  return [{ kind: 'port', port: portOf(new URL(spec.url)) }];
}

export const httpCheck = defineCheckKind<HttpSpec>({
  name: 'http',
  schema: httpSpec,
  wants,
  triggers: () => ({ poll: true }),
  evaluate,
  claims,
});

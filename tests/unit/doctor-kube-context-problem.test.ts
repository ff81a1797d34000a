/** The doctor's sentence for a context that cannot work, from the kubeconfig and local files alone. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kubeContextProblem } from '../../electron/core/doctor/kube-context-problem';
import type { KubeUser, Kubeconfig } from '../../electron/core/doctor/kubeconfig';

const dir = mkdtempSync(join(tmpdir(), 'dockside-doctor-kube-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context = { name: 'kind-dev', cluster: 'dev', user: 'dev' };

function config(user: KubeUser | null): Kubeconfig {
  return {
    files: [],
    currentContext: 'kind-dev',
    contexts: [context],
    clusters: new Map([['dev', { server: 'https://127.0.0.1:6443', insecure: true }]]),
    users: new Map(user ? [['dev', user]] : []),
    errors: [],
  };
}

describe('kubeContextProblem', () => {
  it('a user the kubeconfig does not define', () => {
    expect(kubeContextProblem(context, config(null), [])).toBe(
      'the context names user "dev", which the kubeconfig does not define.',
    );
  });

  it('a certificate file that is missing, and one that expired', () => {
    const missing = { cert: { file: join(dir, 'nope.crt') }, key: { file: join(dir, 'nope.key') } };
    expect(kubeContextProblem(context, config(missing), [])).toBe(
      `The client certificate file ${join(dir, 'nope.crt')} of user dev does not exist.`,
    );
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'k',
        '-out',
        'c',
        '-subj',
        '/CN=dev',
        '-days',
        '1',
      ],
      { cwd: dir, stdio: 'pipe' },
    );
    const cert = { data: readFileSync(join(dir, 'c')) };
    expect(kubeContextProblem(context, config({ cert }), [])).toBeNull();
    const twoDaysOn = Date.now() + 2 * 86_400_000;
    expect(kubeContextProblem(context, config({ cert }), [], twoDaysOn)).toMatch(
      /^The client certificate of user dev expired on \d{4}-\d\d-\d\d\.$/,
    );
  });

  it('a credential plugin that is not installed', () => {
    expect(kubeContextProblem(context, config({ exec: 'aws' }), [dir])).toBe(
      'User dev gets its credentials from the plugin aws, which is not installed (not on PATH).',
    );
    expect(kubeContextProblem(context, config({ exec: 'sh' }), ['/bin', '/usr/bin'])).toBeNull();
  });
});

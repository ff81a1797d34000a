/**
 * Preflight for a Kubernetes lesson, piece by piece, each bad input one sentence: the kubeconfig
 * (malformed, a context naming an undefined user, only a remote context), credentials (a missing
 * certificate file, an expired certificate made by openssl, a plugin that is missing or exits 1),
 * a cluster that does not answer, the kubectl / helm / k9s tools, and which images go into kind.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterPreflight, pickLessonContext } from '../../electron/core/cluster/cluster-preflight';
import { credentialProblem, credentialsOf, pluginProblem } from '../../electron/core/cluster/credential-problems';
import type { LoadedLesson } from '../../electron/core/lessons/types';
import { kubeToolRequirement } from '../../electron/core/runner/kube-tools';

const dir = mkdtempSync(join(tmpdir(), 'dockside-kube-preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const system = (kubeconfig: string, PATH = '/usr/bin:/bin') => ({
  env: { KUBECONFIG: kubeconfig, PATH },
  homeDir: dir,
  platform: 'linux' as const,
});
const noLesson = { steps: [] } as unknown as LoadedLesson;

function kubeconfig(name: string, user: object, server = 'https://127.0.0.1:1', contextUser = 'learner'): string {
  const file = join(dir, name);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'local', cluster: { server, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'learner', user }],
    contexts: [{ name: 'kind-dockside', context: { cluster: 'local', user: contextUser } }],
    'current-context': 'kind-dockside',
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** A client certificate that expired yesterday, signed by a throwaway CA (openssl, as certs.sh makes them). */
function expiredCertificate(): { cert: string; key: string } {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=ca', '-days', '2');
  ssl('req', ...ec, '-keyout', 'old.key', '-out', 'old.csr', '-subj', '/CN=learner');
  ssl('x509', '-req', '-in', 'old.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-out', 'old.crt', '-days', '-1');
  return { cert: join(dir, 'old.crt'), key: join(dir, 'old.key') };
}

describe('the kubeconfig, in one sentence', () => {
  it('malformed', async () => {
    const file = join(dir, 'broken');
    writeFileSync(file, 'clusters: [\n  - name: x\n  cluster: {');
    expect(await pickLessonContext(system(file))).toMatch(new RegExp(`^your kubeconfig cannot be read: ${file}: `));
  });

  it('a context naming a user that is not defined', async () => {
    expect(await pickLessonContext(system(kubeconfig('nouser', {}, undefined, 'ghost')))).toBe(
      'context kind-dockside names user "ghost", which the kubeconfig does not define',
    );
  });

  it('only a remote context: never contacted', async () => {
    const file = kubeconfig('remote', {}, 'https://eks.example.com');
    const result = await clusterPreflight(noLesson, system(file));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(
      /^context kind-dockside is not on this machine \(.*\), and no local cluster is in your kubeconfig$/,
    );
  });
});

describe('credentials, in one sentence', () => {
  it('a certificate file that is missing', async () => {
    const file = kubeconfig('missing-cert', { 'client-certificate': join(dir, 'gone.crt'), 'client-key': join(dir, 'gone.key') });
    const picked = await pickLessonContext(system(file));
    if (typeof picked === 'string') throw new Error(picked);
    expect(credentialProblem(credentialsOf(picked.config)!, { path: '' })).toBe(
      `the client certificate file ${join(dir, 'gone.crt')} of user learner does not exist`,
    );
  });

  it('a certificate that expired', async () => {
    const { cert, key } = expiredCertificate();
    const file = kubeconfig('expired', { 'client-certificate-data': readFileSync(cert).toString('base64'), 'client-key': key });
    const result = await clusterPreflight(noLesson, system(file));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^the client certificate of user learner expired on \d{4}-\d\d-\d\d$/);
  });

  it('a credential plugin that is not installed', async () => {
    const file = kubeconfig('no-plugin', {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'dockside-no-such-plugin' },
    });
    expect((await clusterPreflight(noLesson, system(file))).detail).toBe(
      'user learner gets its credentials from the plugin dockside-no-such-plugin, which is not installed (not on PATH)',
    );
  });

  it('a credential plugin that exits 1', async () => {
    const plugin = join(dir, 'failing-plugin');
    writeFileSync(plugin, '#!/bin/sh\necho "token expired: run sso login" >&2\nexit 1\n');
    chmodSync(plugin, 0o755);
    const file = kubeconfig('bad-plugin', { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin } });
    const picked = await pickLessonContext(system(file));
    if (typeof picked === 'string') throw new Error(picked);
    expect(await pluginProblem(picked.config)).toBe(
      `the credential plugin ${plugin} of user learner failed: token expired: run sso login`,
    );
  });
});

describe('the cluster and the tools', () => {
  it('an API server that does not answer', async () => {
    const result = await clusterPreflight(noLesson, system(kubeconfig('down', {})));
    expect(result).toEqual({
      ok: false,
      detail: 'the cluster of context kind-dockside does not answer: nothing listens at https://127.0.0.1:1',
      context: 'kind-dockside',
      kindCluster: 'dockside',
    });
  });

  it('kubectl, helm and k9s: found on PATH, or the install command for this OS', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'helm'), '#!/bin/sh\n');
    chmodSync(join(bin, 'helm'), 0o755);
    expect(await kubeToolRequirement('helm', { PATH: bin }, 'linux')).toEqual({
      met: true,
      detail: `helm is at ${join(bin, 'helm')}`,
    });
    const k9s = await kubeToolRequirement('k9s', { PATH: bin }, 'darwin');
    expect(k9s).toEqual({ met: false, detail: 'k9s is not installed (this lesson uses it): brew install derailed/k9s/k9s' });
    expect((await kubeToolRequirement('kubectl', { PATH: bin }, 'linux')).detail).toMatch(
      /^kubectl is not installed \(this lesson uses it\): curl -LO "https:\/\/dl\.k8s\.io\/.*\/kubectl$/,
    );
  });
});

/**
 * Bad input against the real API server, each one sentence in preflight and on the run (the step
 * shows the run's error): a client certificate that expired (made with openssl from the test
 * cluster's own CA — the API server really refuses it), a credential plugin that exits 1 (and one
 * that works, to show the plugin path itself is fine), an API server that stops answering.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { clusterPreflight } from '../../electron/core/cluster/cluster-preflight';
import type { LoadedLesson } from '../../electron/core/lessons/types';
import { openRunCluster } from '../../electron/core/runner/run-cluster';
import { lessonFromSource } from './helpers/cluster-run';
import { CuttingProxy } from './helpers/cutting-proxy';
import { CLUSTER_ENV, Kubectl } from './helpers/test-cluster';

const dir = mkdtempSync(join(tmpdir(), 'dockside-bad-credentials-'));
const pki = join(CLUSTER_ENV.DOCKSIDE_KUBE_STATE!, 'pki');
let admin: { server: string; ca: string; cert: string; key: string };
let lesson: LoadedLesson;

const SOURCE = `---
id: kubernetes/bad-input
title: t
summary: s
track: kubernetes
order: 1
minutes: 1
requires: [kubernetes]
---
## A config map
\`\`\`check
configMap: { name: settings }
\`\`\`
\`\`\`solution
kubectl create configmap settings
\`\`\`
`;

/** A kubeconfig for the test cluster with this user, its context named like a kind one (local). */
function kubeconfig(name: string, user: object, server = admin.server): string {
  const file = join(dir, name);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: { server, 'certificate-authority-data': admin.ca } }],
    users: [{ name: 'learner', user }],
    contexts: [{ name: 'kind-dockside', context: { cluster: 'test', user: 'learner' } }],
    'current-context': 'kind-dockside',
  };
  writeFileSync(file, JSON.stringify(config));
  return file;
}

const system = (file: string) => ({
  env: { KUBECONFIG: file, PATH: process.env.PATH },
  homeDir: dir,
  platform: 'linux' as const,
});

function openRun(file: string) {
  const workspaceDir = mkdtempSync(join(dir, 'run-'));
  return openRunCluster({
    ...system(file),
    lessonId: 'kubernetes/bad-input',
    runId: 'bad00000-0000',
    workspaceDir,
    startedAt: Date.now(),
  });
}

function plugin(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

beforeAll(() => {
  const parsed = JSON.parse(
    execFileSync(
      join(inject('kubeBin'), 'kubectl'),
      ['--kubeconfig', inject('kubeconfig'), 'config', 'view', '--raw', '-o', 'json'],
      { encoding: 'utf8' },
    ),
  ) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
  };
  const { cluster } = parsed.clusters[0]!;
  const { user } = parsed.users[0]!;
  admin = {
    server: cluster.server,
    ca: cluster['certificate-authority-data'],
    cert: user['client-certificate-data'],
    key: user['client-key-data'],
  };
  lesson = lessonFromSource(SOURCE);
});

describe('bad input against the real API server', () => {
  it('answers for good credentials, naming the version', async () => {
    const file = kubeconfig('good', { 'client-certificate-data': admin.cert, 'client-key-data': admin.key });
    expect(await clusterPreflight(lesson, system(file))).toMatchObject({
      ok: true,
      detail: expect.stringMatching(
        /^context kind-dockside answers at https:\/\/127\.0\.0\.1:\d+: Kubernetes v1\.\d+\.\d+$/,
      ) as unknown,
    });
  });

  it('an expired client certificate: refused by the API server, one sentence in preflight and on the run', async () => {
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    ssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'old.key',
      '-out',
      'old.csr',
      '-subj',
      '/CN=admin/O=system:masters',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      'old.csr',
      '-CA',
      join(pki, 'ca.crt'),
      '-CAkey',
      join(pki, 'ca.key'),
      '-out',
      'old.crt',
      '-days',
      '-1',
    );
    const file = kubeconfig('expired', { 'client-certificate': join(dir, 'old.crt'), 'client-key': join(dir, 'old.key') });
    await expect(new Kubectl(inject('kubeBin'), file).run('get', 'namespaces')).rejects.toThrow(/Unauthorized|must be logged in/);
    const sentence = /^the client certificate of user learner expired on \d{4}-\d\d-\d\d$/;
    expect((await clusterPreflight(lesson, system(file))).detail).toMatch(sentence);
    const run = await openRun(file);
    expect(run.ok ? 'opened' : run.error).toMatch(/^context kind-dockside: the client certificate of user learner expired on /);
  });

  it('a credential plugin that exits 1, and one that works', async () => {
    const failing = plugin('failing-plugin', 'echo "your SSO session has expired" >&2; exit 1');
    const file = kubeconfig('failing', { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: failing } });
    const sentence = `the credential plugin ${failing} of user learner failed: your SSO session has expired`;
    expect((await clusterPreflight(lesson, system(file))).detail).toBe(sentence);
    const run = await openRun(file);
    expect(run.ok ? 'opened' : run.error).toBe(`context kind-dockside: ${sentence}`);

    const credential = {
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: {
        clientCertificateData: Buffer.from(admin.cert, 'base64').toString(),
        clientKeyData: Buffer.from(admin.key, 'base64').toString(),
      },
    };
    const working = plugin('working-plugin', `cat <<'EOF'\n${JSON.stringify(credential)}\nEOF`);
    const good = kubeconfig('working', { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: working } });
    expect(await clusterPreflight(lesson, system(good))).toMatchObject({ ok: true });
  });

  it('an API server that stops answering', async () => {
    const proxy = await CuttingProxy.inFrontOf(admin.server);
    const file = kubeconfig(
      'cut',
      { 'client-certificate-data': admin.cert, 'client-key-data': admin.key },
      `https://127.0.0.1:${proxy.port}`,
    );
    expect(await clusterPreflight(lesson, system(file))).toMatchObject({ ok: true });
    await proxy.cut();
    expect((await clusterPreflight(lesson, system(file))).detail).toBe(
      `the cluster of context kind-dockside does not answer: nothing listens at https://127.0.0.1:${proxy.port}`,
    );
    const run = await openRun(file);
    expect(run.ok ? 'opened' : run.error).toBe(`context kind-dockside: nothing listens at https://127.0.0.1:${proxy.port}`);
    expect(readFileSync(file, 'utf8')).toContain('kind-dockside'); // the learner's kubeconfig is as it was
  });
});

/**
 * kind clusters read from real node containers (labelled as kind labels them) and kubeconfig
 * contexts probed against real HTTPS API servers on 127.0.0.1 — one that demands the client
 * certificate from the kubeconfig, one that answers 401, one port nobody listens on.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../electron/core/contract';
import { runDoctor } from '../../electron/core/doctor/run-doctor';
import { FixtureHome } from '../fixtures/doctor/fixture-home';
import { fixtureTls, kubeconfigYaml, serveKubeApi, type KubeApiServer } from '../fixtures/doctor/kube-api-server';
import { REAL_ENGINE_SOCKET, serveEngineProxy } from '../fixtures/doctor/sockets';

const LABEL = 'dockside.test=doctor';
const suffix = randomBytes(3).toString('hex');
const running = `dsdoc-${suffix}-a`;
const stopped = `dsdoc-${suffix}-b`;
const noContext = `dsdoc-${suffix}-c`;
const realHost = `unix://${REAL_ENGINE_SOCKET}`;

function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' }).trim();
}

/** A container labelled the way kind labels its node containers. */
function kindNode(cluster: string, start: boolean): string {
  const name = `${cluster}-control-plane`;
  docker(
    start ? 'run' : 'create',
    ...(start ? ['-d'] : []),
    '--name',
    name,
    '--label',
    LABEL,
    '--label',
    `io.x-k8s.kind.cluster=${cluster}`,
    '--label',
    'io.x-k8s.kind.role=control-plane',
    'busybox:latest',
    'sleep',
    '600',
  );
  return name;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const cleanups: Array<() => Promise<void> | void> = [];
let fx: FixtureHome;
let withCert: KubeApiServer;
let unauthorized: KubeApiServer;
let report: DoctorReport;
let colimaHost: string;
let deadPort: number;

beforeAll(async () => {
  fx = new FixtureHome();
  cleanups.push(() => fx.dispose());
  cleanups.push(() => {
    const ids = docker('ps', '-aq', '--filter', `label=${LABEL}`, '--filter', `name=dsdoc-${suffix}-`);
    if (ids) docker('rm', '-f', ...ids.split('\n'));
  });
  kindNode(running, true);
  kindNode(stopped, false);
  kindNode(noContext, true);

  // A second socket to the same engine: its kind clusters must not be listed twice.
  fx.colimaProfile('default');
  const colima = await serveEngineProxy(fx.inHome('.colima', 'default', 'docker.sock'));
  cleanups.push(() => colima.close());
  colimaHost = colima.host;

  withCert = await serveKubeApi({ status: 200, gitVersion: 'v1.31.0-fixture', requireClientCert: true });
  unauthorized = await serveKubeApi({ status: 401 });
  cleanups.push(
    () => withCert.close(),
    () => unauthorized.close(),
  );
  deadPort = await closedPort();

  fx.write(
    fx.inHome('.kube', 'config'),
    kubeconfigYaml(`kind-${running}`, [
      { name: `kind-${running}`, server: withCert.url },
      { name: 'remote-401', server: unauthorized.url, withClientCert: false },
      { name: `kind-dsdoc-${suffix}-gone`, server: `https://127.0.0.1:${deadPort}` },
    ]),
  );
  report = await runDoctor({ env: { HOME: fx.home }, homeDir: fx.home, platform: 'linux', pathDirs: [], probeTimeoutMs: 1000 });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function cluster(name: string) {
  const found = report.kindClusters.find((c) => c.name === name);
  if (!found) throw new Error(`no kind cluster ${name} in ${JSON.stringify(report.kindClusters)}`);
  return found;
}

function context(name: string) {
  const found = report.kubeContexts.find((c) => c.name === name);
  if (!found) throw new Error(`no context ${name}`);
  return found;
}

describe('kind clusters from container labels', () => {
  it('lists a running cluster once, with every socket that leads to its engine and its context', () => {
    const a = cluster(running);
    expect(a.running).toBe(true);
    expect(a.nodes).toEqual([{ name: `${running}-control-plane`, role: 'control-plane', state: 'running' }]);
    expect(a.kubeContext).toBe(`kind-${running}`);
    expect(a.endpoints).toEqual(expect.arrayContaining([realHost, colimaHost]));
    expect(report.kindClusters.filter((c) => c.name === running)).toHaveLength(1);
    expect(report.problems.some((p) => p.subject === `kind cluster ${running}`)).toBe(false);
  });

  it('says how to start a stopped cluster’s nodes', () => {
    const b = cluster(stopped);
    expect(b.running).toBe(false);
    expect(b.nodes[0]?.state).toBe('created');
    const problem = report.problems.find((p) => p.subject === `kind cluster ${stopped}`);
    expect(problem).toMatchObject({
      code: 'kind-cluster-stopped',
      severity: 'warning',
      command: `docker start ${stopped}-control-plane`,
    });
  });

  it('says how to get the context of a cluster the kubeconfig lacks', () => {
    expect(cluster(noContext).kubeContext).toBeNull();
    const problem = report.problems.find((p) => p.subject === `kind cluster ${noContext}`);
    expect(problem).toMatchObject({ code: 'kind-kubeconfig-missing', command: `kind export kubeconfig --name ${noContext}` });
  });
});

describe('kubeconfig contexts and whether their API servers answer', () => {
  it('reaches an API server that demands the kubeconfig’s client certificate', () => {
    const a = context(`kind-${running}`);
    expect(a).toMatchObject({
      current: true,
      local: true,
      answers: true,
      status: 200,
      version: 'v1.31.0-fixture',
      server: withCert.url,
    });
    expect(withCert.requests).toBeGreaterThan(0);
  });

  it('counts a 401 as answering', () => {
    expect(context('remote-401')).toMatchObject({ answers: true, status: 401 });
    expect(report.problems.some((p) => p.subject === 'kube context remote-401')).toBe(false);
  });

  it('reports a context whose API server is gone, with a fix', () => {
    const gone = context(`kind-dsdoc-${suffix}-gone`);
    expect(gone.answers).toBe(false);
    expect(gone.error).toBe(`nothing listens at https://127.0.0.1:${deadPort}.`);
    const problem = report.problems.find((p) => p.subject === `kube context kind-dsdoc-${suffix}-gone`);
    // kind is not on this (empty) PATH, so the fix installs it and creates a cluster.
    expect(problem).toMatchObject({ code: 'kube-context-unreachable', severity: 'info' });
    expect(problem?.command).toContain('kind create cluster');
  });

  it('merges KUBECONFIG files as kubectl does: the first definition and current-context win', async () => {
    const second = fx.write(
      fx.inHome('kube-b', 'config'),
      kubeconfigYaml('extra', [
        { name: `kind-${running}`, server: `https://127.0.0.1:${deadPort}` },
        { name: 'extra', server: withCert.url, caFile: 'ca.pem' },
      ]),
    );
    // "certificate-authority: ca.pem" is relative to the file that names it.
    copyFileSync(fixtureTls.caPath, fx.inHome('kube-b', 'ca.pem'));
    const merged = await runDoctor({
      env: { HOME: fx.home, KUBECONFIG: `${fx.inHome('.kube', 'config')}:${fx.inHome('missing', 'config')}:${second}` },
      homeDir: fx.home,
      platform: 'linux',
      pathDirs: [],
      probeTimeoutMs: 1000,
    });
    expect(merged.kubeconfig.files).toEqual([fx.inHome('.kube', 'config'), second]);
    expect(merged.kubeconfig.currentContext).toBe(`kind-${running}`);
    const names = merged.kubeContexts.map((c) => c.name);
    expect(names).toEqual([`kind-${running}`, 'remote-401', `kind-dsdoc-${suffix}-gone`, 'extra']);
    expect(merged.kubeContexts.find((c) => c.name === `kind-${running}`)?.server).toBe(withCert.url);
    expect(merged.kubeContexts.find((c) => c.name === 'extra')).toMatchObject({ answers: true, status: 200 });
  });

  it('reports a kubeconfig that is not YAML, naming the file', async () => {
    const broken = fx.write(fx.inHome('broken', 'config'), 'clusters: [\n  - name: x\n  cluster: {\n');
    const result = await runDoctor({
      env: { HOME: fx.home, KUBECONFIG: broken },
      homeDir: fx.home,
      platform: 'linux',
      pathDirs: [],
      probeTimeoutMs: 1000,
    });
    const problem = result.problems.find((p) => p.code === 'kubeconfig-invalid');
    expect(problem?.summary).toContain(broken);
    expect(result.kubeContexts).toEqual([]);
  });

  it('stays within its time bound', () => {
    expect(report.durationMs).toBeLessThan(3000);
  });
});

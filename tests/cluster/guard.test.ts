/**
 * The context guard's promise, on the wire: a kubeconfig whose current context points off the
 * machine — here at an address in a network namespace this test makes, where a listener counts
 * connections — is never contacted (not by the doctor, not by a lesson connection) and its
 * credential plugin never runs; the local context in the same file is offered instead.
 * Needs root (ip netns).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ClusterConnection, RemoteContextRefused } from '../../electron/core/cluster/cluster-connection';
import { offerLocalContext, readLearnerKubeconfig, summariseContexts } from '../../electron/core/cluster/learner-kubeconfig';
import { runDoctor } from '../../electron/core/doctor/run-doctor';

const tag = Math.random().toString(16).slice(2, 6);
const netns = `dsguard-${tag}`;
const hostLink = `dsg${tag}a`;
const nsLink = `dsg${tag}b`;
const octet = 200 + (parseInt(tag, 16) % 50);
const remoteIp = `10.254.${octet}.2`;
const dir = mkdtempSync(join(tmpdir(), 'dockside-guard-'));
const countFile = join(dir, 'connections');
const pluginMarker = join(dir, 'plugin-ran');
let listener: ChildProcess;

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

async function connections(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return existsSync(countFile) ? Number(readFileSync(countFile, 'utf8')) : 0;
}

beforeAll(async () => {
  ip('netns', 'add', netns);
  ip('link', 'add', hostLink, 'type', 'veth', 'peer', 'name', nsLink);
  ip('link', 'set', nsLink, 'netns', netns);
  ip('addr', 'add', `10.254.${octet}.1/30`, 'dev', hostLink);
  ip('link', 'set', hostLink, 'up');
  ip('netns', 'exec', netns, 'ip', 'addr', 'add', `${remoteIp}/30`, 'dev', nsLink);
  ip('netns', 'exec', netns, 'ip', 'link', 'set', nsLink, 'up');
  const server = `let n=0;require('net').createServer(s=>{n++;require('fs').writeFileSync(${JSON.stringify(countFile)},String(n));s.destroy()}).listen(6443,${JSON.stringify(remoteIp)},()=>console.log('up'))`;
  listener = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', server], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => listener.stdout!.once('data', resolve));
  // The address is reachable from here: a connection Dockside made would be counted.
  await new Promise<void>((resolve, reject) =>
    connect(6443, remoteIp)
      .on('close', () => resolve())
      .on('error', reject),
  );
  expect(await connections()).toBe(1);
});

afterAll(() => {
  listener?.kill();
  try {
    ip('link', 'del', hostLink);
  } catch {
    // gone with the namespace
  }
  ip('netns', 'del', netns);
});

function learnerKubeconfig(): string {
  const admin = new KubeConfig();
  admin.loadFromFile(inject('kubeconfig'));
  const plugin = join(dir, 'credential-plugin.sh');
  writeFileSync(
    plugin,
    `#!/bin/sh\ntouch ${pluginMarker}\necho '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"x"}}'\n`,
    { mode: 0o755 },
  );
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [
      { name: 'prod', server: `https://${remoteIp}:6443`, skipTLSVerify: false },
      { ...admin.getCurrentCluster()!, name: 'kind-dockside' },
    ],
    users: [
      { name: 'prod', exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: plugin, args: [] } },
      { ...admin.getCurrentUser()!, name: 'kind-dockside' },
    ],
    contexts: [
      { name: 'prod-eks', cluster: 'prod', user: 'prod' },
      { name: 'kind-dockside', cluster: 'kind-dockside', user: 'kind-dockside' },
    ],
    currentContext: 'prod-eks',
  });
  const file = join(dir, 'config');
  writeFileSync(file, config.exportConfig());
  return file;
}

it('never contacts a remote current context, runs no plugin of it, and offers the local one', async () => {
  const file = learnerKubeconfig();
  const learner = await readLearnerKubeconfig({ env: { KUBECONFIG: file }, homeDir: dir, platform: 'linux' });
  const contexts = summariseContexts(learner.config);
  expect(contexts.find((c) => c.name === 'prod-eks')).toMatchObject({
    local: false,
    current: true,
    reason: `its server ${remoteIp} is another machine`,
  });
  expect(offerLocalContext(contexts)?.name).toBe('kind-dockside');

  // A lesson connection to it is refused before any packet is sent.
  expect(() => ClusterConnection.open(learner.config)).toThrow(RemoteContextRefused);
  expect(() => ClusterConnection.open(learner.config)).toThrow(
    `context prod-eks is not on this machine (its server ${remoteIp} is another machine); Dockside contacts it only if you pick it`,
  );

  // The doctor lists it from the kubeconfig alone, and probes only the local one.
  const report = await runDoctor({
    env: { KUBECONFIG: file, HOME: dir },
    homeDir: dir,
    platform: 'linux',
    pathDirs: [],
    probeTimeoutMs: 2000,
  });
  expect(report.kubeContexts.find((c) => c.name === 'prod-eks')).toMatchObject({ local: false, probed: false, answers: false });
  expect(report.kubeContexts.find((c) => c.name === 'kind-dockside')).toMatchObject({ local: true, probed: true, answers: true });
  expect(report.problems.some((p) => p.subject === 'kube context prod-eks')).toBe(false);

  // The local one is used instead: it answers.
  const local = new KubeConfig();
  local.loadFromString(learner.config.exportConfig());
  local.setCurrentContext('kind-dockside');
  const connection = ClusterConnection.open(local);
  expect((await connection.list('namespaces')).items.length).toBeGreaterThan(0);

  expect(await connections()).toBe(1); // only the test's own probe
  expect(existsSync(pluginMarker)).toBe(false);
});

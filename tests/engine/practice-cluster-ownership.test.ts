/**
 * "Delete practice cluster" deletes only the kind cluster Dockside created: against the real
 * engine and the real kind CLI. The node is a real container the test makes with kind's name and
 * label (`dockside-control-plane`, io.x-k8s.kind.cluster=dockside), which kind itself takes for
 * the cluster's node; a real kind cluster cannot start on our test machines. The test refuses to
 * run where a container of that name exists already (someone's real practice cluster).
 */
import Docker from 'dockerode';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PracticeCluster } from '../../electron/core/cluster/practice-cluster';
import {
  PRACTICE_NODE,
  practiceNodeOn,
  readPracticeMarker,
  recordPracticeNode,
} from '../../electron/core/cluster/practice-ownership';

const engine = new Docker({ socketPath: '/var/run/docker.sock' });
let kind: string;
let home: string;

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const nodeExists = () => docker('ps', '-a', '--filter', `name=^/${PRACTICE_NODE}$`, '--format', '{{.ID}}') !== '';

/** A container kind takes for the practice cluster's node (made by this test, removed by it). */
function makeNode(): string {
  return docker('run', '-d', '--name', PRACTICE_NODE, '--label', 'io.x-k8s.kind.cluster=dockside', '--label', 'io.x-k8s.kind.role=control-plane', '--network', 'none', 'busybox:musl', 'sleep', '3600'); // prettier-ignore
}

const KUBECONFIG = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: 'kind-dockside', cluster: { server: 'https://127.0.0.1:1' } }],
  users: [{ name: 'kind-dockside', user: { token: 'not-a-secret' } }],
  contexts: [{ name: 'kind-dockside', context: { cluster: 'kind-dockside', user: 'kind-dockside' } }],
  'current-context': 'kind-dockside',
});

beforeAll(() => {
  if (nodeExists()) throw new Error(`a container named ${PRACTICE_NODE} exists already: this test will not touch it`);
  kind = execFileSync('bash', [join(import.meta.dirname, 'kind-cli.sh')], { encoding: 'utf8', timeout: 600_000 }).trim();
}, 600_000);

afterEach(() => {
  if (nodeExists()) docker('rm', '-f', '-v', PRACTICE_NODE);
  rmSync(home, { recursive: true, force: true });
});

function practice(): PracticeCluster {
  home = mkdtempSync(join(tmpdir(), 'dockside-practice-own-'));
  writeFileSync(join(home, 'kubeconfig'), KUBECONFIG, { mode: 0o600 });
  return new PracticeCluster({
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, KUBECONFIG: join(home, 'kubeconfig'), DOCKSIDE_KIND: kind },
    platform: 'linux',
    endpoint: () => ({ host: 'unix:///var/run/docker.sock', context: 'default' }),
    onChange: () => undefined,
    dataDir: home,
    nodeContainer: () => practiceNodeOn(engine),
  });
}

describe('deleting the practice cluster', () => {
  it('refuses a kind cluster named dockside that Dockside did not create, saying why, and touches nothing', async () => {
    const cluster = practice();
    const id = makeNode();
    await cluster.start('delete');
    const job = await cluster.settled();
    expect(job).toMatchObject({ state: 'failed', lines: [] });
    expect(job?.error).toBe(
      'Dockside did not create the kind cluster dockside (it has no record of making it), so it leaves it alone. Delete it yourself with `kind delete cluster --name dockside` if you mean to.',
    );
    expect(docker('inspect', '-f', '{{.Id}}', PRACTICE_NODE)).toBe(id);
    expect(readFileSync(join(home, 'kubeconfig'), 'utf8')).toBe(KUBECONFIG);
  });

  it('refuses one made again since Dockside made its own (another node container)', async () => {
    const cluster = practice();
    const before = Date.now();
    const first = makeNode();
    expect(await recordPracticeNode(home, await practiceNodeOn(engine), before)).toBe(true);
    docker('rm', '-f', first);
    const second = makeNode();
    await cluster.start('delete');
    const job = await cluster.settled();
    expect(job?.error).toBe(
      'The kind cluster dockside is not the one Dockside created: its node container dockside-control-plane was made again since, by something else, so Dockside leaves it alone. Delete it yourself with `kind delete cluster --name dockside` if you mean to.',
    );
    expect(docker('inspect', '-f', '{{.Id}}', PRACTICE_NODE)).toBe(second);
  });

  it('deletes the one Dockside created: kind removes its node container and its context, and the record goes', async () => {
    const cluster = practice();
    const before = Date.now();
    makeNode();
    expect(await recordPracticeNode(home, await practiceNodeOn(engine), before)).toBe(true);
    expect(await cluster.ownership()).toEqual({ ours: true });
    await cluster.start('delete');
    const job = await cluster.settled();
    expect(job).toMatchObject({ state: 'done', error: null });
    expect(nodeExists()).toBe(false);
    expect(readFileSync(join(home, 'kubeconfig'), 'utf8')).not.toContain('kind-dockside');
    expect(await readPracticeMarker(home)).toBeNull();
    expect(existsSync(join(home, 'practice-cluster.json'))).toBe(false);
  }, 60_000);

  it('records only a node container made during Dockside’s create, not one that was there before', async () => {
    practice();
    makeNode();
    const node = await practiceNodeOn(engine);
    expect(node).not.toBeNull();
    // A create that began a minute after the container existed did not make it.
    expect(await recordPracticeNode(home, node, node!.createdAt + 60_000)).toBe(false);
    expect(await readPracticeMarker(home)).toBeNull();
    expect(await recordPracticeNode(home, node, node!.createdAt - 1_000)).toBe(true);
    expect((await readPracticeMarker(home))?.nodeContainerId).toBe(node!.id);
  });
});

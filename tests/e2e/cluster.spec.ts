/**
 * The learner's cluster in the real UI: the status bar and the doctor name the cluster the
 * Kubernetes lessons use (or "No local cluster"); the Kubernetes page says how to get one and
 * runs a real kind (built from the Go module proxy) whose failure shows as one sentence; and
 * "Delete practice cluster" deletes only the one Dockside created. (The context guard dialog is
 * cluster-guard.spec.ts.) The remote address here is TEST-NET-1 (192.0.2.0/24, never routed);
 * the node image's registry is 127.0.0.1:1, so kind cannot pull from anywhere.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAccessible } from './axe';
import { openApp, startDockside, stopDockside } from './fixtures';

const PATH_WITHOUT_KIND = '/usr/local/bin:/usr/bin:/bin';
const REMOTE = 'https://192.0.2.10:6443';

function kubeconfig(dir: string, current: string, contexts: [string, string][]): string {
  const file = join(dir, 'kubeconfig');
  const yaml = [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${current}`,
    'clusters:',
    ...contexts.flatMap(([name, server]) => [`- name: ${name}`, `  cluster: { server: "${server}" }`]),
    'users:',
    '- name: learner',
    '  user: { token: not-a-secret }',
    'contexts:',
    ...contexts.flatMap(([name]) => [`- name: ${name}`, `  context: { cluster: ${name}, user: learner }`]),
    '',
  ].join('\n');
  writeFileSync(file, yaml, { mode: 0o600 });
  return file;
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.DOCKSIDE_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
}

base('no local cluster: the status bar and doctor say so, the Kubernetes page says how to get one', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-e2e-cluster-'));
  const server = await startDockside({
    KUBECONFIG: kubeconfig(dir, 'prod-eks', [['prod-eks', REMOTE]]),
    PATH: PATH_WITHOUT_KIND,
  });
  try {
    await openApp(page, server);
    const item = page.getByTestId('kube-context');
    await expect(item).toHaveText('No local cluster');
    const setup = page.getByTestId('catalog-kube-setup');
    await expect(setup).toContainText('No local cluster yet.');
    await expect(setup).toContainText('kind create cluster --name dockside');
    // No kind on PATH: the panel offers the Kubernetes page, not the button.
    await expect(setup.getByRole('button', { name: 'Create a practice cluster' })).toHaveCount(0);
    await item.click();
    const view = page.getByTestId('cluster-view');
    await expect(view.getByTestId('cluster-in-use')).toHaveText('No local cluster');
    await expect(view.getByTestId('cluster-guard-note')).toContainText('prod-eks is not on this machine');
    await expect(view.getByTestId('cluster-setup')).toContainText('kind create cluster --name dockside');
    // Without kind on PATH there is no button, and the sentence says how to install it.
    await expect(view.getByTestId('practice-no-kind')).toHaveText(
      `The kind CLI is not on your PATH. Install kind with curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.33.0/kind-linux-${process.arch === 'arm64' ? 'arm64' : 'amd64'} && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind, then try again.`,
    );
    await expect(view.getByRole('button', { name: 'Create a practice cluster' })).toHaveCount(0);
    await expectAccessible(page, 'the Kubernetes page without a cluster');
    await shot(page, 'cluster-none');
    await page.goto(`${server.origin}/#/doctor`);
    await expect(page.getByTestId('doctor-lesson-cluster')).toContainText('Lessons use: No local cluster');
    await expect(page.getByTestId('doctor-kube-context')).toContainText('Not contacted');
    await shot(page, 'doctor-no-cluster');
  } finally {
    await stopDockside(server);
    rmSync(dir, { recursive: true, force: true });
  }
});

base('the practice cluster: kind runs, streams its output, and its failure is one sentence', async ({ page }) => {
  base.setTimeout(180_000);
  const kind = execFileSync('bash', ['tests/engine/kind-cli.sh'], { encoding: 'utf8', timeout: 600_000 }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'dockside-e2e-cluster-'));
  const image = '127.0.0.1:1/dockside/missing:1';
  const server = await startDockside({
    KUBECONFIG: kubeconfig(dir, 'prod-eks', [['prod-eks', REMOTE]]),
    DOCKSIDE_KIND: kind,
    DOCKSIDE_KIND_NODE_IMAGE: image,
  });
  try {
    await openApp(page, server);
    await page.goto(`${server.origin}/#/kubernetes`);
    await page.getByRole('button', { name: 'Create a practice cluster' }).click();
    const job = page.getByTestId('practice-job');
    await expect(job).toHaveAttribute('data-state', 'running');
    await expect(page.getByRole('progressbar', { name: 'Creating the practice cluster' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(job.getByLabel("kind's output")).toContainText('Ensuring node image');
    await shot(page, 'cluster-practice-running');
    await expect(job).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
    await expect(job.getByTestId('practice-error')).toHaveText(
      `The node image ${image} is not on your engine and its registry could not be reached: pull it while you are online (docker pull ${image}) and try again.`,
    );
    await expectAccessible(page, 'the Kubernetes page after a failed practice cluster');
    await shot(page, 'cluster-practice-failed');
  } finally {
    await stopDockside(server);
    rmSync(dir, { recursive: true, force: true });
  }
});

base('the practice cluster: only the one Dockside created is deleted, in one click', async ({ page }) => {
  const kind = execFileSync('bash', ['tests/engine/kind-cli.sh'], { encoding: 'utf8', timeout: 600_000 }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'dockside-e2e-cluster-'));
  const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
  if (docker('ps', '-a', '--filter', 'name=^/dockside-control-plane$', '--format', '{{.ID}}'))
    throw new Error('a container named dockside-control-plane exists already: this test will not touch it');
  // A container kind takes for the practice cluster's node (a real kind node cannot start here).
  const node = docker('run', '-d', '--name', 'dockside-control-plane', '--label', 'io.x-k8s.kind.cluster=dockside', '--network', 'none', 'busybox:musl', 'sleep', '600'); // prettier-ignore
  const config = kubeconfig(dir, 'kind-dockside', [['kind-dockside', 'https://127.0.0.1:1']]);
  const server = await startDockside({ KUBECONFIG: config, DOCKSIDE_KIND: kind });
  try {
    await openApp(page, server);
    await expect(page.getByTestId('kube-context')).toHaveText('kind-dockside · kind');
    await page.getByTestId('kube-context').click();
    // Not made by this Dockside: no Delete button, and the card says why.
    await expect(page.getByTestId('practice-not-ours')).toHaveText(
      'Dockside did not create the kind cluster dockside (it has no record of making it), so it leaves it alone. Delete it yourself with kind delete cluster --name dockside if you mean to.',
    );
    await expect(page.getByRole('button', { name: 'Delete practice cluster' })).toHaveCount(0);
    await shot(page, 'cluster-practice-not-ours');
    // As Dockside records the node container its own create left behind.
    const marker = { cluster: 'dockside', nodeContainerId: node, recordedAt: new Date().toISOString() };
    mkdirSync(server.dataDir, { recursive: true });
    writeFileSync(join(server.dataDir, 'practice-cluster.json'), JSON.stringify(marker));
    await page.reload();
    await page.getByRole('button', { name: 'Delete practice cluster' }).click();
    await expect(page.getByTestId('practice-job')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('practice-job')).toContainText('The practice cluster is deleted.');
    await expect(page.getByTestId('kube-context')).toHaveText('No local cluster');
    expect(readFileSync(config, 'utf8')).not.toContain('kind-dockside');
    expect(docker('ps', '-a', '--filter', 'name=^/dockside-control-plane$', '--format', '{{.ID}}')).toBe('');
  } finally {
    await stopDockside(server);
    execFileSync('docker', ['rm', '-f', node], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
});

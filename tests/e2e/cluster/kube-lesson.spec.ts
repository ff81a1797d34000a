/**
 * A Kubernetes lesson end to end, on a real control plane with kwok nodes: each step passes in
 * the UI when `kubectl` is typed in the lesson's terminal (whose KUBECONFIG is the lesson
 * kubeconfig, defaulting to the run's namespace); the live panel draws the namespace as a tree;
 * the watch survives the API server restarting mid-lesson (a step done while it reconnects still
 * passes); and reset deletes the run's namespace and the ClusterRole made during the run, and
 * nothing else: a namespace and a ClusterRole the test made beforehand stay.
 */
import { test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, startDockside, stopDockside, type DocksideServer } from '../fixtures';
import { expect, openLesson, step, typeCommand } from '../lesson-helpers';
import { ApiServerProcess } from './api-server';
import { E2E_CLUSTER_ENV, e2eCluster } from './kube-e2e-env';
import { KUBE_LESSON_ID, kubeLessonsDir } from './kube-lesson-fixture';

const cluster = e2eCluster();
const suffix = Date.now().toString(36);
const bystander = `e2e-bystander-${suffix}`;
const earlierRole = `e2e-earlier-${suffix}`;
const SHOTS = join(import.meta.dirname, '..', '..', '..', 'test-results', 'kube-live');

test.describe.configure({ mode: 'serial' });
// Skipped only off CI, with the reason global-setup.ts found (not root, no kube binaries).
test.skip(cluster.skip !== null, cluster.skip ?? '');

/** kubectl as the test (the cluster's admin), never through the lesson. */
function admin(...args: string[]): string {
  return execFileSync(join(cluster.binDir, 'kubectl'), ['--kubeconfig', cluster.kubeconfig, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function exists(...args: string[]): boolean {
  try {
    admin('get', ...args);
    return true;
  } catch {
    return false;
  }
}

/** The namespaces Dockside made for this lesson's runs (labelled by lesson). */
function runNamespaces(): string[] {
  const out = admin('get', 'namespaces', '-l', 'dockside.dev/lesson=kubernetes-cluster-e2e', '-o', 'name');
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace('namespace/', ''));
}

async function expectPassed(page: Page, index: number): Promise<void> {
  await expect(step(page, index)).toHaveAttribute('data-step-status', 'passed', { timeout: 30_000 });
}

let server: DocksideServer;
let lessonsDir: string;

test.beforeAll(async () => {
  lessonsDir = kubeLessonsDir();
  admin('create', 'namespace', bystander);
  admin('create', 'configmap', 'keep-me', '-n', bystander, '--from-literal=owner=test');
  admin('create', 'clusterrole', earlierRole, '--verb=get', '--resource=pods');
  // Creation times have whole seconds: the run begins in a later second than the test's own objects.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  server = await startDockside({
    KUBECONFIG: cluster.kubeconfig,
    // The built kubectl first: the one on this machine's PATH may be another tool's wrapper.
    PATH: `${cluster.binDir}:${process.env.PATH ?? ''}`,
    DOCKSIDE_LESSONS_DIR: lessonsDir,
  });
});

test.afterAll(async () => {
  if (server) await stopDockside(server);
  if (lessonsDir) rmSync(lessonsDir, { recursive: true, force: true });
  for (const namespace of [bystander, ...runNamespaces()])
    admin('delete', 'namespace', namespace, '--wait=false', '--ignore-not-found');
  admin('delete', 'clusterrole', earlierRole, 'e2e-reader', '--ignore-not-found');
});

test('kubectl in the terminal passes the steps, the live panel draws the tree, the watch survives an API server restart, reset removes only the run', async ({
  page,
}) => {
  await openApp(page, server);
  await openLesson(page, KUBE_LESSON_ID);
  const [namespace] = runNamespaces();
  expect(namespace).toMatch(/^dockside-kubernetes-cluster-e2e-/);

  // The terminal reaches the lesson's cluster only, through the lesson kubeconfig.
  await typeCommand(page, 'kubectl config view --minify -o jsonpath="{..namespace}"; echo " $KUBECONFIG"');
  await expect.poll(() => page.evaluate(() => window.docksideTerminals?.activeText() ?? '')).toContain(`${namespace} /`);

  await typeCommand(page, 'kubectl create configmap settings --from-literal=color=blue');
  await expectPassed(page, 0);

  await typeCommand(page, 'kubectl create deployment web --image=busybox:latest --replicas=2');
  await expectPassed(page, 1);
  const live = page.getByTestId('live-state');
  await expect(live.getByTestId('kube-deployment')).toHaveAttribute('data-name', 'web');
  await expect(live.locator('[data-testid="kube-pod"][data-phase="Running"]')).toHaveCount(2);

  // The API server goes away: the step is on hold, not failed.
  const apiServer = new ApiServerProcess(
    E2E_CLUSTER_ENV.DOCKSIDE_KUBE_STATE!,
    join(cluster.binDir, 'kubectl'),
    cluster.kubeconfig,
  );
  await apiServer.stop();
  await expect(step(page, 2)).toContainText('On hold', { timeout: 30_000 });
  await expect(step(page, 2)).toHaveAttribute('data-step-status', 'current');
  await apiServer.start();
  // Done as soon as the API server answers, while the run's watches are still reconnecting.
  await typeCommand(page, 'kubectl expose deployment web --port=80 --target-port=8080');
  await expectPassed(page, 2);
  await expect(live.getByTestId('kube-service')).toHaveAttribute('data-ready-endpoints', '2', { timeout: 30_000 });
  await page.getByTestId('live-state').screenshot({ path: join(SHOTS, 'kube-live-panel.png') });
  await page.screenshot({ path: join(SHOTS, 'kube-lesson.png') });

  await typeCommand(page, 'kubectl create clusterrole e2e-reader --verb=get --resource=pods');
  await expectPassed(page, 3);
  await expect(page.locator(`article[data-lesson-id="${KUBE_LESSON_ID}"]`)).toHaveAttribute('data-run-status', 'complete');

  // Reset step says what it does in a cluster: the step's objects share the run's namespace, so they stay.
  await step(page, 1).getByTestId('reset-step').click();
  await expect(page.getByTestId('confirm-reset-step')).toContainText('What you made in the cluster stays as it is');
  await page.getByTestId('confirm-reset-step').getByRole('button', { name: 'Cancel' }).click();

  // Reset: the run's namespace and the ClusterRole made during the run go; nothing else does.
  await page.getByTestId('reset-lesson').click();
  await page.getByTestId('confirm-reset-lesson').getByRole('button', { name: 'Reset lesson' }).click();
  await expect(page.getByTestId('toasts')).toContainText(`namespace ${namespace}`, { timeout: 60_000 });
  await expect(page.getByTestId('toasts')).toContainText('ClusterRole e2e-reader');
  expect(exists('namespace', namespace!)).toBe(false);
  expect(exists('clusterrole', 'e2e-reader')).toBe(false);
  expect(admin('get', 'configmap', 'keep-me', '-n', bystander, '-o', 'name')).toBe('configmap/keep-me');
  expect(exists('clusterrole', earlierRole)).toBe(true);
  // A new attempt, in a namespace of its own.
  await expect(step(page, 0)).toHaveAttribute('data-step-status', 'current');
  await expect.poll(runNamespaces).toHaveLength(1);
  expect(runNamespaces()[0]).not.toBe(namespace);
});

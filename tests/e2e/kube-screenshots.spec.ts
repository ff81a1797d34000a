/**
 * The README's screenshots of a Kubernetes lesson midway (docs/screenshots/kube-lesson-midway-*.png):
 * `kubernetes/deployments` with two steps passed, kubectl's output in the terminal and the live
 * tree (Deployment → ReplicaSet → pods) beside it, light and dark — from the real app against a
 * real cluster whose pods really run. Retaken with a test cluster with a real node (tests/kube:
 * `start.sh --real-node`) and
 *
 *     npm run build && DOCKSIDE_SCREENSHOTS=1 DOCKSIDE_SCREENSHOTS_KUBECONFIG=<its admin kubeconfig> \
 *       npx playwright test tests/e2e/kube-screenshots.spec.ts --workers 1
 *
 * Skipped without both variables: it rewrites files in the repository and needs a cluster.
 */
import type { Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { openApp, startDockside, stopDockside } from './fixtures';
import { dismissToasts, expect, openLesson, step, test, typeCommand } from './lesson-helpers';

const OUT = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const LESSON = 'kubernetes/deployments';
const SCHEMES = ['light', 'dark'] as const;
const KUBECONFIG = process.env.DOCKSIDE_SCREENSHOTS_KUBECONFIG ?? '';

test.skip(
  !process.env.DOCKSIDE_SCREENSHOTS || !KUBECONFIG,
  'writes docs/screenshots/kube-*.png on a test cluster: run with DOCKSIDE_SCREENSHOTS=1 DOCKSIDE_SCREENSHOTS_KUBECONFIG=<admin kubeconfig>',
);
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

/** Where tests/kube/build.sh put the built kubectl (warm: it only prints the directory). */
const kubeBin = () => execFileSync('bash', [resolve(import.meta.dirname, '..', 'kube', 'build.sh')], { encoding: 'utf8' }).trim();

/** This lesson's run namespaces on the cluster (labelled by Dockside), by name. */
function runNamespaces(bin: string): string[] {
  const selector = 'dockside.dev/lesson=kubernetes-deployments,app.kubernetes.io/managed-by=dockside';
  const out = execFileSync(join(bin, 'kubectl'), ['get', 'namespaces', '-l', selector, '-o', 'name'], {
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG },
  });
  return out.split('\n').filter((line) => line !== '');
}

/**
 * Reset starts a fresh run, with a namespace of its own, and the server stops with it open: delete
 * the run namespaces that appeared during this test (never one that was there before).
 */
function deleteNewRunNamespaces(bin: string, before: readonly string[]): void {
  const made = runNamespaces(bin).filter((name) => !before.includes(name));
  if (made.length === 0) return;
  execFileSync(join(bin, 'kubectl'), ['delete', ...made, '--wait=false'], { env: { ...process.env, KUBECONFIG } });
}

async function midway(app: Page, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await app.emulateMedia({ colorScheme: scheme });
  // Give the live tree the height for a Deployment, its ReplicaSet and three pods (the learner's
  // drag handle stores the same ratio).
  await app.evaluate(() => localStorage.setItem('dockside.liveSplit', '0.45'));
  await openLesson(app, LESSON);
  await typeCommand(app, 'kubectl create deployment web --image=busybox:1.38 --replicas=3 -- httpd -f -p 8080 -h /tmp');
  await typeCommand(app, 'kubectl rollout status deployment/web --timeout=90s');
  await expect(step(app, 0)).toHaveAttribute('data-step-status', 'passed', { timeout: 30_000 });
  await typeCommand(app, 'kubectl get deployments,replicasets,pods');
  await expect(step(app, 1)).toHaveAttribute('data-step-status', 'passed', { timeout: 15_000 });
  await typeCommand(app, 'kubectl get pods -o wide');
  await expect(app.getByTestId('kube-tree')).toContainText('web', { timeout: 15_000 });
  await step(app, 2).scrollIntoViewIfNeeded();
  await dismissToasts(app);
  await app.waitForTimeout(400); // let transitions and the terminal's last frame settle
  await app.screenshot({ path: join(OUT, `kube-lesson-midway-${scheme}.png`) });
}

/**
 * Reset through the lesson's own button: it deletes the run's namespace and waits until it is
 * gone, which takes as long as the pods' grace period (httpd ignores SIGTERM: 30 s).
 */
async function resetRun(page: Page): Promise<void> {
  await page.keyboard.press('Escape'); // a dialog a failed test left open
  const reset = page.getByTestId('reset-lesson');
  if (!(await reset.isVisible())) return;
  await reset.click();
  await page.getByTestId('confirm-reset-lesson').getByRole('button', { name: 'Reset lesson' }).click();
  await expect(page.getByTestId('toasts')).toContainText(/Removed|Nothing to remove/, { timeout: 90_000 });
}

test.describe('Kubernetes screenshots', () => {
  for (const scheme of SCHEMES) {
    test(`a Kubernetes lesson midway, ${scheme}`, async ({ page }) => {
      const bin = kubeBin();
      const before = runNamespaces(bin);
      // The built kubectl first on PATH, as for a learner who has kubectl.
      const server = await startDockside({ KUBECONFIG, PATH: `${bin}:${process.env.PATH ?? ''}` });
      try {
        await openApp(page, server);
        await midway(page, scheme);
      } finally {
        await resetRun(page);
        await stopDockside(server);
        deleteNewRunNamespaces(bin, before);
      }
    });
  }
});

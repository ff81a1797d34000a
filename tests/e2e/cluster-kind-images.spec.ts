/**
 * A Kubernetes lesson on a kind cluster, in the real UI: preflight lists the lesson's images and
 * whether the cluster's node has them (read from the node's real containerd through the real
 * engine), and "Load into the cluster" runs the real kind CLI with its progress and output, by
 * keyboard. The node is tests/helpers/kind-node.ts (a real kindest/node cannot start here); kind
 * finds it, saves the image from the engine and then execs `--privileged` into the node, which
 * this kernel refuses: the test then expects that refusal as one sentence, and elsewhere the
 * image in the cluster.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKindNode } from '../helpers/kind-node';
import { kubeLessonFile } from '../helpers/kube-lesson-file';
import { expectAccessible } from './axe';
import { openApp, startDockside, stopDockside } from './fixtures';

const CLUSTER = 'dockside-e2e-images';

const LESSON = kubeLessonFile({
  id: 'e2e/kind-images',
  title: 'Pods from local images',
  track: 'e2e',
  images: ['busybox:musl', 'busybox:1.38'],
});

const KUBECONFIG = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: `kind-${CLUSTER}`, cluster: { server: 'https://127.0.0.1:1' } }],
  users: [{ name: 'learner', user: { token: 'not-a-secret' } }],
  contexts: [{ name: `kind-${CLUSTER}`, context: { cluster: `kind-${CLUSTER}`, user: 'learner' } }],
  'current-context': `kind-${CLUSTER}`,
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.DOCKSIDE_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
}

function privilegedExecWorks(node: string): boolean {
  try {
    execFileSync('docker', ['exec', '--privileged', node, 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

base('preflight says which images the kind cluster has, and loads the others with kind, by keyboard', async ({ page }) => {
  base.setTimeout(120_000);
  const kind = execFileSync('bash', ['tests/engine/kind-cli.sh'], { encoding: 'utf8', timeout: 600_000 }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'dockside-e2e-kind-images-'));
  mkdirSync(join(dir, 'lessons', 'e2e'), { recursive: true });
  writeFileSync(join(dir, 'lessons', 'e2e', '01-kind-images.md'), LESSON);
  writeFileSync(join(dir, 'kubeconfig'), KUBECONFIG, { mode: 0o600 });
  const node = await startKindNode(CLUSTER);
  const server = await startDockside({
    KUBECONFIG: join(dir, 'kubeconfig'),
    DOCKSIDE_LESSONS_DIR: join(dir, 'lessons'),
    DOCKSIDE_KIND: kind,
  });
  try {
    node.importImage('busybox:musl');
    await openApp(page, server);
    await page.goto(`${server.origin}/#/lesson/e2e/kind-images`);
    const block = page.getByTestId('kind-images');
    await expect(block).toContainText(`Images in kind cluster ${CLUSTER}`);
    const rows = block.getByTestId('kind-image');
    await expect(rows).toHaveText(['busybox:muslIn the cluster', 'busybox:1.38Not in the cluster yet']);
    await expectAccessible(page, 'the kind images in preflight (light)');
    await shot(page, 'kind-images-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'the kind images in preflight (dark)');
    await shot(page, 'kind-images-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // By keyboard: focus the button, Enter.
    const load = block.getByRole('button', { name: 'Load into the cluster' });
    await load.focus();
    await page.keyboard.press('Enter');
    const job = block.getByTestId('kind-load-job');
    await expect(job).toHaveAttribute('data-state', /done|failed/, { timeout: 60_000 });
    await expect(job.getByLabel("kind's output")).toContainText(`Image: "busybox:1.38" with ID "sha256:c6348fa86ba0`);
    if (privilegedExecWorks(node.name)) {
      await expect(rows.nth(1)).toHaveText('busybox:1.38In the cluster');
    } else {
      await expect(job.getByTestId('kind-load-error')).toContainText(
        `kind could not copy busybox:1.38 into cluster ${CLUSTER}: failed to detect containerd snapshotter`,
      );
      await expect(job.getByTestId('kind-load-error')).toContainText('unable to apply caps: operation not permitted');
      await expect(rows.nth(1)).toHaveText('busybox:1.38Not in the cluster yet');
    }
    await expectAccessible(page, 'the kind images after a load');
    await shot(page, 'kind-images-loaded-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'kind-images-loaded-dark');
  } finally {
    await stopDockside(server);
    node.remove();
    rmSync(dir, { recursive: true, force: true });
  }
});

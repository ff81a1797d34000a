/**
 * The catalog with the Kubernetes tracks: Docker's tracks first, then the Kubernetes cluster and
 * the Kubernetes, Helm and k9s tracks, grouped as the Docker ones are. With no local cluster the
 * cluster's place holds the setup panel (the first way to get one here, and "Create a practice
 * cluster", which runs the real kind and shows it on the Kubernetes page). The node image's
 * registry is 127.0.0.1:1, so kind cannot pull from anywhere.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeLessonFile } from '../helpers/kube-lesson-file';
import { expectAccessible } from './axe';
import { openApp, startDockside, stopDockside } from './fixtures';

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.DOCKSIDE_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
}

base(
  'the catalog lists the Kubernetes tracks after Docker’s, with the setup panel while there is no local cluster',
  async ({ page }) => {
    base.setTimeout(120_000);
    const kind = execFileSync('bash', ['tests/engine/kind-cli.sh'], { encoding: 'utf8', timeout: 600_000 }).trim();
    const dir = mkdtempSync(join(tmpdir(), 'dockside-e2e-catalog-kube-'));
    const lessons = join(dir, 'lessons');
    cpSync('lessons/docker', join(lessons, 'docker'), { recursive: true });
    for (const [track, slug, title] of [
      ['kubernetes', 'pods', 'Your first pod'],
      ['helm', 'charts', 'Install a chart'],
      ['k9s', 'navigate', 'Find your way in k9s'],
    ] as const) {
      mkdirSync(join(lessons, track));
      writeFileSync(join(lessons, track, `01-${slug}.md`), kubeLessonFile({ id: `${track}/${slug}`, title, track, minutes: 10 }));
    }
    const image = '127.0.0.1:1/dockside/missing:1';
    const server = await startDockside({
      KUBECONFIG: join(dir, 'no-kubeconfig'),
      DOCKSIDE_LESSONS_DIR: lessons,
      DOCKSIDE_KIND: kind,
      DOCKSIDE_KIND_NODE_IMAGE: image,
    });
    try {
      await openApp(page, server);
      const catalog = page.getByTestId('catalog');
      const sections = catalog.locator('.catalog-track-title > span:first-child');
      await expect(sections).toHaveText(['Docker', 'Kubernetes cluster', 'Kubernetes', 'Helm', 'k9s']);
      const setup = page.getByTestId('catalog-kube-setup');
      await expect(setup).toContainText('No local cluster yet.');
      await expect(setup).toContainText('kind create cluster --name dockside');
      await expect(catalog.getByRole('region', { name: 'Helm track' })).toContainText('Install a chart');
      await setup.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'the catalog with the Kubernetes setup panel (light)');
      await shot(page, 'catalog-kube-setup-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectAccessible(page, 'the catalog with the Kubernetes setup panel (dark)');
      await shot(page, 'catalog-kube-setup-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // The button runs kind and shows its progress on the Kubernetes page.
      await setup.getByRole('button', { name: 'Create a practice cluster' }).click();
      await expect(page).toHaveURL(/#\/kubernetes$/);
      const job = page.getByTestId('practice-job');
      await expect(job).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
      await expect(job.getByTestId('practice-error')).toContainText(`The node image ${image} is not on your engine`);
    } finally {
      await stopDockside(server);
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

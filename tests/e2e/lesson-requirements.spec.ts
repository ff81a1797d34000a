/**
 * A lesson that needs the internet, opened on a machine that is offline: the app says so before
 * the lesson starts, and the learner can still choose to go on. The "registry" is a name that
 * can never resolve (RFC 6761 .invalid), so this holds on any machine.
 */
import { test as base, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, startDockside, stopDockside } from './fixtures';

const lesson = `---
id: e2e/online-only
title: Needs the internet
summary: pulls from a registry
track: e2e
order: 1
minutes: 5
images: []
requires: [docker, network]
---
## Pull something

\`\`\`sh
docker pull alpine
\`\`\`

\`\`\`check
image: { tag: "alpine:latest" }
\`\`\`

\`\`\`hint
Pull it.
\`\`\`

\`\`\`solution
docker pull alpine
\`\`\`
`;

base('an offline machine is told so before a lesson that needs the network', async ({ page }) => {
  const lessonsDir = mkdtempSync(join(tmpdir(), 'dockside-e2e-lessons-'));
  mkdirSync(join(lessonsDir, 'e2e'));
  writeFileSync(join(lessonsDir, 'e2e', '01-online-only.md'), lesson);
  const server = await startDockside({ DOCKSIDE_LESSONS_DIR: lessonsDir, DOCKSIDE_REGISTRY_HOST: 'registry.invalid' });
  try {
    await openApp(page, server);
    await page.goto(`${server.origin}/#/lesson/e2e/online-only`);
    const setup = page.getByTestId('lesson-setup');
    await expect(setup).toContainText('you seem to be offline (registry.invalid cannot be resolved)');
    await expect(page.getByRole('button', { name: /start anyway/i })).toBeVisible();
  } finally {
    await stopDockside(server);
    rmSync(lessonsDir, { recursive: true, force: true });
  }
});

/**
 * The context guard in the real UI, against a real off-machine address: the learner's current
 * context points at a TCP listener in a network namespace this test creates (10.254.<n>.2:6443,
 * over a veth pair; see tests/helpers/off-machine-listener.ts) that counts every connection, and
 * its user has a credential plugin that would leave a file if it ran. Opening a Kubernetes
 * lesson, the dialog refuses that context and offers the local one of the same kubeconfig; the
 * remote one is let through only by its typed name. Through all of it, and the doctor's run,
 * ZERO connections reach the listener and the plugin never runs. The namespace is always removed.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOffMachineListener, type OffMachineListener } from '../helpers/off-machine-listener';
import { expectAccessible } from './axe';
import { openApp, startDockside, stopDockside } from './fixtures';

const LESSON = `---
id: e2e/k8s-first
title: A first pod
summary: needs a cluster
track: e2e
order: 1
minutes: 5
images: []
requires: [kubernetes]
---
## A step

\`\`\`check
volume: { name: dockside-e2e-cluster-never }
\`\`\`

\`\`\`solution
true
\`\`\`
`;

/** prod-eks (current) on the listener, with an exec credential plugin; kind-dockside on loopback. */
function kubeconfig(dir: string, remote: string, pluginMark: string): string {
  const file = join(dir, 'kubeconfig');
  const credential = JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1beta1',
    kind: 'ExecCredential',
    status: { token: 'x' },
  });
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'prod-eks',
    clusters: [
      { name: 'prod-eks', cluster: { server: remote, 'insecure-skip-tls-verify': true } },
      { name: 'kind-dockside', cluster: { server: 'https://127.0.0.1:1' } },
    ],
    users: [
      {
        name: 'eks-admin',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: '/bin/sh',
            args: ['-c', `touch ${pluginMark}; echo '${credential}'`],
            interactiveMode: 'Never',
          },
        },
      },
      { name: 'learner', user: { token: 'not-a-secret' } },
    ],
    contexts: [
      { name: 'prod-eks', context: { cluster: 'prod-eks', user: 'eks-admin' } },
      { name: 'kind-dockside', context: { cluster: 'kind-dockside', user: 'learner' } },
    ],
  };
  writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
  return file;
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.DOCKSIDE_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** One connection from this host: proves the listener counts what reaches it. */
function dialOnce(listener: OffMachineListener): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(listener.port, listener.host);
    socket.once('error', reject);
    socket.once('close', () => resolve());
  });
}

base('the context guard: a remote current context is refused, never contacted, and the local one offered', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-e2e-guard-'));
  let remote: OffMachineListener | null = null;
  let server: Awaited<ReturnType<typeof startDockside>> | null = null;
  try {
    remote = await startOffMachineListener(dir);
    await dialOnce(remote);
    await expect.poll(() => remote!.connections()).toBe(1); // the control: a dial would be counted
    const lessonsDir = join(dir, 'lessons');
    mkdirSync(join(lessonsDir, 'e2e'), { recursive: true });
    writeFileSync(join(lessonsDir, 'e2e', '01-k8s-first.md'), LESSON);
    const pluginMark = join(dir, 'plugin-ran');
    server = await startDockside({ KUBECONFIG: kubeconfig(dir, remote.server, pluginMark), DOCKSIDE_LESSONS_DIR: lessonsDir });

    await openApp(page, server);
    await expect(page.getByTestId('kube-context')).toHaveText('kind-dockside · kind');
    await page.goto(`${server.origin}/#/lesson/e2e/k8s-first`);
    const dialog = page.getByTestId('cluster-guard');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Your current context prod-eks is not on this machine');
    await expect(dialog).toContainText(`its server ${remote.host} is another machine`);
    await expect(dialog).toContainText(
      'creates one namespace named dockside-<lesson>-<run>, labelled dockside.dev/lesson=<lesson>',
    );
    // The local context of the same kubeconfig is offered, and chosen by default.
    await expect(dialog.getByRole('radio', { name: 'kind-dockside · kind' })).toBeChecked();
    const useRemote = dialog.getByTestId('guard-use-remote');
    await expect(useRemote).toBeDisabled();
    await dialog.getByLabel('Type prod-eks to use it for Kubernetes lessons').fill('prod');
    await expect(useRemote).toBeDisabled();
    await expectAccessible(page, 'the context guard dialog (light)');
    await shot(page, 'cluster-guard-dialog');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'the context guard dialog (dark)');
    // The exact name turns it on (not clicked: a lesson would then dial the remote address).
    await dialog.getByLabel('Type prod-eks to use it for Kubernetes lessons').fill('prod-eks');
    await expect(useRemote).toBeEnabled();
    // Keyboard: the local choice is focused first; Enter takes it.
    await dialog.getByTestId('guard-use-local').focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    const settings = JSON.parse(readFileSync(join(server.dataDir, 'settings.json'), 'utf8')) as {
      kubeContextChoices: Record<string, unknown>;
    };
    expect(settings.kubeContextChoices).toEqual({ 'prod-eks': { context: 'kind-dockside', server: 'https://127.0.0.1:1' } });
    await expect(page.getByTestId('kube-context')).toHaveText('kind-dockside · kind');
    // The lesson's preflight went to the local context.
    await expect(page.getByTestId('lesson-setup')).toContainText('kind-dockside');
    await shot(page, 'cluster-after-guard');
    // The doctor lists the remote context from the kubeconfig alone.
    await page.goto(`${server.origin}/#/doctor`);
    await expect(page.getByTestId('doctor-kube-context').filter({ hasText: 'prod-eks' })).toContainText('Not contacted');

    expect(remote.connections()).toBe(1); // the control's one: nothing from Dockside
    expect(existsSync(pluginMark)).toBe(false);
  } finally {
    if (server) await stopDockside(server);
    remote?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

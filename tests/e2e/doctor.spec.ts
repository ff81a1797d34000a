/// <reference lib="dom" />
/**
 * The doctor in browser mode: the learner picks another engine in the doctor view, opens a new
 * terminal, and `docker info` there answers from the chosen engine. The chosen engine is a real
 * proxy to the machine's engine (a docker context "lab" in the server's fixture home) that
 * renames the engine in GET /info, so the terminal's answer shows which socket it went through.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type {} from '../../renderer/src/terminal/terminal-inspector';
import { FixtureHome } from '../fixtures/doctor/fixture-home';
import { serveEngineProxy } from '../fixtures/doctor/sockets';
import { expect, openApp, startDockside, stopDockside, test, type DocksideServer } from './fixtures';

const engineName = `dockside-e2e-${randomBytes(3).toString('hex')}`;
let fx: FixtureHome;
let proxy: Awaited<ReturnType<typeof serveEngineProxy>>;
let server: DocksideServer;

test.beforeAll(async () => {
  fx = new FixtureHome('dockside-doctor-e2e-');
  proxy = await serveEngineProxy(fx.inHome('engines', 'lab.sock'), { engineName });
  fx.dockerContext('lab', proxy.host);
  // The server's HOME is the fixture: its docker contexts are the ones the doctor finds.
  server = await startDockside({ HOME: fx.home, SHELL: '/bin/bash' });
});

test.afterAll(async () => {
  await stopDockside(server);
  await proxy.close();
  fx.dispose();
});

const activeKey = (page: Page) => page.evaluate(() => window.docksideTerminals?.snapshot().activeKey ?? null);
const tabs = (page: Page) => page.evaluate(() => window.docksideTerminals?.snapshot().tabs ?? []);
const terminalText = (page: Page) => page.evaluate(() => window.docksideTerminals?.activeText() ?? '');

async function dockerInfoName(page: Page): Promise<string> {
  await page.getByTestId('terminal-body').click();
  await expect.poll(() => terminalText(page), { timeout: 15_000 }).toMatch(/[$#] ?$/);
  const marker = randomBytes(2).toString('hex');
  await page.keyboard.type(`docker info --format 'engine-${marker}={{.Name}}'`);
  await page.keyboard.press('Enter');
  const pattern = new RegExp(`\\nengine-${marker}=(\\S+)`);
  await expect.poll(() => terminalText(page), { timeout: 15_000 }).toMatch(pattern);
  return pattern.exec(await terminalText(page))![1]!;
}

test('switch the endpoint in the doctor, open a new terminal: its docker info reports the chosen engine', async ({ page }) => {
  const defaultName = execFileSync('docker', ['info', '--format', '{{.Name}}'], { encoding: 'utf8' }).trim();
  expect(defaultName).not.toBe(engineName);
  await openApp(page, server);

  // A terminal opened before the switch talks to the default engine.
  await page.evaluate(() => (window.location.hash = '#/lesson/docker/exec'));
  expect(await dockerInfoName(page)).toBe(defaultName);

  // The doctor lists the lab engine; the learner picks it.
  await page.getByTestId('status-doctor').click();
  const lab = page.locator(`[data-testid="doctor-endpoint"][data-host="${proxy.host}"]`);
  await expect(lab).toHaveAttribute('data-state', 'reachable');
  await lab.getByRole('radio').check();
  await expect(page.getByTestId('doctor-choice-outcome')).toContainText(`Dockside now uses ${proxy.host}`);
  await expect(lab.getByRole('radio')).toBeChecked();
  await expect(lab).toContainText('Connected');
  await expect(page.getByTestId('engine-status')).toContainText(proxy.host);

  // A new terminal gets DOCKER_HOST of the choice.
  await page.evaluate(() => (window.location.hash = '#/lesson/docker/exec'));
  // Let the lesson's pane settle on its own terminal first (it activates the lesson's tab on mount).
  await expect.poll(async () => (await tabs(page)).length).toBe(1);
  const oldKey = (await tabs(page))[0]!.key;
  await expect.poll(() => activeKey(page)).toBe(oldKey);
  await expect.poll(() => terminalText(page)).toMatch(/[$#] ?$/);
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect.poll(async () => (await tabs(page)).length).toBe(2);
  // Type only once the new tab is the active one and its shell is up: keys must not reach the old one.
  const newKey = (await tabs(page))[1]!.key;
  await page.getByTestId('terminal-tab').nth(1).click();
  await expect.poll(() => activeKey(page)).toBe(newKey);
  await expect.poll(async () => (await tabs(page))[1]!.status).toBe('running');
  expect(await terminalText(page)).not.toContain('engine-');
  expect(await dockerInfoName(page)).toBe(engineName);

  // The choice persists: after a reload the doctor still shows it chosen.
  await page.evaluate(() => (window.location.hash = '#/doctor'));
  await page.reload();
  await expect(page.locator(`[data-testid="doctor-endpoint"][data-host="${proxy.host}"]`).getByRole('radio')).toBeChecked();

  // And back to following the docker CLI.
  await page.getByTestId('doctor-endpoint-cli').getByRole('radio').check();
  await expect(page.getByTestId('doctor-choice-outcome')).toContainText('Dockside now uses unix:///var/run/docker.sock');
});

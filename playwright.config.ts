import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real UI in Debian's Chromium through browser mode
// (tests/e2e/fixtures.ts starts `dockside web` per worker). Never `npx playwright install`:
// the machines cannot download browsers, and Debian's Chromium is the one we test.
export default defineConfig({
  testDir: 'tests/e2e',
  // The Kubernetes e2e tests start a control plane: their own config, playwright.cluster.config.ts.
  testIgnore: ['**/e2e/cluster/**'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker everywhere, as in CI: the files share one engine, and lessons make containers of
  // fixed names (two files opening docker/containers at once each found the other's `hello`).
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.DOCKSIDE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});

import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The Kubernetes end-to-end tests: the real UI in Debian's Chromium against browser mode and a
// real control plane with kwok nodes (tests/kube), started once by the global setup on ports and
// a state directory of its own. Needs root and the kube binaries (built and cached by
// tests/kube/build.sh). Run after `npm run build`, holding the kube lock, then the engine lock:
//   flock /tmp/dockside-kube.lock flock /tmp/dockside-engine.lock npm run test:cluster:e2e
export default defineConfig({
  ...base,
  testDir: 'tests/e2e/cluster',
  testIgnore: [],
  globalSetup: './tests/e2e/cluster/global-setup.ts',
  timeout: 120_000,
  workers: 1,
});

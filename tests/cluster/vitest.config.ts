import { defineConfig } from 'vitest/config';

// The Kubernetes tests against a real control plane (tests/kube builds and starts it: root; the
// binaries are built by tests/engine/provision.sh, ~35 min cold, nothing when cached in
// /var/cache/dockside/kube). Part of `npm test`, and on its own: `npm run test:cluster`.
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/cluster/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 900_000,
  },
});

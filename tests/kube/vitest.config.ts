import { defineConfig } from 'vitest/config';

// The test cluster's smoke test (part of `npm test`, alone: `npm run test:kube`): it needs root,
// the binaries (tests/engine/provision.sh builds them) and starts a kubelet, on the default
// ports and state directory (/tmp/dockside-kube), so not beside a developer's own test cluster.
export default defineConfig({
  test: {
    include: ['tests/kube/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 3_600_000,
  },
});

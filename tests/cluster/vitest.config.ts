import { defineConfig } from 'vitest/config';

// The Kubernetes tests against a real control plane (tests/kube builds and starts it: root, ~8 min
// of Go builds on first use, seconds when cached). Apart from `npm test` like the cluster's own
// smoke test: `npm run test:cluster`. CI runs it as its own job after `npm test`, with the binary
// cache (/var/cache/dockside/kube) kept between runs.
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

import { defineConfig } from 'vitest/config';

// The test cluster's smoke test, apart from `npm test`: it needs root, builds ~500 MB of
// Kubernetes binaries on first use and starts a kubelet. Run it with
//   npx vitest run --config tests/kube/vitest.config.ts
export default defineConfig({
  test: {
    include: ['tests/kube/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 3_600_000,
  },
});

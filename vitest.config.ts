import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing; engine tests talk to a real Docker engine
// (tests/engine/provision.sh starts one) and run one file at a time, because some of them
// take the engine's socket away and bring it back.
// Renderer modules under test import the contract as the renderer does.
const resolve = { alias: { '@contract': join(import.meta.dirname, 'electron/core/contract') } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve,
        test: {
          name: 'engine',
          include: ['tests/engine/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

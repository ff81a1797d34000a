import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const contract = resolve(import.meta.dirname, 'electron/core/contract');

/**
 * After the main build, the shipped lessons parsed once into out/main/parsed-lessons.json: core's
 * start-up reads them there instead of parsing (electron/core/lessons/parsed-lessons.ts).
 */
function parsedLessons(): Plugin {
  return {
    name: 'dockside-parsed-lessons',
    apply: 'build',
    closeBundle() {
      const script = resolve(import.meta.dirname, 'scripts/parse-lessons.ts');
      const out = resolve(import.meta.dirname, 'out/main/parsed-lessons.json');
      const lessons = resolve(import.meta.dirname, 'lessons');
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, lessons, out], {
        cwd: import.meta.dirname,
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`parsing the lessons failed:\n${run.stderr}${run.stdout}`);
    },
  };
}

export default defineConfig({
  main: {
    plugins: [parsedLessons()],
    build: {
      // Node-side entries: the Electron main process and the CLI (browser mode, doctor).
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          cli: resolve(import.meta.dirname, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require anything but electron's renderer modules:
      // bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias: { '@contract': contract } },
    plugins: [react()],
    build: {
      // electron-vite leaves output unminified; browser mode sends this bundle over the wire.
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});

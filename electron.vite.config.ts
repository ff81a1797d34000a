import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const contract = resolve(import.meta.dirname, 'electron/core/contract');

export default defineConfig({
  main: {
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

/**
 * The Electron window itself. It needs the Electron binary, which our CI machines cannot
 * download (see shared/reference/machines.md), so where the binary or a display is missing this
 * test is skipped with the reason printed — never a silent pass.
 */
import { _electron as electron } from '@playwright/test';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { electronBinary, whyNoWindow } from '../../scripts/electron-availability.js';

const root = resolve(import.meta.dirname, '..', '..');
const reason = whyNoWindow(root);

test.describe('the Electron window', () => {
  test.skip(reason !== null, `did not run: ${reason}`);
  if (reason) console.warn(`[electron.spec] NOT RUN — ${reason}`);

  test('opens one secure window that shows the engine', async () => {
    const app = await electron.launch({ executablePath: electronBinary(root)!, args: [root] });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('engine-status')).toHaveAttribute('data-engine-state', 'connected');
      // The renderer sees the grouped bridge (contextBridge only works with context isolation),
      // never ipcRenderer or Node (nodeIntegration off).
      const globals = await page.evaluate(() => ({
        bridge: typeof (window as unknown as { dockside?: object }).dockside,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
      // window.open is denied.
      const opened = await page.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

/**
 * The Electron shell: one window over core. Thin by design — everything the app does is in
 * electron/core; this file creates the window, applies the security checklist and carries the
 * contract over IPC.
 */
import { app, BrowserWindow, ipcMain, nativeTheme } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/app';
import { REQUEST_CHANNEL } from './channels';
import { ElectronClient } from './electron-client';
import { hardenApp, isTrustedSender, setAppOrigin } from './security';

let core: Core | null = null;
const clients = new Map<number, ElectronClient>();

function clientFor(contents: Electron.WebContents): ElectronClient {
  let client = clients.get(contents.id);
  if (!client) {
    client = new ElectronClient(contents);
    clients.set(contents.id, client);
    client.onClose(() => clients.delete(contents.id));
    core?.connect(client);
  }
  return client;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Dockside',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#14161a' : '#f7f7f5',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl) {
    setAppOrigin(devUrl);
    void window.loadURL(devUrl);
  } else {
    setAppOrigin('file:///');
    void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  }
  return window;
}

hardenApp();

void app.whenReady().then(async () => {
  core = await createCore({
    dataDir: app.getPath('userData'),
    lessonsDir: join(app.getAppPath(), 'lessons'),
    version: app.getVersion(),
    parsedLessonsFile: join(import.meta.dirname, 'parsed-lessons.json'),
  });
  ipcMain.handle(REQUEST_CHANNEL, async (event, name: unknown, params: unknown) => {
    if (!core || !isTrustedSender(event.senderFrame, event.sender)) {
      return { error: { message: 'request refused: it did not come from the Dockside window', code: 'FORBIDDEN' } };
    }
    return core.handle(name, params, clientFor(event.sender));
  });
  const window = createWindow();
  clientFor(window.webContents);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) clientFor(createWindow().webContents);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = null;
  void closing.dispose().finally(() => app.exit(0));
});

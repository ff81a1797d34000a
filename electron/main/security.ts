/**
 * Electron's security checklist, applied to every webContents the app creates:
 * no window.open, no navigation away from the app, external http(s) links to the OS browser,
 * no permissions granted, and IPC accepted only from the app's own top frame.
 */
import { app, session, shell, type WebContents, type WebFrameMain } from 'electron';

let appOrigin = '';

/** The origin the renderer is served from: file:// in production, the dev server in development. */
export function setAppOrigin(url: string): void {
  appOrigin = new URL(url).origin;
}

function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? appOrigin === 'file://' || appOrigin === 'null' : parsed.origin === appOrigin;
  } catch {
    return false;
  }
}

export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Only the main frame of one of our windows, showing our page, may call core. */
export function isTrustedSender(frame: WebFrameMain | null, contents: WebContents): boolean {
  return frame !== null && frame === contents.mainFrame && isAppUrl(frame.url);
}

export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}

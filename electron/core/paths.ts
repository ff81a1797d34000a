/** Where Dockside keeps its files when Electron's userData is not available (browser mode, CLI). */
import { join } from 'node:path';

export function defaultDataDir(env: Record<string, string | undefined>, homeDir: string, platform: NodeJS.Platform): string {
  if (env.DOCKSIDE_DATA_DIR) return env.DOCKSIDE_DATA_DIR;
  if (platform === 'darwin') return join(homeDir, 'Library', 'Application Support', 'Dockside');
  if (platform === 'win32') return join(env.APPDATA ?? join(homeDir, 'AppData', 'Roaming'), 'Dockside');
  // The XDG base directory spec: $XDG_DATA_HOME, else ~/.local/share.
  return join(env.XDG_DATA_HOME && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homeDir, '.local', 'share'), 'dockside');
}

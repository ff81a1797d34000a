// Can this machine open the Electron window? Answers without require('electron'), which in
// Electron 45+ starts a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Electron executable's path, or null when the binary was never downloaded. */
export function electronBinary(root) {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Why the window cannot open here, in words for the learner, or null when it can. */
export function whyNoWindow(root, env = process.env, platform = process.platform) {
  if (env.DOCKSIDE_BROWSER_MODE === '1') return 'DOCKSIDE_BROWSER_MODE=1 asks for browser mode';
  if (!existsSync(join(root, 'node_modules', 'electron'))) return 'Electron is not installed (run `npm install`)';
  if (!electronBinary(root)) {
    return 'the Electron binary is not installed (npm skipped or failed its download — on machines without GitHub access that is expected; where you have access, `npx install-electron` fetches it)';
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  return null;
}

/** Where the app's own files are: the repository root (from source or from out/main alike). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const appRoot = resolve(import.meta.dirname, '..', '..');
export const rendererDir = resolve(appRoot, 'out', 'renderer');
export const lessonsDir = resolve(appRoot, 'lessons');
/** The shipped lessons, parsed by the build (electron.vite.config.ts). */
export const parsedLessonsFile = resolve(appRoot, 'out', 'main', 'parsed-lessons.json');

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(appRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * Each lesson has a workspace directory under the data dir: its starter files are copied there,
 * its terminals start there, and `file` checks look only there.
 */
import { join } from 'node:path';
import type { CorePaths } from './context';

/** "docker/containers-101" -> <workspacesDir>/docker/containers-101, with anything odd in a segment replaced. */
export function workspaceDir(paths: CorePaths, lessonId: string): string {
  const segments = lessonId
    .split('/')
    .map((segment) => segment.replace(/[^A-Za-z0-9._-]/g, '_'))
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return join(paths.workspacesDir, ...segments);
}

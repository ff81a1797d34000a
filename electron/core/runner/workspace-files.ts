/**
 * The lesson's workspace directory and its starter files. Copies keep the original's modified
 * time, so a `file` check that wants a file written during the run is not passed by a fresh copy.
 */
import { copyFile, mkdir, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isClusterLessonId, prepareLessonTools } from '../cluster/lesson-tools';
import type { LoadedLesson } from '../lessons/types';

/** Create the workspace; copy each starter file in unless the learner already has one there (or every one, when `overwrite`). */
export async function prepareWorkspace(lesson: LoadedLesson, workspaceDir: string, overwrite: boolean): Promise<void> {
  await mkdir(workspaceDir, { recursive: true });
  if (isClusterLessonId(lesson.summary.id)) await prepareLessonTools(workspaceDir);
  if (!lesson.starterDir) return;
  for (const file of lesson.starterFiles) {
    const from = join(lesson.starterDir, file);
    const to = join(workspaceDir, file);
    if (!overwrite && (await stat(to).catch(() => null))) continue;
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
    const original = await stat(from);
    await utimes(to, original.atime, original.mtime);
  }
}

/** A lesson from Markdown source, loaded as the library would (for runs the tests build themselves). */
import { parseLessonSource } from '../../../electron/core/lessons/parse-lesson';
import type { LoadedLesson } from '../../../electron/core/lessons/types';

export function loadLessonSource(source: string): LoadedLesson {
  const parsed = parseLessonSource(source);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const { frontMatter, intro, steps, idLine } = parsed.lesson;
  const summary = { ...frontMatter, stepCount: steps.length } as unknown as LoadedLesson['summary'];
  return { summary, intro, steps, path: '/dev/null', starterDir: null, starterFiles: [], idLine };
}

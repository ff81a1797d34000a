/** A loaded lesson as the contract shows it: prose, commands, what each check wants — no specs. */
import type { Lesson } from '../contract';
import type { LoadedLesson } from './types';

export function publicLesson(lesson: LoadedLesson): Lesson {
  return {
    ...lesson.summary,
    intro: lesson.intro,
    starterFiles: lesson.starterFiles,
    steps: lesson.steps.map((step) => ({
      index: step.index,
      id: step.id,
      title: step.title,
      markdown: step.markdown,
      commands: step.commands,
      checks: step.checks.map((check) => ({ id: check.id, kind: check.kind, wants: check.wants, live: check.live })),
      hintCount: step.hints.length,
      solution: step.solution,
    })),
  };
}

/**
 * Which engine objects a lesson's replay may claim as its own. On an engine other programs use at
 * the same time (a developer's, a CI machine running several suites), "created since the run
 * began" is not enough to remove something: the replay also requires that the lesson's own text —
 * its commands, solutions and starter files — names the object (its name, its Compose project,
 * or its image repository), and never claims what a test harness labelled `dockside.test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedLesson } from '../lessons/types';
import type { Candidate, IgnorePredicate } from '../runner/attribution';

function lessonText(lesson: LoadedLesson): string {
  const parts = lesson.steps.flatMap((step) => [...step.solution, ...step.commands]);
  for (const file of lesson.starterFiles) {
    try {
      parts.push(readFileSync(join(lesson.starterDir!, file), 'utf8').slice(0, 100_000));
    } catch {
      // An unreadable starter file names nothing.
    }
  }
  return parts.join('\n');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `word` occurs in `text` not glued to other name characters. */
function mentions(text: string, word: string): boolean {
  if (word === '') return false;
  return new RegExp(`(^|[^A-Za-z0-9_.-])${escape(word)}($|[^A-Za-z0-9_-])`, 'm').test(text);
}

function namesOf(candidate: Candidate): string[] {
  const project = candidate.labels['com.docker.compose.project'];
  if (candidate.type !== 'image') return [candidate.name, ...(project ? [project] : [])];
  // An image by its repository ("dockside/greeter" for "dockside/greeter:1.0"), or a Compose project's.
  const repo = candidate.name.includes(':') ? candidate.name.slice(0, candidate.name.lastIndexOf(':')) : candidate.name;
  return [repo, candidate.name, ...(project ? [project] : [])];
}

export function lessonScope(lesson: LoadedLesson): IgnorePredicate {
  const text = lessonText(lesson);
  return (candidate) =>
    candidate.labels['dockside.test'] !== undefined || !namesOf(candidate).some((name) => mentions(text, name));
}

/**
 * The contract's lessons domain: the catalog and a lesson as the learner reads it.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */
import { z } from 'zod';
import { lessonIdParam, noParams } from './params';

/** What a lesson needs from the learner's machine (front matter `requires`). */
export type LessonRequirement = 'docker' | 'compose' | 'kubernetes' | 'network' | 'kubectl' | 'helm' | 'k9s';

/** One lesson as the table of contents shows it. */
export interface LessonSummary {
  /** Stable id from the front matter, e.g. "docker/containers-101". */
  id: string;
  title: string;
  summary: string;
  /** The track it belongs to, e.g. "docker"; lessons are listed by track, then `order`. */
  track: string;
  order: number;
  /** Estimated minutes to finish. */
  minutes: number;
  /** Images the lesson uses (prefetched before it starts). */
  images: string[];
  requires: LessonRequirement[];
  stepCount: number;
  /** The Markdown file, relative to the lessons directory's parent, e.g. "lessons/docker/01-containers.md". */
  file: string;
}

/** A lesson file that could not be loaded; it is listed so the author (and learner) sees why. */
export interface BrokenLesson {
  file: string;
  /** 1-based line of the first problem. */
  line: number;
  /** The whole message, "lessons/docker/03-images.md:42: check.container.ports: expected a map like {80/tcp: 1111}". */
  error: string;
  /** The lesson's id when the front matter got far enough to have one. */
  id: string | null;
  title: string | null;
}

export interface LessonCatalog {
  /** Sorted by track, then order. */
  lessons: LessonSummary[];
  broken: BrokenLesson[];
}

/** A check as the lesson states it, before any evaluation: what the step wants. */
export interface CheckSummary {
  /** Unique within the step: "container", "container#2", ... */
  id: string;
  /** The check kind: container, image, volume, network, compose, exec, file, http, command, ... */
  kind: string;
  /** One sentence of what must be true, e.g. "container web is running and publishes 80/tcp on 1111". */
  wants: string;
  /** A live check keeps its step's state in step with the engine even after it passed. */
  live: boolean;
}

export interface LessonStep {
  index: number;
  /** Slug of the heading, unique within the lesson; progress is keyed by it. */
  id: string;
  title: string;
  /** The step's prose as Markdown, with its `sh` blocks in place and the check/hint/solution blocks taken out. */
  markdown: string;
  /** The contents of the step's `sh` blocks, in order: commands the learner may send to the terminal. */
  commands: string[];
  checks: CheckSummary[];
  /** How many hints exist; their text arrives one at a time through `run.revealHint`. */
  hintCount: number;
  /** The solution's commands (what `lessons:check` replays); the UI decides when to show them. */
  solution: string[];
}

export interface Lesson extends LessonSummary {
  /** Markdown before the first step (the lesson's introduction). */
  intro: string;
  steps: LessonStep[];
  /** Starter files copied into the workspace at run start, relative to it. */
  starterFiles: string[];
}

export interface LessonsRequests {
  'lessons.catalog': { params: void; result: LessonCatalog };
  /** A broken or unknown lesson fails with code LESSON_BROKEN / LESSON_NOT_FOUND. */
  'lessons.get': { params: { lessonId: string }; result: Lesson };
}

export interface LessonsEvents {
  /** Lesson files changed on disk (authors editing lessons). */
  'catalog.changed': LessonCatalog;
}

/** Each request's params, validated in core before its handler runs. */
export const lessonsParams = {
  'lessons.catalog': noParams,
  'lessons.get': z.object({ lessonId: lessonIdParam }).strict(),
} satisfies { [N in keyof LessonsRequests]: z.ZodType };

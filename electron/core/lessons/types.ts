/** A lesson as core holds it after loading: the contract's view plus what only core needs (check specs, lines). */
import type { When } from '../checks/applies-when';
import type { LessonSummary } from '../contract';

export interface LoadedCheck {
  /** "container", "container#2": unique within the step. */
  id: string;
  kind: string;
  /** The spec as the kind's schema produced it. */
  spec: unknown;
  live: boolean;
  /** The engines the check applies to; elsewhere it passes and says why it was not asked. */
  when?: When;
  /** 1-based line in the lesson file where this check starts. */
  line: number;
  wants: string;
}

export interface LoadedStep {
  index: number;
  id: string;
  title: string;
  line: number;
  markdown: string;
  commands: string[];
  checks: LoadedCheck[];
  hints: string[];
  solution: string[];
}

export interface LoadedLesson {
  summary: LessonSummary;
  intro: string;
  steps: LoadedStep[];
  /** Absolute path of the Markdown file. */
  path: string;
  /** The directory of starter files beside the lesson, or null. */
  starterDir: string | null;
  starterFiles: string[];
  /** Line of `id:` in the front matter (duplicate ids point here). */
  idLine: number;
}

/** One thing wrong with a lesson file, at a line. */
export interface LessonProblem {
  line: number;
  message: string;
}

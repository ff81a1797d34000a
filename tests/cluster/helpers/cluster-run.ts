/** A LessonRun on the test cluster, from a lesson's source text, recording every step state it sends. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandaloneContext, type Standalone } from '../../../electron/core/authoring/standalone-context';
import type { ClusterWatches } from '../../../electron/core/cluster/cluster-watches';
import type { StepState } from '../../../electron/core/contract';
import { parseLessonSource } from '../../../electron/core/lessons/parse-lesson';
import type { LoadedLesson } from '../../../electron/core/lessons/types';
import { LessonRun } from '../../../electron/core/runner/lesson-run';
import type { LessonCluster } from './lesson-cluster';

export function lessonFromSource(source: string): LoadedLesson {
  const parsed = parseLessonSource(source);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  const { frontMatter, intro, steps, idLine } = parsed.lesson;
  const summary = { ...frontMatter, stepCount: steps.length } as unknown as LoadedLesson['summary'];
  return { summary, intro, steps, path: '/dev/null', starterDir: null, starterFiles: [], idLine };
}

/** Core's context as `lessons:check` builds it, its data in a temp folder named after the test. */
export function standaloneInTempDir(name: string): Promise<Standalone> {
  const dataDir = mkdtempSync(join(tmpdir(), `dockside-${name}-`));
  return createStandaloneContext({ dataDir, lessonsDir: dataDir });
}

export interface RecordedRun {
  run: LessonRun;
  steps: Array<{ at: number; state: StepState }>;
  passed: (index: number) => boolean;
}

/** A started run of a lesson (or its source text) in the lesson cluster's namespace, its state read through `watches`. */
export async function startClusterRun(
  source: string | LoadedLesson,
  lesson: LessonCluster,
  standalone: Standalone,
  watches: ClusterWatches,
  now: () => number = Date.now,
): Promise<RecordedRun> {
  const steps: RecordedRun['steps'] = [];
  const run = new LessonRun({
    lesson: typeof source === 'string' ? lessonFromSource(source) : source,
    context: standalone.context,
    workspaceDir: lesson.workspace,
    runId: lesson.runId,
    startedAt: Date.now(),
    created: [],
    passed: {},
    hintsRevealed: {},
    listener: {
      step: (state) => steps.push({ at: now(), state }),
      changed: () => undefined,
      persist: () => undefined,
      objects: () => undefined,
    },
    cluster: { watches, facts: lesson.facts().cluster! },
  });
  await run.start();
  return {
    run,
    steps,
    passed: (index) => steps.some((s) => s.state.index === index && s.state.status === 'passed'),
  };
}

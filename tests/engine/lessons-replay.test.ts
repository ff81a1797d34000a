/**
 * `lessons:check`'s replay on the real engine: the fixture lesson that uses every check kind and
 * the first real Docker lesson are proven step by step (each fails before its solution, passes
 * after), and the replay leaves nothing behind.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../electron/core/lessons/catalog';
import { LessonLibrary } from '../../electron/core/lessons/lesson-library';
import type { LoadedLesson } from '../../electron/core/lessons/types';
import { ProgressStore } from '../../electron/core/progress/progress-store';
import { lessonScope } from '../../electron/core/authoring/lesson-scope';
import { RunService } from '../../electron/core/runner/run-service';
import { replayLesson } from '../../electron/core/authoring/solution-replay';
import { createStandaloneContext, type Standalone } from '../../electron/core/authoring/standalone-context';
import { cleanupDir, sh, step, tempDir, writeLesson } from './helpers/lessons-harness';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'lessons', 'valid');
const shipped = join(import.meta.dirname, '..', '..', 'lessons');
let dataDir: string;
let standalone: Standalone;

beforeAll(async () => {
  dataDir = tempDir('replay');
  standalone = await createStandaloneContext({ dataDir, lessonsDir: fixtures });
});

const stores: ProgressStore[] = [];

afterAll(async () => {
  standalone.dispose();
  // Writes still under way would land in a directory that is gone.
  await Promise.all(stores.map((store) => store.flush()));
  cleanupDir(dataDir);
});

async function replay(dir: string, lesson: LoadedLesson) {
  const progress = new ProgressStore(dataDir);
  stores.push(progress);
  const runs = new RunService(standalone.context, new LessonLibrary(dir), progress, {
    timing: { pollMs: 200 },
    ignore: lessonScope(lesson),
  });
  return replayLesson(standalone.context, runs, lesson);
}

describe('replaying solutions', () => {
  it('proves every step of the lesson that uses every check kind, and leaves nothing behind', async () => {
    const lesson = loadCatalog(fixtures).lessons.find((l) => l.summary.id === 'fixture/every-kind')!;
    const verdict = await replay(fixtures, lesson);
    expect(verdict.error).toBeNull();
    expect(verdict.steps.map((st) => `${st.step}:${st.outcome}`)).toEqual(lesson.steps.map((st) => `${st.index}:proven`));
    expect(verdict.cleanup.kept).toEqual([]);
    expect(
      sh(
        'docker ps -aq --filter name=dockside-fx; docker volume ls -q --filter name=dockside-fx; docker network ls -q --filter name=dockside-fx; docker images -q "dockside-fx*"',
      ).output.trim(),
    ).toBe('');
  }, 120_000);

  it('proves the first Docker lesson', async () => {
    const lesson = loadCatalog(shipped).lessons.find((l) => l.summary.id === 'docker/containers')!;
    const verdict = await replay(shipped, lesson);
    // A preflight error here means someone else's `hello` or `web` container is on this engine.
    expect(verdict.error).toBeNull();
    expect(verdict.steps.map((st) => st.outcome)).toEqual(['proven', 'proven', 'proven', 'proven', 'proven']);
    expect(sh('docker ps -aq --filter name=^/hello$ --filter name=^/web$').output.trim()).toBe('');
  }, 60_000);

  it('fails a step whose check already passes before its solution runs', async () => {
    const dir = tempDir('replay-bad');
    writeLesson(dir, '01-bad.md', 'lt/already', step('Nothing to do', 'file: { path: x.txt, present: false }', 'true'));
    const lesson = loadCatalog(dir).lessons[0]!;
    const verdict = await replay(dir, lesson);
    expect(verdict.steps).toEqual([
      {
        step: 0,
        title: 'Nothing to do',
        outcome: 'failed',
        reason: 'passes before its solution ran (there is no file x.txt in the workspace)',
      },
    ]);
    cleanupDir(dir);
  });
});

/**
 * `npm run lessons:check [-- [--dir DIR] [--validate-only] [lesson-id ...]]`
 *
 * 1. Validates every lesson under DIR (default: lessons/) and prints each problem as file:line.
 * 2. On the real engine, replays each lesson's solutions and proves that every step fails before
 *    its solution and passes after it. Prints a table lesson x step -> proven / failed (why).
 * Exits non-zero when a lesson is broken or a step is not proven. Removes only what it created.
 * The engine is the one the docker CLI would use (DOCKER_HOST first); solutions inherit the same
 * environment. `npm run lessons:engines` runs it once per provisioned engine.
 *
 * Lessons of the cluster tracks (kubernetes, k9s, helm) run on the local cluster the learner's
 * kubeconfig (KUBECONFIG) names, as in the app. `--no-cluster` leaves them out and names them
 * (`lessons:engines`); `--only-cluster` replays only them (`npm run lessons:cluster`, on the test
 * cluster with its real node).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EngineStatus } from '../electron/core/contract';
import { loadCatalog } from '../electron/core/lessons/catalog';
import { LessonLibrary } from '../electron/core/lessons/lesson-library';
import { ProgressStore } from '../electron/core/progress/progress-store';
import { lessonScope } from '../electron/core/authoring/lesson-scope';
import { RunService } from '../electron/core/runner/run-service';
import { replayLesson, type LessonVerdict } from '../electron/core/authoring/solution-replay';
import { needsCluster } from '../electron/core/runner/run-cluster';
import { createStandaloneContext } from '../electron/core/authoring/standalone-context';

interface Args {
  dir: string;
  validateOnly: boolean;
  only: string[];
  /** all: every lesson; none: no cluster lesson; only: cluster lessons alone. */
  cluster: 'all' | 'none' | 'only';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: resolve('lessons'), validateOnly: false, only: [], cluster: 'all' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--dir') args.dir = resolve(argv[++i] ?? 'lessons');
    else if (arg === '--validate-only') args.validateOnly = true;
    else if (arg === '--no-cluster') args.cluster = 'none';
    else if (arg === '--only-cluster') args.cluster = 'only';
    else args.only.push(arg);
  }
  return args;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function printTable(verdicts: LessonVerdict[]): void {
  const rows: [string, string, string][] = [['lesson', 'step', 'result']];
  for (const verdict of verdicts) {
    if (verdict.error) rows.push([verdict.lessonId, '-', `FAILED: ${verdict.error}`]);
    for (const step of verdict.steps) {
      const result =
        step.outcome === 'proven'
          ? `proven (${step.ms} ms)`
          : step.outcome === 'failed'
            ? `FAILED: ${step.reason}`
            : `skipped: ${step.reason}`;
      rows.push([verdict.lessonId, `${step.step + 1}. ${step.title}`, result]);
    }
    if (verdict.cleanup.kept.length > 0) rows.push([verdict.lessonId, 'cleanup', `left: ${verdict.cleanup.kept.join('; ')}`]);
    if (verdict.cleanup.outside.length > 0)
      rows.push([verdict.lessonId, 'cleanup', `left, made by another client meanwhile: ${verdict.cleanup.outside.join(', ')}`]);
  }
  const widths = [0, 1].map((col) => Math.min(60, Math.max(...rows.map((row) => row[col]!.length))));
  for (const [i, row] of rows.entries()) {
    console.log(`${pad(row[0], widths[0]!)}  ${pad(row[1], widths[1]!)}  ${row[2]}`);
    if (i === 0) console.log(`${'-'.repeat(widths[0]!)}  ${'-'.repeat(widths[1]!)}  ${'-'.repeat(6)}`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const began = Date.now();
  const catalog = loadCatalog(args.dir);
  console.log(`lessons:check: ${catalog.lessons.length} lesson(s) loaded from ${args.dir}, ${catalog.broken.length} broken`);
  for (const problem of catalog.problems) console.log(`  ${problem}`);
  let failed = catalog.broken.length > 0;
  const chosen = catalog.lessons.filter((l) => args.only.length === 0 || args.only.includes(l.summary.id));
  const lessons = chosen.filter((l) => args.cluster === 'all' || needsCluster(l) === (args.cluster === 'only'));
  // Said by name, so a table without them is never read as their proof.
  const elsewhere = chosen.filter((l) => args.cluster === 'none' && needsCluster(l));
  if (elsewhere.length > 0)
    console.log(
      `  not replayed here (cluster lessons; \`npm run lessons:cluster\` proves them on the test cluster): ${elsewhere.map((l) => l.summary.id).join(', ')}`,
    );
  const unknown = args.only.filter((id) => !catalog.lessons.some((l) => l.summary.id === id));
  for (const id of unknown) console.log(`  no lesson with id ${id}`);
  if (unknown.length > 0) failed = true;
  if (args.validateOnly || lessons.length === 0) return failed ? 1 : 0;

  const dataDir = mkdtempSync(join(tmpdir(), 'dockside-lessons-check-'));
  const standalone = await createStandaloneContext({ dataDir, lessonsDir: args.dir });
  const { context } = standalone;
  try {
    if (!context.engine.connected) {
      const status = context.engine.status;
      console.log(
        `lessons:check: cannot replay: ${status.state === 'unreachable' ? `${status.error} ${status.fix}` : 'the engine is not connected'}`,
      );
      return 1;
    }
    const { info, endpoint } = context.engine.status as Extract<EngineStatus, { state: 'connected' }>;
    // The table is proof for one engine only: say which (DOCKER_HOST picks it, as for the docker CLI).
    console.log(`lessons:check: replaying on ${info.product} ${info.engineVersion} (API ${info.apiVersion}) at ${endpoint.host}`);
    const library = new LessonLibrary(args.dir);
    const progress = new ProgressStore(dataDir);
    const verdicts: LessonVerdict[] = [];
    for (const lesson of lessons) {
      // The replay claims only objects its lesson names: other programs may use this engine meanwhile.
      const runs = new RunService(context, library, progress, { timing: { pollMs: 200 }, ignore: lessonScope(lesson) });
      const verdict = await replayLesson(context, runs, lesson);
      verdicts.push(verdict);
      if (verdict.error || verdict.steps.some((s) => s.outcome !== 'proven')) failed = true;
    }
    console.log('');
    printTable(verdicts);
    const proven = verdicts.flatMap((v) => v.steps).filter((s) => s.outcome === 'proven').length;
    const total = verdicts.flatMap((v) => v.steps).length;
    console.log(
      `\n${proven}/${total} step(s) proven in ${((Date.now() - began) / 1000).toFixed(1)} s${failed ? ' — FAILED' : ''}`,
    );
    return failed ? 1 : 0;
  } finally {
    standalone.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('lessons:check crashed:', error);
    process.exit(2);
  },
);

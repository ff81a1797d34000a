/**
 * Prove a lesson on a real engine: for each step, its checks do not pass before its solution
 * runs, and do pass after. The replay is a real run (the same attribution, evaluation and reset
 * the learner gets), and it removes exactly what it created when it is done. Solutions run with
 * the environment a terminal gets, through an engine proxy of their own — so every lesson also
 * proves the proxy (Compose, buildx, contexts, registries) and its attribution: what they make
 * is the learner's, what other clients make meanwhile is left alone. Each solution command is
 * also published on the command feed, as the terminal would report it, so checks that follow
 * the terminal are proven the same way.
 */
import { spawn } from 'node:child_process';
import type { Preflight, StepState } from '../contract';
import type { CoreContext } from '../context';
import { messageOf } from '../errors';
import type { LoadedLesson } from '../lessons/types';
import { removeCreated } from '../runner/reset';
import type { LessonRun } from '../runner/lesson-run';
import { chooseRemovals, type RunService } from '../runner/run-service';
import { EngineProxy } from '../engine-proxy/engine-proxy';
import { buildSessionEnv } from '../terminal/session-env';
import { lessonToolEnv } from '../cluster/lesson-tools';
import { needsCluster, resetRunCluster } from '../runner/run-cluster';
import type { RunClusterSource } from '../runner/cluster-feed';

export type StepVerdict =
  | { step: number; title: string; outcome: 'proven'; ms: number }
  | { step: number; title: string; outcome: 'failed'; reason: string }
  | { step: number; title: string; outcome: 'skipped'; reason: string };

export interface LessonVerdict {
  lessonId: string;
  steps: StepVerdict[];
  /** A problem before any step ran (preflight, engine) or during cleanup. */
  error: string | null;
  /** `outside`: objects made during the replay by other clients, left alone. */
  cleanup: { removed: number; kept: string[]; outside: string[] };
}

export interface ReplayOptions {
  /** How long a step may take to turn passed after its solution. */
  passTimeoutMs?: number;
  /** How long one solution block may run. */
  commandTimeoutMs?: number;
}

interface ShellResult {
  exitCode: number | null;
  output: string;
  startedAt: number;
  endedAt: number;
}

function runShell(script: string, cwd: string, env: Record<string, string | undefined>, timeoutMs: number): Promise<ShellResult> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const child = spawn('sh', ['-e', '-c', script], { cwd, env: env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < 16_384) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, output: `${output}${messageOf(error)}`, startedAt, endedAt: Date.now() });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, output, startedAt, endedAt: Date.now() });
    });
  });
}

function failingChecks(state: StepState): string {
  const failing = state.checks.filter((c) => c.pass !== true);
  return (failing.length > 0 ? failing : state.checks).map((c) => c.explanation).join('; ');
}

/** Run a step's solution as the learner would, each command reported like a terminal's; the failure, or null. */
async function runSolution(
  context: CoreContext,
  env: Record<string, string | undefined>,
  scripts: readonly string[],
  cwd: string,
  commandTimeoutMs: number,
): Promise<string | null> {
  for (const script of scripts) {
    const result = await runShell(script, cwd, env, commandTimeoutMs);
    context.commands.publish({
      sessionId: 'lessons-check',
      line: script.trim(),
      exitCode: result.exitCode,
      cwd,
      startedAt: result.startedAt,
      endedAt: result.endedAt,
    });
    if (result.exitCode !== 0)
      return `its solution exited ${result.exitCode ?? 'by a signal'}: ${result.output.trim().split('\n').slice(-3).join(' / ')}`;
  }
  return null;
}

/** The step's state once it passed, or when `timeoutMs` ran out. */
async function passedWithin(run: LessonRun, index: number, timeoutMs: number): Promise<StepState> {
  const deadline = Date.now() + timeoutMs;
  let after = run.stepState(index);
  while (after.status !== 'passed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    await run.settled();
    after = run.stepState(index);
  }
  return after;
}

/**
 * Solutions run as in a terminal: the session environment, through an engine proxy of their own,
 * and for a cluster lesson the lesson kubeconfig and the tools' homes in the workspace.
 */
async function replayProxy(
  context: CoreContext,
  lesson: LoadedLesson,
  workspaceDir: string,
): Promise<{ proxy: EngineProxy; env: Record<string, string | undefined> }> {
  const proxy = new EngineProxy({ endpoint: () => context.engine.connected?.endpoint ?? null, ledger: context.ledger });
  await proxy.listen();
  const env = buildSessionEnv({
    base: context.env,
    endpoint: context.engine.connected?.endpoint ?? null,
    integration: {},
    version: context.version,
    proxyHost: proxy.dockerHost,
  });
  if (needsCluster(lesson)) Object.assign(env, lessonToolEnv(workspaceDir));
  return { proxy, env };
}

/** Remove what the replay made in its terminal; what other clients made meanwhile is left and named. */
async function cleanUp(
  context: CoreContext,
  run: LessonRun,
  cluster: RunClusterSource | null,
): Promise<LessonVerdict['cleanup']> {
  // Events of the last command may still be on their way, and BuildKit sends none: adopt by looking too.
  await run.reconcile().catch(() => undefined);
  const docker = context.engine.connected?.docker;
  const { remove, leftOutside } = chooseRemovals(run.attribution.all, []);
  const outside = leftOutside.map((o) => `${o.type} ${o.name}`);
  // The run's namespace and the cluster-scoped objects it made (by uid), as the learner's reset.
  const clusterReset = cluster
    ? await resetRunCluster(cluster, run.runId).catch((error: unknown) => ({
        removed: [],
        kept: [`the run's namespace: ${messageOf(error)}`],
      }))
    : { removed: [], kept: [] };
  if (!docker)
    return { removed: clusterReset.removed.length, kept: ['the engine went away before cleanup', ...clusterReset.kept], outside };
  const outcome = await removeCreated(docker, remove);
  return {
    removed: outcome.removed.length + clusterReset.removed.length,
    kept: [...outcome.kept.map((k) => k.reason), ...clusterReset.kept],
    outside,
  };
}

/** What keeps a lesson from being replayed at all: engine, conflicts, missing images, unmet requirements. */
function preflightBlockers(preflight: Preflight): string[] {
  return [
    ...(preflight.engineError ? [`engine: ${preflight.engineError}`] : []),
    ...preflight.conflicts.map((c) => c.problem),
    ...preflight.images.filter((i) => !i.present).map((i) => `image ${i.name} is missing`),
    ...preflight.requirements.filter((r) => r.met === false && r.name !== 'docker').map((r) => `${r.name}: ${r.detail}`),
  ];
}

export async function replayLesson(
  context: CoreContext,
  runs: RunService,
  lesson: LoadedLesson,
  options: ReplayOptions = {},
): Promise<LessonVerdict> {
  // Pods start, probe and restart on a real node: a cluster step may take tens of seconds.
  const passTimeoutMs = options.passTimeoutMs ?? (needsCluster(lesson) ? 90_000 : 15_000);
  const commandTimeoutMs = options.commandTimeoutMs ?? 60_000;
  const verdict: LessonVerdict = {
    lessonId: lesson.summary.id,
    steps: [],
    error: null,
    cleanup: { removed: 0, kept: [], outside: [] },
  };
  const skipRest = (from: number, reason: string) => {
    for (const step of lesson.steps.slice(from))
      verdict.steps.push({ step: step.index, title: step.title, outcome: 'skipped', reason });
  };

  const blockers = preflightBlockers(await runs.preflight(lesson.summary.id));
  if (blockers.length > 0) {
    verdict.error = `preflight: ${blockers.join('; ')}`;
    skipRest(0, 'not replayed');
    return verdict;
  }

  const state = await runs.start(lesson.summary.id, true);
  const run = runs.active!;
  const cluster = runs.activeCluster;
  let proxy: EngineProxy | null = null;
  try {
    // Inside the try: a proxy that cannot listen must not leave the run started.
    const replay = await replayProxy(context, lesson, state.workspaceDir);
    proxy = replay.proxy;
    const { env } = replay;
    for (const step of lesson.steps) {
      await run.settled();
      const before = run.stepState(step.index);
      if (before.status !== 'current') {
        verdict.steps.push({
          step: step.index,
          title: step.title,
          outcome: 'failed',
          // A step that shows failed before the learner did anything is as wrong as one that passes.
          reason:
            before.status === 'passed'
              ? `passes before its solution ran (${failingChecks(before)})`
              : `shows ${before.status} before its solution ran (${failingChecks(before)})`,
        });
        skipRest(step.index + 1, 'an earlier step failed');
        return verdict;
      }
      const began = Date.now();
      const failure = await runSolution(context, env, step.solution, state.workspaceDir, commandTimeoutMs);
      if (failure) {
        verdict.steps.push({ step: step.index, title: step.title, outcome: 'failed', reason: failure });
        skipRest(step.index + 1, 'an earlier step failed');
        return verdict;
      }
      const after = await passedWithin(run, step.index, passTimeoutMs);
      if (after.status !== 'passed') {
        const reason = after.error ?? `still not passed ${passTimeoutMs / 1000} s after its solution: ${failingChecks(after)}`;
        verdict.steps.push({ step: step.index, title: step.title, outcome: 'failed', reason });
        skipRest(step.index + 1, 'an earlier step failed');
        return verdict;
      }
      verdict.steps.push({ step: step.index, title: step.title, outcome: 'proven', ms: Date.now() - began });
    }
    return verdict;
  } finally {
    verdict.cleanup = await cleanUp(context, run, cluster);
    runs.stop();
    proxy?.close();
  }
}

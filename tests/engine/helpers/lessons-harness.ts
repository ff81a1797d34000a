/**
 * What the lessons engine tests share: a docker client and CLI, unique names, every object
 * labelled `dockside.test=lessons` (and only those removed afterwards), check evaluation with
 * hand-made run facts, and lessons written on the fly into a temporary lessons directory.
 */
import Docker from 'dockerode';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallCounter, EngineReader } from '../../../electron/core/checks/engine-reader';
import type { CheckResult, EngineObjectType, RunFacts } from '../../../electron/core/checks/kind';
import { checkKind } from '../../../electron/core/checks/registry';
import type { FinishedCommand } from '../../../electron/core/terminal/command-feed';
import type { EventName, Events, RunState, StepState } from '../../../electron/core/contract';
import { LessonLibrary } from '../../../electron/core/lessons/lesson-library';
import { ProgressStore } from '../../../electron/core/progress/progress-store';
import type { IgnorePredicate } from '../../../electron/core/runner/attribution';
import type { RunTiming } from '../../../electron/core/runner/lesson-run-options';
import { RunService } from '../../../electron/core/runner/run-service';
import { createStandaloneContext, type Standalone } from '../../../electron/core/authoring/standalone-context';
import { BaseClient } from '../../../electron/core/rpc/client';
import { startLearnerCli, type LearnerCli } from './learner-cli';

/**
 * `lessons-<random>`: unique per test process, so two runs of these suites at once (a developer's
 * and `npm test`) never remove or attribute each other's objects.
 */
export const AREA = `lessons-${Math.random().toString(36).slice(2, 8)}`;
export const LABEL = `dockside.test=${AREA}`;

export const docker = new Docker({ socketPath: '/var/run/docker.sock' });

export function suffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** A free-looking high port (tests that publish pick one each). */
export function randomPort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}

export function cli(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function sh(script: string, cwd?: string): { code: number | null; output: string } {
  const result = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Remove everything this area labelled: containers, then networks, volumes, images. */
export function removeLabelled(): void {
  sh(`docker ps -aq --filter label=${LABEL} | xargs -r docker rm -f >/dev/null 2>&1`);
  sh(`docker network ls -q --filter label=${LABEL} | xargs -r docker network rm >/dev/null 2>&1`);
  sh(`docker volume ls -q --filter label=${LABEL} | xargs -r docker volume rm >/dev/null 2>&1`);
  sh(`docker images -q --filter label=${LABEL} | sort -u | xargs -r docker rmi -f >/dev/null 2>&1`);
}

export interface FactsOptions {
  created?: Set<string>;
  workspaceDir?: string;
  startedAt?: number;
  commands?: FinishedCommand[];
}

export function facts(options: FactsOptions = {}): RunFacts & { created: Set<string> } {
  const created = options.created ?? new Set<string>();
  return {
    created,
    startedAt: options.startedAt ?? Date.now() - 60_000,
    stepStartedAt: options.startedAt ?? Date.now() - 60_000,
    workspaceDir: options.workspaceDir ?? tmpdir(),
    createdDuringRun: (_type: EngineObjectType, id: string) => created.has(id),
    createdNames: () => [],
    createdIds: () => [...created],
    commandsSince: (since) => (options.commands ?? []).filter((c) => c.endedAt >= since),
  };
}

/** Validate `spec` with the kind's schema (as the loader does), then evaluate it against the real engine. */
export async function evaluate(
  kind: string,
  spec: unknown,
  runFacts: RunFacts = facts(),
  client: Docker = docker,
): Promise<CheckResult> {
  const parsed = checkKind(kind).schema.parse(spec);
  return checkKind(kind).evaluate(parsed, { engine: new EngineReader(client, new CallCounter()), run: runFacts });
}

export function wants(kind: string, spec: unknown): string {
  const k = checkKind(kind);
  return k.wants(k.schema.parse(spec));
}

export function containerId(name: string): string {
  return cli('inspect', '-f', '{{.Id}}', name);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dockside-${prefix}-`));
}

/** Write a lesson file into `lessonsDir/<track>/<file>` from its front matter fields and step Markdown. */
export function writeLesson(lessonsDir: string, file: string, id: string, steps: string): string {
  const dir = join(lessonsDir, id.split('/')[0]!);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(
    path,
    [
      '---',
      `id: ${id}`,
      `title: Test ${id}`,
      'summary: written by a test',
      `track: ${id.split('/')[0]!}`,
      'order: 1',
      'minutes: 1',
      'images: [busybox]',
      '---',
      '',
      steps,
    ].join('\n'),
  );
  return path;
}

/** A step in lesson Markdown. */
export function step(title: string, check: string, solution = 'true'): string {
  return [
    '',
    `## ${title}`,
    '',
    '```check',
    check,
    '```',
    '',
    '```hint',
    'a hint',
    '```',
    '',
    '```solution',
    solution,
    '```',
    '',
  ].join('\n');
}

export { until } from '../../helpers/until';

export function cleanupDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// A run service over a standalone core context, with a client that records every event.
// ---------------------------------------------------------------------------------------------

export class RecordingClient extends BaseClient {
  readonly received: Array<{ event: EventName; payload: unknown; at: number }> = [];
  protected send<E extends EventName>(event: E, payload: Events[E]): void {
    this.received.push({ event, payload, at: performance.now() });
  }
  steps(): Array<{ step: StepState; at: number }> {
    return this.received
      .filter((r) => r.event === 'run.step')
      .map((r) => ({ step: (r.payload as Events['run.step']).step, at: r.at }));
  }
  lastStep(index: number): StepState | undefined {
    return this.steps()
      .filter((r) => r.step.index === index)
      .at(-1)?.step;
  }
}

/** Only what this area labelled is ever the learner's: other suites share the engine. */
export const onlyOurs: IgnorePredicate = (candidate) => candidate.labels['dockside.test'] !== AREA;

export interface RunHarness {
  standalone: Standalone;
  runs: RunService;
  progress: ProgressStore;
  client: RecordingClient;
  dataDir: string;
  /** The learner's docker, through a terminal's engine proxy: what it makes is the learner's. */
  learner: LearnerCli;
  dispose(): Promise<void>;
}

export async function startRunHarness(
  lessonsDir: string,
  env: Record<string, string | undefined> = process.env,
  timing: Partial<RunTiming> = {},
): Promise<RunHarness> {
  const dataDir = tempDir('run-data');
  const standalone = await createStandaloneContext({
    dataDir,
    lessonsDir,
    env,
    engineTiming: { retryMs: 200, healthMs: 1000, timeoutMs: 1500 },
  });
  const progress = new ProgressStore(dataDir);
  const runs = new RunService(standalone.context, new LessonLibrary(lessonsDir), progress, {
    timing: { debounceMs: 15, pollMs: 200, ...timing },
    ignore: onlyOurs,
    objectsDebounceMs: 50,
  });
  const client = new RecordingClient('test');
  standalone.context.hub.add(client);
  const learner = await startLearnerCli(standalone.context);
  return {
    standalone,
    runs,
    progress,
    client,
    dataDir,
    learner,
    async dispose() {
      learner.close();
      await runs.dispose();
      standalone.dispose();
      client.close();
      cleanupDir(dataDir);
    },
  };
}

export function stateOf(harness: RunHarness): RunState {
  const state = harness.runs.state();
  if (!state) throw new Error('no active run');
  return state;
}

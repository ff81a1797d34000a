/**
 * A lesson run on the real engine: steps turn passed from engine events, only touched checks are
 * evaluated, a live step follows the engine (and shows failed), polled and command-driven checks,
 * leftovers from before the run never pass, and progress is kept.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../electron/core/engine/events';
import {
  cleanupDir,
  cli,
  LABEL,
  removeLabelled,
  startRunHarness,
  stateOf,
  step,
  suffix,
  tempDir,
  until,
  writeLesson,
  type RunHarness,
} from './helpers/lessons-harness';

const s = suffix();
const a = `lt-live-a-${s}`;
const b = `lt-live-b-${s}`;
const old = `lt-live-old-${s}`;
let lessonsDir: string;
let h: RunHarness;

beforeAll(async () => {
  lessonsDir = tempDir('lessons-live');
  writeLesson(
    lessonsDir,
    '01-live.md',
    'lt/live',
    [
      step('Start A', `container: { name: ${a}, state: running }`),
      step('Stop A', `container: { name: ${a}, state: exited }`),
      step('Keep B running', `container: { name: ${b}, state: running }\nlive: true`),
      step('Write a file', 'file: { path: done.txt, contains: done }'),
      step('Run a command', 'command: { contains: "docker ps", exitCode: 0 }'),
    ].join('\n'),
  );
  writeLesson(
    lessonsDir,
    '02-leftover.md',
    'lt/leftover',
    step('Start the old one', `container: { name: ${old}, state: running }`),
  );
  h = await startRunHarness(lessonsDir);
});

afterAll(async () => {
  await h.dispose();
  removeLabelled();
  cleanupDir(lessonsDir);
});

/** Resolves with the time the first engine event matching `match` arrived in core. */
function eventArrival(match: (event: EngineEvent) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const stop = h.standalone.context.events.subscribe((event) => {
      if (!match(event)) return;
      stop();
      resolve(performance.now());
    });
  });
}

describe('a live run', () => {
  it('starts with the first step current and says what is missing', async () => {
    const state = await h.runs.start('lt/live', false);
    expect(state.currentStep).toBe(0);
    expect(state.steps.map((st) => st.status)).toEqual(['current', 'pending', 'pending', 'pending', 'pending']);
    expect(state.steps[0]!.checks[0]).toMatchObject({ pass: false, explanation: `there is no container named ${a}` });
    expect(state.workspaceDir).toBe(join(h.dataDir, 'workspaces', 'lt', 'live'));
  });

  it('passes a step from the engine event that completes it, and makes the next one current at once', async () => {
    const started = eventArrival((e) => e.type === 'container' && e.action === 'start' && e.attributes.name === a);
    cli('run', '-d', '--name', a, '-l', LABEL, 'busybox', 'sleep', '300');
    const arrival = await started;
    const passed = await until('step 0 passed', () =>
      h.client.steps().find((r) => r.step.index === 0 && r.step.status === 'passed'),
    );
    expect(passed.at - arrival).toBeLessThan(500);
    expect(passed.step.passedAt).toBeGreaterThan(0);
    const next = await until('step 1 evaluated', () => {
      const st = h.client.lastStep(1);
      return st?.status === 'current' && st.checks[0]!.pass === false ? st : undefined;
    });
    expect(next.checks[0]!.explanation).toBe(`container ${a} is running, not exited`);
    expect(stateOf(h).created.map((o) => o.name)).toContain(a);
  });

  it('turns the current step failed once the learner acts on it and misses — not while their command still runs', async () => {
    await new Promise((r) => setTimeout(r, 600)); // past the grace after the step before it passed
    const feed = h.standalone.context.commands;
    feed.started('learner-shell'); // say, a `docker stop` still waiting out its grace period
    cli('pause', a);
    await new Promise((r) => setTimeout(r, 1200)); // twice the quiet spell an attempt gets
    expect(h.client.lastStep(1)?.checks[0]?.explanation).toMatch(new RegExp(`^container ${a} is paused`));
    expect(h.client.lastStep(1)?.status).toBe('current');

    const now = Date.now();
    feed.publish({ sessionId: 'learner-shell', line: 'docker pause x', exitCode: 0, cwd: null, startedAt: now, endedAt: now });
    const failed = await until('step 1 failed once the command finished', () => {
      const st = h.client.lastStep(1);
      return st?.status === 'failed' ? st : undefined;
    });
    expect(failed.checks[0]!.explanation).toMatch(new RegExp(`^container ${a} is paused`));
    expect(stateOf(h).currentStep).toBe(1); // still the step to do
    cli('unpause', a);
    await until(
      'the miss follows the engine',
      () => h.client.lastStep(1)?.checks[0]?.explanation === `container ${a} is running, not exited`,
    );
    expect(h.client.lastStep(1)?.status).toBe('failed');
  });

  it('evaluates nothing for events that touch none of the watched checks', async () => {
    const run = h.runs.active!;
    await run.settled();
    const before = run.counter.total;
    const other = `lt-live-other-${s}`;
    const destroyed = eventArrival((e) => e.action === 'destroy' && e.attributes.name === other);
    cli('run', '-d', '--name', other, '-l', LABEL, 'busybox', 'sleep', '300');
    cli('rm', '-f', other);
    await destroyed;
    await new Promise((r) => setTimeout(r, 100));
    await run.settled();
    expect(run.counter.total).toBe(before);
    // An event about A does cost a read (one call: the check names its container).
    const killed = eventArrival((e) => e.action === 'die' && e.attributes.name === a);
    cli('kill', a);
    await killed;
    await until('step 1 passed', () => h.client.lastStep(1)?.status === 'passed');
    await run.settled();
    expect(run.counter.total - before).toBeGreaterThanOrEqual(1);
  });

  it('keeps a live step in step with the engine: failed when its state stops holding, passed when it holds again', async () => {
    cli('run', '-d', '--name', b, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('step 2 passed', () => h.client.lastStep(2)?.status === 'passed');
    cli('kill', b);
    const failed = await until('step 2 failed', () =>
      h.client.lastStep(2)?.status === 'failed' ? h.client.lastStep(2) : undefined,
    );
    expect(failed.checks[0]!.explanation).toBe(`container ${b} is exited (code 137), not running`);
    expect(failed.passedAt).toBeNull();
    // The lesson goes on: the step after it is current.
    expect(stateOf(h).currentStep).toBe(3);
    cli('start', b);
    await until('step 2 passed again', () => h.client.lastStep(2)?.status === 'passed');
  });

  it('polls a file check while its step is current', async () => {
    const st = h.client.lastStep(3);
    expect(st?.status).toBe('current');
    expect(st?.checks[0]!.explanation).toMatch(/^there is no file done\.txt in the workspace/);
    writeFileSync(join(stateOf(h).workspaceDir, 'done.txt'), 'all done\n');
    await until('step 3 passed', () => h.client.lastStep(3)?.status === 'passed', 3000);
  });

  it('re-evaluates a command check when a terminal command finishes', async () => {
    await until('step 4 evaluated', () => h.client.lastStep(4)?.checks[0]!.pass === false);
    const now = Date.now();
    h.standalone.context.commands.publish({
      sessionId: 't',
      line: 'docker ps -a',
      exitCode: 1,
      cwd: null,
      startedAt: now,
      endedAt: now,
    });
    await until('the failed command explained', () => h.client.lastStep(4)?.checks[0]!.explanation.includes('exited 1, not 0'));
    h.standalone.context.commands.publish({
      sessionId: 't',
      line: 'docker ps',
      exitCode: 0,
      cwd: null,
      startedAt: now,
      endedAt: Date.now(),
    });
    await until('step 4 passed', () => h.client.lastStep(4)?.status === 'passed');
    const state = stateOf(h);
    expect(state.status).toBe('complete');
    expect(state.currentStep).toBeNull();
  });

  it('keeps progress: steps passed and when, hints revealed, completion', async () => {
    h.runs.revealHint(0);
    const revealed = h.runs.revealHint(0);
    expect(revealed.hints).toEqual(['a hint']);
    await h.progress.flush();
    const lesson = h.progress.summary().lessons.find((l) => l.lessonId === 'lt/live')!;
    expect(Object.keys(lesson.passed).sort()).toEqual(['keep-b-running', 'run-a-command', 'start-a', 'stop-a', 'write-a-file']);
    expect(lesson.hintsRevealed).toEqual({ 'start-a': 1 });
    expect(lesson.completedAt).toBeGreaterThan(0);
    expect(lesson.inProgress).toBe(true);
  });

  it('shows the objects the run created, live', async () => {
    const objects = await h.runs.objects();
    expect(objects!.containers.map((c) => [c.name, c.state, c.step]).sort()).toEqual([
      [a, 'exited', 0],
      [b, 'running', 2],
    ]);
    await until('a run.objects event', () => h.client.received.some((r) => r.event === 'run.objects'));
  });
});

describe('leftovers', () => {
  it('never pass a step that asks for something created during this run', async () => {
    cli('run', '-d', '--name', old, '-l', LABEL, 'busybox', 'sleep', '300');
    const state = await h.runs.start('lt/leftover', true);
    expect(state.steps[0]).toMatchObject({
      status: 'current',
      checks: [
        {
          pass: false,
          explanation: `container ${old} exists (running) but was not created during this lesson; remove or rename it and create it again`,
        },
      ],
    });
    cli('rm', '-f', old);
    cli('run', '-d', '--name', old, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('the new one passes', () => h.runs.state()?.steps[0]!.status === 'passed');
  });
});

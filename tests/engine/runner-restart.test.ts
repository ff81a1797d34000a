/**
 * The engine goes away during a run (its socket dies, as when dockerd restarts) and the state the
 * step waits for is reached meanwhile, through the real socket: the step still turns passed once
 * the stream reconnects, and while the engine is away the step is in an error state, not failed.
 * Core is pointed at a socket proxy in front of /var/run/docker.sock with DOCKER_HOST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app';
import type { RunState, WireResult } from '../../electron/core/contract';
import { EngineSocketProxy } from '../helpers/socket-proxy';
import { fromHost } from '../../electron/core/engine/endpoint';
import { startLearnerCli, type LearnerCli } from './helpers/learner-cli';
import {
  AREA,
  cleanupDir,
  cli,
  LABEL,
  RecordingClient,
  removeLabelled,
  step,
  suffix,
  tempDir,
  until,
  writeLesson,
} from './helpers/lessons-harness';

const s = suffix();
const name = `lt-restart-${s}`;
const later = `lt-restart-later-${s}`;
let proxy: EngineSocketProxy;
let core: Core;
let client: RecordingClient;
let learner: LearnerCli;
let lessonsDir: string;
let dataDir: string;

async function request<T>(method: string, params?: unknown): Promise<T> {
  const answer = (await core.handle(method, params, client)) as WireResult<T>;
  if ('error' in answer) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

const runState = () => request<RunState | null>('run.state');

beforeAll(async () => {
  lessonsDir = tempDir('lessons-restart');
  dataDir = tempDir('restart-data');
  writeLesson(
    lessonsDir,
    '01-restart.md',
    'lt/restart',
    [
      step('Start it', `container: { name: ${name}, state: running }`),
      step('Start another', `container: { name: ${later}, state: running }`),
    ].join('\n'),
  );
  proxy = new EngineSocketProxy();
  await proxy.start();
  core = await createCore({
    env: { DOCKER_HOST: proxy.host, DOCKSIDE_TEST_AREA: AREA },
    dataDir,
    lessonsDir,
    version: 'test',
    engineTiming: { retryMs: 200, healthMs: 1000, timeoutMs: 1500 },
  });
  learner = await startLearnerCli(core.context, fromHost('unix:///var/run/docker.sock', 'default', 'default', null));
  client = new RecordingClient('restart');
  core.connect(client);
  await until('the events stream', () => core.context.events.isOpen);
});

afterAll(async () => {
  learner.close();
  await core.dispose();
  await proxy.dispose();
  removeLabelled();
  cleanupDir(lessonsDir);
  cleanupDir(dataDir);
});

describe('the engine restarting during a run', () => {
  it('loses no completion: the step reached while the stream reconnects turns passed', async () => {
    const started = await request<RunState>('run.start', { lessonId: 'lt/restart' });
    expect(started.steps[0]!.status).toBe('current');

    await proxy.stop();
    const away = await until('the run to see the engine gone', () =>
      client.received.some((r) => r.event === 'run.changed' && (r.payload as RunState | null)?.engineError),
    );
    expect(away).toBe(true);
    const during = (await runState())!;
    expect(during.engineError).not.toBeNull();
    expect(during.steps[0]!.status).toBe('current'); // an error state, never a failed step
    expect(during.steps[0]!.error).toMatch(/^The Docker engine cannot be read: /);

    // The learner's command reaches the engine through the real socket while core cannot see it
    // (through a terminal's proxy, so it is the learner's).
    await learner.docker('run', '-d', '--name', name, '-l', LABEL, 'busybox', 'sleep', '300');
    await new Promise((r) => setTimeout(r, 300));
    expect((await runState())!.steps[0]!.status).toBe('current');

    await proxy.start();
    await until('step 0 passed after the reconnect', () => client.lastStep(0)?.status === 'passed', 15_000);
    // The next step is evaluated right after; its first reading arrives a moment later.
    await until('step 1 evaluated', () => client.lastStep(1)?.checks[0]?.pass === false, 5_000);
    const after = (await runState())!;
    expect(after.engineError).toBeNull();
    expect(after.currentStep).toBe(1);
    expect(after.steps[1]!.checks[0]!.explanation).toBe(
      `there is no container named ${later} (the container you created during this lesson: ${name})`,
    );
    // What was created in the gap is attributed to the run all the same.
    expect(after.created.map((o) => o.name)).toContain(name);
  });

  it('keeps evaluating live after the reconnect', async () => {
    await learner.docker('run', '-d', '--name', later, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('step 1 passed', () => client.lastStep(1)?.status === 'passed');
    expect((await runState())!.status).toBe('complete');
  });

  it('resets what it created, through the same engine', async () => {
    const reset = await request<{ removed: { name: string }[] }>('run.resetLesson');
    expect(reset.removed.map((o) => o.name).sort()).toEqual([later, name].sort());
    expect(cli('ps', '-aq', '--filter', `name=^/${name}$`)).toBe('');
  });
});

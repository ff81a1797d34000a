/**
 * Exact attribution on the real engine: what the learner makes in Dockside's terminal (through
 * its engine proxy) is removed by Reset; what another client makes on the same engine during the
 * run — dockerode straight at the engine, the docker CLI at the real socket — counts for checks
 * but survives Reset step and Reset lesson unless the learner ticks it; and a volume recreated
 * under the learner's name by another client is not taken for the learner's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedRef } from '../../electron/core/contract';
import {
  cleanupDir,
  cli,
  docker,
  LABEL,
  removeLabelled,
  sh,
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
const names = {
  learnerContainer: `lt-att-web-${s}`,
  learnerVolume: `lt-att-lvol-${s}`,
  learnerNetwork: `lt-att-lnet-${s}`,
  dockerodeContainer: `lt-att-dc-${s}`,
  dockerodeVolume: `lt-att-dvol-${s}`,
  dockerodeNetwork: `lt-att-dnet-${s}`,
  cliContainer: `lt-att-cc-${s}`,
  cliVolume: `lt-att-cvol-${s}`,
  cliNetwork: `lt-att-cnet-${s}`,
};
const labels = { 'dockside.test': LABEL.split('=')[1]! };
let lessonsDir: string;
let h: RunHarness;

const exists = (kind: 'container' | 'volume' | 'network', name: string) => sh(`docker ${kind} inspect ${name}`).code === 0;
const origins = (created: CreatedRef[]) => Object.fromEntries(created.map((o) => [o.name, o.origin]));

/** Another client on the same engine: an IDE's dockerode, a script's docker CLI at the real socket. */
async function otherClientsMake(): Promise<void> {
  const container = await docker.createContainer({
    name: names.dockerodeContainer,
    Image: 'busybox',
    Cmd: ['sleep', '300'],
    Labels: labels,
  });
  await container.start();
  await docker.createVolume({ Name: names.dockerodeVolume, Labels: labels });
  await docker.createNetwork({ Name: names.dockerodeNetwork, Labels: labels });
  cli('run', '-d', '--name', names.cliContainer, '-l', LABEL, 'busybox', 'sleep', '300');
  cli('volume', 'create', '--label', LABEL, names.cliVolume);
  cli('network', 'create', '--label', LABEL, names.cliNetwork);
}

beforeAll(async () => {
  lessonsDir = tempDir('lessons-attribution');
  writeLesson(
    lessonsDir,
    '01-att.md',
    'lt/att',
    [
      step('Make a volume and a network', `volume: { name: ${names.learnerVolume} }`),
      step('Run the web server', `container: { name: ${names.learnerContainer}, state: running }`),
    ].join('\n'),
  );
  h = await startRunHarness(lessonsDir);
});

afterAll(async () => {
  await h.dispose();
  removeLabelled();
  cleanupDir(lessonsDir);
});

describe('objects made by another client during a run', () => {
  it('count as made outside, survive Reset step, and go at Reset lesson only when ticked', async () => {
    await h.runs.start('lt/att', true);
    // The network first: the volume passes step 1, and the container belongs to step 2.
    await h.learner.docker('network', 'create', '--label', LABEL, names.learnerNetwork);
    await h.learner.docker('volume', 'create', '--label', LABEL, names.learnerVolume);
    await until('step 1 current', () => stateOf(h).currentStep === 1);
    await otherClientsMake();
    await h.learner.docker('run', '-d', '--name', names.learnerContainer, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('all nine attributed', () => stateOf(h).created.length === 9 && stateOf(h).status === 'complete');
    await h.runs.active!.settled();
    expect(origins(stateOf(h).created)).toEqual({
      [names.learnerVolume]: 'terminal',
      [names.learnerNetwork]: 'terminal',
      [names.learnerContainer]: 'terminal',
      [names.dockerodeContainer]: 'outside',
      [names.dockerodeVolume]: 'outside',
      [names.dockerodeNetwork]: 'outside',
      [names.cliContainer]: 'outside',
      [names.cliVolume]: 'outside',
      [names.cliNetwork]: 'outside',
    });

    const step = await h.runs.resetStep(1);
    expect(step.removed.map((o) => o.name)).toEqual([names.learnerContainer]);
    expect(step.leftOutside).toHaveLength(6);
    for (const name of [names.dockerodeContainer, names.cliContainer]) expect(exists('container', name)).toBe(true);
    // Still counted for the run, still apart from the learner's.
    expect(step.state.created.filter((o) => o.origin === 'outside')).toHaveLength(6);

    const cliVolume = step.state.created.find((o) => o.name === names.cliVolume)!;
    const lesson = await h.runs.resetLesson([cliVolume.id]);
    expect(lesson.removed.map((o) => o.name).sort()).toEqual([names.learnerVolume, names.learnerNetwork, names.cliVolume].sort());
    expect(lesson.leftOutside.map((o) => o.name).sort()).toEqual(
      [names.dockerodeContainer, names.dockerodeVolume, names.dockerodeNetwork, names.cliContainer, names.cliNetwork].sort(),
    );
    expect(exists('volume', names.learnerVolume)).toBe(false);
    expect(exists('network', names.learnerNetwork)).toBe(false);
    expect(exists('volume', names.cliVolume)).toBe(false);
    for (const name of [names.dockerodeContainer, names.cliContainer]) expect(exists('container', name)).toBe(true);
    expect(exists('volume', names.dockerodeVolume)).toBe(true);
    for (const name of [names.dockerodeNetwork, names.cliNetwork]) expect(exists('network', name)).toBe(true);
    removeLabelled();
  });

  it("a volume recreated under the learner's name by another client is kept", async () => {
    await h.runs.start('lt/att', true);
    await h.learner.docker('volume', 'create', '--label', LABEL, names.learnerVolume);
    await until('the learner’s volume attributed', () =>
      stateOf(h).created.some((o) => o.name === names.learnerVolume && o.origin === 'terminal'),
    );
    await h.learner.docker('volume', 'rm', names.learnerVolume);
    await until('forgotten once removed', () => !stateOf(h).created.some((o) => o.name === names.learnerVolume));
    await docker.createVolume({ Name: names.learnerVolume, Labels: labels });
    await until('the newcomer attributed, as made outside', () =>
      stateOf(h).created.some((o) => o.name === names.learnerVolume && o.origin === 'outside'),
    );
    const result = await h.runs.resetLesson();
    expect(result.removed).toEqual([]);
    expect(result.leftOutside.map((o) => o.name)).toEqual([names.learnerVolume]);
    expect(exists('volume', names.learnerVolume)).toBe(true);
  });
});

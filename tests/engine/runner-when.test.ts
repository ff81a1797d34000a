/**
 * `when:` limits a check to some engines: elsewhere it passes and says why it was not asked,
 * so a step adapts to Docker Desktop, Colima or rootless instead of failing there. This machine
 * runs Docker Engine, so a Desktop-only check does not apply and an Engine-only one does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const name = `lt-when-${suffix()}`;
let lessonsDir: string;
let h: RunHarness;

beforeAll(async () => {
  lessonsDir = tempDir('lessons-when');
  writeLesson(
    lessonsDir,
    '01-when.md',
    'lt/when',
    [
      step(
        'Run it',
        [
          `- container: { name: ${name}, state: running }`,
          '- file: { path: only-on-desktop.txt }',
          '  when: { engine: [docker-desktop, colima], because: "their file sharing maps owners to you" }',
        ].join('\n'),
      ),
      step('Engine-only', ['- file: { path: engine-only.txt }', '  when: { engine: [docker-engine] }'].join('\n')),
    ].join('\n'),
  );
  h = await startRunHarness(lessonsDir);
});

afterAll(async () => {
  await h.dispose();
  removeLabelled();
  cleanupDir(lessonsDir);
});

describe('checks limited to some engines', () => {
  it('passes a check that does not apply here, saying why, and still asks the rest', async () => {
    const started = await h.runs.start('lt/when', true);
    const [container, desktopOnly] = started.steps[0]!.checks;
    expect(desktopOnly!.wants).toMatch(
      /^file only-on-desktop\.txt exists in the workspace.* \(on Docker Desktop or Colima only\)$/,
    );
    expect(desktopOnly!.pass).toBe(true);
    expect(desktopOnly!.explanation).toBe(
      'does not apply on Docker Engine: it is checked on Docker Desktop or Colima only (their file sharing maps owners to you)',
    );
    expect(container!.pass).toBe(false); // the step still waits for what does apply
    cli('run', '-d', '--name', name, '-l', LABEL, 'busybox', 'sleep', '300');
    await until('step 0 passed', () => stateOf(h).steps[0]!.status === 'passed');
  });

  it('asks a check that does apply here', async () => {
    await until('step 1 evaluated', () => stateOf(h).steps[1]!.checks[0]!.pass === false);
    expect(stateOf(h).steps[1]!.checks[0]!.explanation).toMatch(/no file engine-only\.txt/);
  });
});

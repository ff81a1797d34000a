/**
 * An attempt is judged by the state after it, read afresh. A polled check (here a file) can last
 * have been read while the learner's command was still writing it — `docker ps > running.txt`
 * makes the file empty first — and the next poll may come after the attempt's quiet spell: the step
 * must pass then, never show failed on the half-written file it saw before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  cleanupDir,
  startRunHarness,
  stateOf,
  step,
  tempDir,
  until,
  writeLesson,
  type RunHarness,
} from './helpers/lessons-harness';

let lessonsDir: string;
let h: RunHarness;
/** Far longer than the 600 ms an attempt waits for quiet, so no poll comes between. */
const POLL_MS = 4000;

beforeAll(async () => {
  lessonsDir = tempDir('lessons-fresh');
  writeLesson(lessonsDir, '01-fresh.md', 'lt/fresh', step('Write the names', 'file: { path: running.txt, matches: "^web$" }'));
  h = await startRunHarness(lessonsDir, process.env, { pollMs: POLL_MS });
});

afterAll(async () => {
  await h.dispose();
  cleanupDir(lessonsDir);
});

const explanation = (): string => h.client.lastStep(0)?.checks[0]?.explanation ?? '';

it('passes a step whose file was read empty mid-command, once the command has ended', async () => {
  await h.runs.start('lt/fresh', false);
  const file = join(stateOf(h).workspaceDir, 'running.txt');
  const missing = await until('the first read', () => explanation());
  await new Promise((r) => setTimeout(r, 600)); // past the grace a new step gets
  const feed = h.standalone.context.commands;
  feed.started('learner-shell');
  writeFileSync(file, ''); // the shell's redirection, before docker ps prints anything
  await until('a poll read the empty file', () => explanation() !== missing, POLL_MS * 2);
  writeFileSync(file, 'web\n');
  const now = Date.now();
  const line = "docker ps --format '{{.Names}}' > running.txt";
  feed.publish({ sessionId: 'learner-shell', line, exitCode: 0, cwd: null, startedAt: now, endedAt: now });
  await until('step 0 passed', () => h.client.lastStep(0)?.status === 'passed', POLL_MS * 2);
  const statuses = h.client
    .steps()
    .filter((r) => r.step.index === 0)
    .map((r) => r.step.status);
  expect(statuses).not.toContain('failed');
});

/**
 * The file check's `uid: self`: a file must belong to the learner (the user Dockside runs as),
 * whatever their uid is — how a lesson checks the `docker run --user "$(id -u):$(id -g)"` fix.
 * Real files in a real temporary workspace; no engine needed.
 */
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKind } from '../../electron/core/checks/registry';
import { offlineCheckContext } from '../helpers/offline-check-context';

const file = checkKind('file');
let workspace: string;

async function evaluate(spec: unknown) {
  return file.evaluate(file.schema.parse(spec), offlineCheckContext(workspace));
}

const me = process.getuid!();

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'dockside-file-owner-'));
  writeFileSync(join(workspace, 'mine.txt'), 'written as me\n');
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('file check, uid: self', () => {
  it('passes for a file of the learner, and says whose it is', async () => {
    expect(await evaluate({ path: 'mine.txt', uid: 'self', contains: 'written as me' })).toEqual({
      pass: true,
      explanation: `file mine.txt exists in the workspace and contains "written as me" and belongs to you (uid ${me}) and was written during this lesson`,
    });
    expect(file.wants(file.schema.parse({ path: 'mine.txt', uid: 'self' }))).toBe(
      `file mine.txt exists in the workspace and belongs to you (uid ${me}) and was written during this lesson`,
    );
  });

  it('keeps numeric uids working as before', async () => {
    expect(await evaluate({ path: 'mine.txt', uid: me })).toMatchObject({ pass: true });
    expect(await evaluate({ path: 'mine.txt', uid: me + 1 })).toEqual({
      pass: false,
      explanation: `file mine.txt belongs to uid ${me}, not ${me + 1}`,
    });
  });

  // Giving a file to another user needs root; our machines and CI run as root.
  it.runIf(me === 0)('fails for a file of someone else, naming both uids', async () => {
    const theirs = join(workspace, 'theirs.txt');
    writeFileSync(theirs, 'written as someone else\n');
    chownSync(theirs, 4321, 4321);
    expect(await evaluate({ path: 'theirs.txt', uid: 'self' })).toEqual({
      pass: false,
      explanation: `file theirs.txt belongs to uid 4321, not to you (uid ${me})`,
    });
  });

  it('rejects any other word, saying what it expects', () => {
    const parsed = file.schema.safeParse({ path: 'mine.txt', uid: 'me' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('expected a uid like 1000, or self (the learner running Dockside)');
  });
});

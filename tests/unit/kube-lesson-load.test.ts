/** A lesson file whose Kubernetes check names an unknown kind or field does not load, and says file:line, as Docker ones do. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../electron/core/lessons/catalog';
import { kubeLessonFile } from '../helpers/kube-lesson-file';

const root = mkdtempSync(join(tmpdir(), 'dockside-kube-lessons-'));
const dir = join(root, 'kube');
mkdirSync(dir);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Images would move the check a line down: the expected lines below count on none. */
const lesson = (id: string, check: string) => kubeLessonFile({ id: `fixture/${id}`, title: 'T', track: 'fixture', check });

describe('loading a Kubernetes lesson with a bad check', () => {
  writeFileSync(join(dir, 'kind.md'), lesson('kube-kind', 'deploymnet: { name: web }'));
  writeFileSync(join(dir, 'field.md'), lesson('kube-field', 'deployment: { name: web, replicsa: 3 }'));
  writeFileSync(join(dir, 'good.md'), lesson('kube-good', 'deployment: { name: web, replicas: 3 }'));
  const catalog = loadCatalog(dir);
  const errorOf = (file: string) => catalog.broken.find((b) => b.file === file)?.error;

  it('names the file and line of an unknown kind', () => {
    expect(errorOf('kube/kind.md')).toMatch(
      /^kube\/kind\.md:13: check: unknown check kind 'deploymnet' \(known kinds: .*deployment/,
    );
  });

  it('names the file and line of an unknown field', () => {
    expect(errorOf('kube/field.md')).toMatch(
      /^kube\/field\.md:13: check\.deployment: unknown key 'replicsa' \(expected one of: name, /,
    );
  });

  it('still loads the good lesson beside them', () => {
    expect(catalog.lessons.map((l) => l.summary.id)).toEqual(['fixture/kube-good']);
  });
});

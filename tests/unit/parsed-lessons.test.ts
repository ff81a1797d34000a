/**
 * Lessons parsed at build time: the catalog core loads from them is the catalog it would parse —
 * for the shipped lessons and for every fixture, broken ones included — and a lesson whose text
 * changed since the build is parsed again, never answered from the stale outcome.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLessonFiles, loadCatalog, loadCatalogYielding } from '../../electron/core/lessons/catalog';
import { parserWithParsedLessons, writeParsedLessons } from '../../electron/core/lessons/parsed-lessons';
import { parseLessonSource } from '../../electron/core/lessons/parse-lesson';

const repoLessons = join(import.meta.dirname, '..', '..', 'lessons');
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'lessons');
const scratch = mkdtempSync(join(tmpdir(), 'dockside-parsed-lessons-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lessons parsed at build time', () => {
  for (const [name, dir] of [
    ['the shipped lessons', repoLessons],
    ['the fixtures', fixtures],
  ] as const) {
    it(`give the very catalog parsing gives: ${name}`, async () => {
      const file = join(scratch, `${name.replace(/\W+/g, '-')}.json`);
      expect(writeParsedLessons(dir, file)).toBeGreaterThan(0);
      const parse = parserWithParsedLessons(file);
      // Each outcome survives the file unchanged (no value JSON would lose or alter)...
      for (const path of findLessonFiles(dir)) {
        const source = readFileSync(path, 'utf8');
        expect(parse(source)).toStrictEqual(parseLessonSource(source));
      }
      // ...and so does the catalog built from them.
      expect(await loadCatalogYielding(dir, parse)).toStrictEqual(loadCatalog(dir));
    });
  }

  it('parse a lesson whose text changed since the build, and any lesson without the file', () => {
    const file = join(scratch, 'shipped.json');
    writeParsedLessons(repoLessons, file);
    const source = readFileSync(findLessonFiles(repoLessons)[0]!, 'utf8');
    const edited = source.replace(/^title: .*$/m, 'title: Edited after the build');
    const outcome = parserWithParsedLessons(file)(edited);
    expect(outcome.ok && outcome.lesson.frontMatter.title).toBe('Edited after the build');

    expect(parserWithParsedLessons(join(scratch, 'missing.json'))).toBe(parseLessonSource);
    writeFileSync(join(scratch, 'garbage.json'), '{ not json');
    expect(parserWithParsedLessons(join(scratch, 'garbage.json'))).toBe(parseLessonSource);
    expect(parserWithParsedLessons(undefined)).toBe(parseLessonSource);
  });
});

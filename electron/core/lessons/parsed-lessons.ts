/**
 * Lessons parsed at build time: `npm run build` (electron-vite) parses every shipped lesson and
 * writes the outcomes beside the built core, keyed by a hash of each file's text. Core's start-up
 * then reads a lesson's outcome instead of parsing it again — parsing the catalog was most of
 * start-up, and grows with every lesson. Only an outcome of this build, for exactly this text, is
 * used: an edited or new lesson (an author at work, another lessons folder) is parsed as always.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { findLessonFiles } from './catalog';
import { parseLessonSource, type ParseOutcome } from './parse-lesson';

/** Bumped when the file's shape changes. */
const FORMAT = 1;

export type ParseLesson = (source: string) => ParseOutcome;

interface ParsedLessonsFile {
  format: number;
  outcomes: Record<string, ParseOutcome>;
}

function keyOf(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** Parse every lesson under `lessonsDir` and write the outcomes to `file`. */
export function writeParsedLessons(lessonsDir: string, file: string): number {
  const outcomes: Record<string, ParseOutcome> = {};
  for (const path of findLessonFiles(lessonsDir)) {
    const source = readFileSync(path, 'utf8');
    outcomes[keyOf(source)] = parseLessonSource(source);
  }
  const content: ParsedLessonsFile = { format: FORMAT, outcomes };
  writeFileSync(file, JSON.stringify(content));
  return Object.keys(outcomes).length;
}

/**
 * A parser that answers from `file` when it holds this very text, and parses otherwise. A missing
 * or unreadable file (running from source, an old build) leaves plain parsing.
 */
export function parserWithParsedLessons(file: string | undefined): ParseLesson {
  if (!file) return parseLessonSource;
  let outcomes: Record<string, ParseOutcome>;
  try {
    const content = JSON.parse(readFileSync(file, 'utf8')) as ParsedLessonsFile;
    if (content.format !== FORMAT) return parseLessonSource;
    outcomes = content.outcomes;
  } catch {
    return parseLessonSource;
  }
  return (source) => {
    const key = keyOf(source);
    // A copy: two lessons of the same text must not share (and so change) one outcome.
    return Object.hasOwn(outcomes, key) ? structuredClone(outcomes[key]!) : parseLessonSource(source);
  };
}

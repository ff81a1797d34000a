/**
 * Load every lesson under the lessons directory into a catalog. A lesson with problems is listed
 * as broken, with its first problem as "file:line: message"; every other lesson still loads.
 * Of two lessons with the same id, the later file (in path order) is the broken one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { BrokenLesson, LessonCatalog, LessonSummary } from '../contract';
import { parseLessonSource, type ParseOutcome } from './parse-lesson';
import type { LessonProblem, LoadedLesson } from './types';

export interface LoadedCatalog {
  lessons: LoadedLesson[];
  broken: BrokenLesson[];
  /** Every problem of every broken lesson, formatted (the first of each is in `broken`). */
  problems: string[];
}

/** Lesson files: *.md except README.md, not descending into a lesson's starter-file directory. */
export function findLessonFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const files: string[] = [];
  const lessonNames = new Set(entries.filter((e) => e.endsWith('.md')).map((e) => e.slice(0, -3)));
  for (const entry of entries) {
    const path = join(dir, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) {
      if (!lessonNames.has(entry) && !entry.startsWith('.')) files.push(...findLessonFiles(path));
    } else if (entry.endsWith('.md') && entry.toLowerCase() !== 'readme.md') {
      files.push(path);
    }
  }
  return files;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    );
}

/** "lessons/docker/01-containers.md": relative to the lessons directory's parent, with forward slashes. */
export function displayPath(lessonsDir: string, file: string): string {
  return relative(dirname(lessonsDir), file).split(sep).join('/');
}

export function formatProblem(file: string, problem: LessonProblem): string {
  return `${file}:${problem.line}: ${problem.message}`;
}

/** `parse`: the parser, or one that knows outcomes parsed at build time (parsed-lessons.ts). */
export function loadLesson(
  lessonsDir: string,
  path: string,
  parse: (source: string) => ParseOutcome = parseLessonSource,
): { lesson: LoadedLesson } | { broken: BrokenLesson; problems: string[] } {
  const file = displayPath(lessonsDir, path);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const message = `cannot read the file (${(error as Error).message})`;
    return {
      broken: { file, line: 1, error: `${file}:1: ${message}`, id: null, title: null },
      problems: [`${file}:1: ${message}`],
    };
  }
  const outcome = parse(source);
  if (!outcome.ok) {
    const problems = outcome.problems.map((p) => formatProblem(file, p));
    return {
      broken: { file, line: outcome.problems[0]!.line, error: problems[0]!, id: outcome.id, title: outcome.title },
      problems,
    };
  }
  const { frontMatter, steps, intro, idLine } = outcome.lesson;
  const starterDir = join(dirname(path), basename(path, '.md'));
  const hasStarter = statSync(starterDir, { throwIfNoEntry: false })?.isDirectory() === true;
  const summary: LessonSummary = {
    id: frontMatter.id,
    title: frontMatter.title,
    summary: frontMatter.summary,
    track: frontMatter.track,
    order: frontMatter.order,
    minutes: frontMatter.minutes,
    images: frontMatter.images,
    requires: frontMatter.requires,
    stepCount: steps.length,
    file,
  };
  return {
    lesson: {
      summary,
      intro,
      steps,
      path,
      starterDir: hasStarter ? starterDir : null,
      starterFiles: hasStarter ? listFiles(starterDir) : [],
      idLine,
    },
  };
}

export function loadCatalog(lessonsDir: string): LoadedCatalog {
  const catalog: LoadedCatalog = { lessons: [], broken: [], problems: [] };
  for (const path of findLessonFiles(lessonsDir)) addLesson(catalog, loadLesson(lessonsDir, path));
  return sortLessons(catalog);
}

/**
 * The same catalog, letting the event loop run between two lessons: parsing them is most of
 * core's start-up, and meanwhile the browser-mode server answers the page's first requests.
 */
export async function loadCatalogYielding(
  lessonsDir: string,
  parse: (source: string) => ParseOutcome = parseLessonSource,
): Promise<LoadedCatalog> {
  const catalog: LoadedCatalog = { lessons: [], broken: [], problems: [] };
  for (const path of findLessonFiles(lessonsDir)) {
    addLesson(catalog, loadLesson(lessonsDir, path, parse));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sortLessons(catalog);
}

/** Of two lessons with the same id, the later one is listed as broken. */
function addLesson(catalog: LoadedCatalog, loaded: ReturnType<typeof loadLesson>): void {
  const { lessons, broken, problems } = catalog;
  if ('broken' in loaded) {
    broken.push(loaded.broken);
    problems.push(...loaded.problems);
    return;
  }
  const { lesson } = loaded;
  const first = lessons.find((l) => l.summary.id === lesson.summary.id);
  if (first) {
    const error = formatProblem(lesson.summary.file, {
      line: lesson.idLine,
      message: `duplicate id ${lesson.summary.id}: ${first.summary.file}:${first.idLine} already uses it`,
    });
    broken.push({ file: lesson.summary.file, line: lesson.idLine, error, id: lesson.summary.id, title: lesson.summary.title });
    problems.push(error);
    return;
  }
  lessons.push(lesson);
}

function sortLessons({ lessons, broken, problems }: LoadedCatalog): LoadedCatalog {
  lessons.sort(
    (a, b) =>
      a.summary.track.localeCompare(b.summary.track) ||
      a.summary.order - b.summary.order ||
      a.summary.id.localeCompare(b.summary.id),
  );
  return { lessons, broken, problems };
}

export function publicCatalog(catalog: LoadedCatalog): LessonCatalog {
  return { lessons: catalog.lessons.map((l) => l.summary), broken: catalog.broken };
}

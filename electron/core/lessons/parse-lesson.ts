/**
 * One lesson file -> a LoadedLesson, or every problem in it with its line. Markdown is parsed
 * with a real parser (mdast); the prose is kept as the author wrote it (source slices), and the
 * machine-readable fenced blocks are taken out of it.
 */
import type { Code, Heading, Root, RootContent } from 'mdast';
import type * as MdastFromMarkdown from 'mdast-util-from-markdown';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { parseCheckBlock } from './check-block';
import { frontMatterSchema, splitFrontMatter, type FrontMatter } from './front-matter';
import { slugify } from './slug';
import type { LessonProblem, LoadedCheck, LoadedStep } from './types';
import { parseYamlBlock } from './yaml-block';

// Not named `require`: electron-vite puts a `require` of its own into every ESM chunk.
const requireHere = createRequire(import.meta.url);
let markdownParser: typeof MdastFromMarkdown.fromMarkdown | null = null;

/**
 * The Markdown parser (mdast and micromark: some 50 small modules, ~35 ms to load), loaded on the
 * first parse rather than with core: at start-up the shipped lessons come parsed from the build
 * (parsed-lessons.ts), so an app whose lessons are unchanged never loads it. A `require` of an
 * ES module, synchronous: Node 20.19 and later (package.json's engines; Electron's Node is newer).
 */
function fromMarkdown(markdown: string): Root {
  markdownParser ??= (requireHere('mdast-util-from-markdown') as typeof MdastFromMarkdown).fromMarkdown;
  return markdownParser(markdown);
}

const MACHINE_BLOCKS = new Set(['check', 'hint', 'solution']);
const COMMAND_BLOCKS = new Set(['sh', 'bash', 'shell']);

export interface ParsedLessonFile {
  frontMatter: FrontMatter;
  idLine: number;
  intro: string;
  steps: LoadedStep[];
}

export type ParseOutcome =
  | { ok: true; lesson: ParsedLessonFile }
  /** `id` and `title` when the front matter had them, so a broken lesson can still be listed by name. */
  | { ok: false; problems: LessonProblem[]; id: string | null; title: string | null };

interface StepSection {
  heading: Heading;
  nodes: RootContent[];
}

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}

function sliceOf(source: string, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** Plain text of a heading (`Run \`docker ps\`` -> "Run docker ps"). */
function plainText(node: { value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => plainText(child as { value?: string; children?: unknown[] })).join('');
}

/** Machine blocks must sit at the top level of a step; one hidden in a list would be silently ignored. */
function nestedMachineBlocks(node: RootContent, top: boolean, found: Code[] = []): Code[] {
  if (node.type === 'code' && !top && MACHINE_BLOCKS.has(node.lang ?? '')) found.push(node);
  for (const child of 'children' in node ? (node.children as RootContent[]) : []) nestedMachineBlocks(child, false, found);
  return found;
}

/** Whatever id and title a broken front matter still yields. */
function looseNames(yaml: string): { id: string | null; title: string | null } {
  try {
    const raw = parseYaml(yaml) as { id?: unknown; title?: unknown } | null;
    return { id: typeof raw?.id === 'string' ? raw.id : null, title: typeof raw?.title === 'string' ? raw.title : null };
  } catch {
    return { id: null, title: null };
  }
}

function splitSections(tree: Root): { intro: RootContent[]; sections: StepSection[] } {
  const intro: RootContent[] = [];
  const sections: StepSection[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) sections.push({ heading: node, nodes: [] });
    else if (sections.length > 0) sections[sections.length - 1]!.nodes.push(node);
    else intro.push(node);
  }
  return { intro, sections };
}

function parseStep(source: string, section: StepSection, index: number, problems: LessonProblem[]): LoadedStep {
  const title = plainText(section.heading).trim();
  const line = lineOf(section.heading);
  const prose: string[] = [];
  const commands: string[] = [];
  const hints: string[] = [];
  const solution: string[] = [];
  let checks: LoadedCheck[] | null = null;
  for (const node of section.nodes) {
    for (const nested of nestedMachineBlocks(node, true)) {
      problems.push({
        line: lineOf(nested),
        message: `step "${title}": a \`${nested.lang!}\` block must not be nested in a list or quote`,
      });
    }
    if (node.type !== 'code' || !MACHINE_BLOCKS.has(node.lang ?? '')) {
      prose.push(sliceOf(source, node));
      if (node.type === 'code' && COMMAND_BLOCKS.has(node.lang ?? '')) commands.push(node.value);
      continue;
    }
    if (node.lang === 'hint') hints.push(node.value.trim());
    else if (node.lang === 'solution') solution.push(node.value);
    else if (checks !== null)
      problems.push({ line: lineOf(node), message: `step "${title}" has a second check block; put all its checks in one` });
    else {
      const parsed = parseCheckBlock(node.value, lineOf(node) + 1);
      if ('problems' in parsed) {
        problems.push(...parsed.problems);
        checks = [];
      } else checks = parsed.checks;
    }
  }
  if (checks === null) problems.push({ line, message: `step "${title}" has no check block` });
  if (solution.length === 0 || solution.every((s) => s.trim() === '')) {
    problems.push({
      line,
      message: `step "${title}" has no solution block (lessons:check replays it to prove the step can be passed)`,
    });
  }
  return {
    index,
    id: slugify(title),
    title,
    line,
    markdown: prose.join('\n\n'),
    commands,
    checks: checks ?? [],
    hints,
    solution,
  };
}

export function parseLessonSource(source: string): ParseOutcome {
  const split = splitFrontMatter(source);
  if (!split.ok) return { ok: false, problems: [split.problem], id: null, title: null };
  const front = parseYamlBlock(split.yaml, split.yamlFirstLine, '', () => frontMatterSchema);
  const problems: LessonProblem[] = front.ok ? [] : front.problems;

  const tree = fromMarkdown(split.body);
  const { intro, sections } = splitSections(tree);
  if (sections.length === 0)
    problems.push({
      line: split.yaml.split('\n').length + 3,
      message: 'the lesson has no steps: each step starts with a ## heading',
    });
  const steps = sections.map((section, index) => parseStep(split.body, section, index, problems));

  const firstStepOf = new Map<string, LoadedStep>();
  for (const step of steps) {
    const earlier = firstStepOf.get(step.id);
    if (earlier)
      problems.push({
        line: step.line,
        message: `step "${step.title}" has the same id (${step.id}) as the step at line ${earlier.line}; rename one`,
      });
    else firstStepOf.set(step.id, step);
  }

  if (!front.ok || problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, problems, ...looseNames(split.yaml) };
  }
  return {
    ok: true,
    lesson: {
      frontMatter: front.value,
      idLine: front.lineOf(['id']),
      intro: intro.map((node) => sliceOf(split.body, node)).join('\n\n'),
      steps,
    },
  };
}

/**
 * The front matter of a lesson: the YAML between a first line `---` and the next `---`, and its
 * schema. The body is handed on with the front matter's lines blanked, so the Markdown parser's
 * line numbers stay the file's line numbers.
 */
import { z } from 'zod';
import type { LessonRequirement } from '../contract';
import type { LessonProblem } from './types';

const requirements = [
  'docker',
  'compose',
  'kubernetes',
  'network',
  'kubectl',
  'helm',
  'k9s',
] as const satisfies readonly LessonRequirement[];

export const frontMatterSchema = z.strictObject(
  {
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/, {
      error: 'expected an id like docker/containers-101 (track/slug, lower case)',
    }),
    title: z.string({ error: 'expected a title' }).min(1),
    summary: z.string({ error: 'expected a one-line summary' }).min(1),
    track: z.string({ error: 'expected a track like docker' }).regex(/^[a-z0-9-]+$/, { error: 'expected a track like docker' }),
    order: z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(0),
    minutes: z.number({ error: 'expected a number of minutes' }).int({ error: 'expected a whole number of minutes' }).min(1),
    images: z.array(z.string().min(1), { error: 'expected a list of images like [busybox]' }).default([]),
    requires: z.array(z.enum(requirements, { error: `expected some of: ${requirements.join(', ')}` })).default(['docker']),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys')
        return `unknown front matter key ${issue.keys.map((k) => `'${k}'`).join(', ')} (expected id, title, summary, track, order, minutes, images, requires)`;
      if (issue.code === 'invalid_type') return 'expected front matter with id, title, summary, track, order and minutes';
      return undefined;
    },
  },
);

export type FrontMatter = z.output<typeof frontMatterSchema>;

export type Split = { ok: true; yaml: string; yamlFirstLine: number; body: string } | { ok: false; problem: LessonProblem };

export function splitFrontMatter(source: string): Split {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return {
      ok: false,
      problem: { line: 1, message: 'a lesson starts with front matter: a line ---, YAML (id, title, ...), and a closing ---' },
    };
  }
  const close = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (close < 0) return { ok: false, problem: { line: 1, message: 'the front matter is not closed: add a line --- after it' } };
  const yaml = lines.slice(1, close).join('\n');
  const body = [...lines.slice(0, close + 1).map(() => ''), ...lines.slice(close + 1)].join('\n');
  return { ok: true, yaml, yamlFirstLine: 2, body };
}

/**
 * `file`: a file in the lesson's workspace — exists or not, its content, its owner. Polled while
 * the step is current. The path must stay inside the workspace: a lesson cannot look elsewhere.
 */
import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { z } from 'zod';
import type { CheckContext, CheckResult } from './kind';
import { defineCheckKind } from './kind';
import { clip } from './phrases';
import { pattern, strict } from './schema-helpers';

const insideWorkspace = z
  .string()
  .min(1)
  .refine((path) => !isAbsolute(path) && !normalize(path).split(/[\\/]/).includes('..'), {
    error: 'expected a path inside the lesson workspace, like notes/app.conf (no leading / and no ..)',
  });

export const fileSpec = strict({
  path: insideWorkspace,
  present: z.boolean().default(true),
  contains: z.string().optional(),
  matches: pattern.optional(),
  /** The file must not match: e.g. a list that must leave something out. */
  notMatches: pattern.optional(),
  /** A uid, or `self`: the user Dockside runs as — the learner, whatever their uid. */
  uid: z
    .union([z.number().int().min(0), z.literal('self')], {
      error: 'expected a uid like 1000, or self (the learner running Dockside)',
    })
    .optional(),
  /** Written (modified) during this run, so a file from an earlier attempt does not count. */
  written: z.boolean().default(true),
});

export type FileSpec = z.output<typeof fileSpec>;

/** The learner's uid; null where files have no Unix owner (Windows). */
function learnerUid(): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null;
}

function ownerWanted(uid: number | 'self'): string {
  return uid === 'self' ? `belongs to you (uid ${learnerUid() ?? 'unknown'})` : `belongs to uid ${uid}`;
}

function wants(spec: FileSpec): string {
  if (!spec.present) return `there is no file ${spec.path} in the workspace`;
  const extra = [
    ...(spec.contains !== undefined ? [`contains "${clip(spec.contains, 40)}"`] : []),
    ...(spec.matches !== undefined ? [`matches /${spec.matches}/`] : []),
    ...(spec.notMatches !== undefined ? [`does not match /${spec.notMatches}/`] : []),
    ...(spec.uid !== undefined ? [ownerWanted(spec.uid)] : []),
    ...(spec.written ? ['was written during this lesson'] : []),
  ];
  return `file ${spec.path} exists in the workspace${extra.length > 0 ? ` and ${extra.join(' and ')}` : ''}`;
}

async function evaluate(spec: FileSpec, { run }: CheckContext): Promise<CheckResult> {
  const path = join(run.workspaceDir, spec.path);
  if (relative(run.workspaceDir, path).startsWith('..'))
    return { pass: false, explanation: `${spec.path} is outside the workspace` };
  const stat = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (!spec.present)
    return stat
      ? { pass: false, explanation: `file ${spec.path} still exists in the workspace` }
      : { pass: true, explanation: wants(spec) };
  if (!stat) return { pass: false, explanation: `there is no file ${spec.path} in the workspace (${run.workspaceDir})` };
  if (!stat.isFile())
    return {
      pass: false,
      explanation: `${spec.path} exists but is ${stat.isDirectory() ? 'a directory' : 'not a regular file'}`,
    };
  // Starter files keep their original times when copied in, so they count as written only once
  // edited. The slack covers whole-second times (`docker cp` keeps a tar header's mtime).
  if (spec.written && stat.mtimeMs + 2000 < run.startedAt) {
    return {
      pass: false,
      explanation: `file ${spec.path} is from before this attempt started (${new Date(stat.mtimeMs).toLocaleString()}); write it again`,
    };
  }
  const owner = spec.uid === 'self' ? learnerUid() : spec.uid;
  if (owner !== undefined && owner !== null && stat.uid !== owner) {
    const wanted = spec.uid === 'self' ? `to you (uid ${owner})` : String(owner);
    return { pass: false, explanation: `file ${spec.path} belongs to uid ${stat.uid}, not ${wanted}` };
  }
  if (spec.contains !== undefined || spec.matches !== undefined || spec.notMatches !== undefined) {
    const text = (await readFile(path)).subarray(0, 1024 * 1024).toString('utf8');
    const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
    const sample = text.trim() === '' ? 'it is empty' : `it starts with "${clip(firstLine, 40)}"`;
    if (spec.contains !== undefined && !text.includes(spec.contains))
      return { pass: false, explanation: `file ${spec.path} does not contain "${clip(spec.contains, 40)}": ${sample}` };
    if (spec.matches !== undefined && !new RegExp(spec.matches, 'm').test(text))
      return { pass: false, explanation: `file ${spec.path} does not match /${spec.matches}/: ${sample}` };
    const unwanted = spec.notMatches === undefined ? null : new RegExp(spec.notMatches, 'm').exec(text);
    if (unwanted)
      return { pass: false, explanation: `file ${spec.path} has "${clip(unwanted[0], 40)}", which should not be there` };
  }
  return { pass: true, explanation: wants(spec) };
}

export const fileCheck = defineCheckKind<FileSpec>({
  name: 'file',
  schema: fileSpec,
  wants,
  triggers: () => ({ poll: true }),
  evaluate,
});

/**
 * A step's ```check block: one map of check kinds (plus `live`), or a list of such maps. Its
 * schema is built from the check-kind registry, so a newly registered kind is accepted here
 * without touching the loader.
 */
import { z } from 'zod';
import { describeWhen, whenSchema, type When } from '../checks/applies-when';
import { checkKinds, checkKind } from '../checks/registry';
import type { LoadedCheck, LessonProblem } from './types';
import { parseYamlBlock } from './yaml-block';

type CheckItem = Record<string, unknown> & { live?: boolean | undefined; when?: When | undefined };

/**
 * Built once: zod compiles an object schema's parser on its first use, and compiling a new one
 * for every check block of every lesson was most of the catalog's load time at start-up.
 */
let schemas: { one: z.ZodType<CheckItem[]>; list: z.ZodType<CheckItem[]> } | null = null;

function blockSchemas(): { one: z.ZodType<CheckItem[]>; list: z.ZodType<CheckItem[]> } {
  if (schemas) return schemas;
  const item = itemSchema();
  schemas = { one: item.transform((one) => [one]), list: z.array(item).min(1, { error: 'the check list is empty' }) };
  return schemas;
}

function itemSchema(): z.ZodType<CheckItem> {
  const names = checkKinds.map((kind) => kind.name);
  const shape: Record<string, z.ZodType> = Object.fromEntries(checkKinds.map((kind) => [kind.name, kind.schema.optional()]));
  return z
    .strictObject(
      { ...shape, live: z.boolean({ error: 'expected live: true or false' }).optional(), when: whenSchema.optional() },
      {
        error: (issue) => {
          if (issue.code === 'unrecognized_keys')
            return `unknown check kind ${issue.keys.map((k) => `'${k}'`).join(', ')} (known kinds: ${names.join(', ')})`;
          if (issue.code === 'invalid_type')
            return 'expected a map of check kinds, like {container: {name: web, state: running}}';
          return undefined;
        },
      },
    )
    .refine((item: Record<string, unknown>) => names.some((name) => item[name] !== undefined), {
      error: `a check needs at least one kind (${names.join(', ')})`,
      // An unknown kind was already reported; "needs a kind" would only repeat it.
      when: (payload) => payload.issues.length === 0,
    });
}

export function parseCheckBlock(text: string, firstLine: number): { checks: LoadedCheck[] } | { problems: LessonProblem[] } {
  const { one, list } = blockSchemas();
  let isList = false;
  const parsed = parseYamlBlock<CheckItem[]>(text, firstLine, 'check', (raw) => {
    isList = Array.isArray(raw);
    return isList ? list : one;
  });
  if (!parsed.ok) return { problems: parsed.problems };
  const seen = new Map<string, number>();
  const checks: LoadedCheck[] = [];
  parsed.value.forEach((entry, index) => {
    for (const kind of checkKinds) {
      const spec = entry[kind.name];
      if (spec === undefined) continue;
      const count = (seen.get(kind.name) ?? 0) + 1;
      seen.set(kind.name, count);
      checks.push({
        id: count === 1 ? kind.name : `${kind.name}#${count}`,
        kind: kind.name,
        spec,
        live: entry.live === true,
        ...(entry.when ? { when: entry.when } : {}),
        line: parsed.lineOf(isList ? [index, kind.name] : [kind.name]),
        wants: entry.when
          ? `${checkKind(kind.name).wants(spec)} (${describeWhen(entry.when)})`
          : checkKind(kind.name).wants(spec),
      });
    }
  });
  // In the order the author wrote them.
  return { checks: checks.sort((a, b) => a.line - b.line) };
}

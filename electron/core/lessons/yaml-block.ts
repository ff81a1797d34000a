/**
 * Parse a YAML snippet embedded in a lesson (front matter, a `check` block) and validate it with a
 * schema, turning every problem into a line of the lesson file: YAML syntax errors where the
 * parser stopped, schema errors at the key or value they are about.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { LessonProblem } from './types';

export type Parsed<T> =
  /** `lineOf` finds the lesson line of a path of keys in the snippet (e.g. a check's kind key). */
  { ok: true; value: T; lineOf: (path: readonly PropertyKey[]) => number } | { ok: false; problems: LessonProblem[] };

/** Where a path of keys points in the document: the key's own line when the last step is a key. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | null {
  let node: unknown = doc.contents;
  let best: number | null = (node as YamlNode | null)?.range?.[0] ?? null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return best;
      best = (pair.key as YamlNode).range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      best = (node as YamlNode | undefined)?.range?.[0] ?? best;
    } else {
      return best;
    }
  }
  return best;
}

/** ["ports", "80/tcp"] under label "check" -> "check.ports.80/tcp"; list indexes as [1]. */
export function formatPath(label: string, path: readonly PropertyKey[]): string {
  let text = label;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** The first line of a YAML error, without the parser's "at line N, column M" (we give the line). */
function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * `firstLine` is the lesson line where the snippet's first line sits. `choose` picks the schema
 * from the parsed value (e.g. a list of checks or one map), so the paths stay those the author wrote.
 */
export function parseYamlBlock<T>(
  text: string,
  firstLine: number,
  label: string,
  choose: (raw: unknown) => z.ZodType<T>,
): Parsed<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | null) => firstLine + (offset === null ? 0 : lineCounter.linePos(offset).line - 1);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        line: lineAt(error.pos[0]),
        message: `${label === '' ? '' : `${label}: `}invalid YAML: ${yamlMessage(error.message)}`,
      })),
    };
  }
  const raw: unknown = doc.toJS();
  const result = choose(raw).safeParse(raw);
  if (result.success) return { ok: true, value: result.data, lineOf: (path) => lineAt(offsetOf(doc, path)) };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : [];
      const at = [...issue.path, ...keys];
      // A bad key in a map is a problem of the map ("check.container.ports"), found at the key's line.
      const shown = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
      const where = formatPath(
        label,
        shown.filter((s) => typeof s !== 'symbol'),
      );
      return { line: lineAt(offsetOf(doc, at)), message: where === '' ? issue.message : `${where}: ${issue.message}` };
    }),
  };
}

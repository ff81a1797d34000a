/** Schema pieces the check kinds share, with the messages lesson authors see. */
import { z } from 'zod';

/**
 * An object that rejects keys it does not know, naming the ones it does (a typo in a check
 * must not silently make the check weaker).
 */
export function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys')
        return `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')} (expected one of: ${known})`;
      if (issue.code === 'invalid_type') return `expected a map with keys among: ${known}`;
      return undefined;
    },
  });
}

/** YAML reads `80`, `true` and `1.5` as numbers and booleans; labels and env values are text. */
export const scalarText = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected a text value' })
  .transform((value) => String(value));

export const textMap = z.record(z.string(), scalarText, { error: 'expected a map like {KEY: value}' });

/** A regular expression written by a lesson author: it must compile. */
export const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'm');
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `not a valid regular expression: ${String(issue.input)}` },
);

export const objectName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'expected a name like web (letters, digits, _ . -)' });

/** Text for a label or env value comparison: `k=v`. */
export function pairs(map: Record<string, string>): string[] {
  return Object.entries(map).map(([key, value]) => `${key}=${value}`);
}

/**
 * What a workload asks of its containers' size — its vertical scale: `requests` (what the
 * scheduler reserves) and `limits` (the most it may use), for cpu and memory. Compared as
 * quantities, not text: `0.1` and `100m` are the same CPU, `1Gi` and `1024Mi` the same memory.
 */
import { z } from 'zod';
import { joinAnd } from './phrases';
import { strict } from './schema-helpers';

const FACTORS: Record<string, number> = {
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^(\d+(?:\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** A Kubernetes quantity as a number ("100m" → 0.1, "64Mi" → 67108864), or null when it is not one. */
export function quantityValue(text: string): number | null {
  const match = QUANTITY.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * FACTORS[match[2] ?? '']!;
}

function sameQuantity(actual: string | undefined, wanted: string): boolean {
  const a = actual === undefined ? null : quantityValue(actual);
  const b = quantityValue(wanted);
  return a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

// YAML reads `cpu: 1` as a number: take it as the quantity "1".
const quantity = z
  .union([z.string(), z.number()])
  .transform(String)
  .refine((value) => quantityValue(value) !== null, { error: 'expected a quantity like 100m or 64Mi' });

const amounts = strict({ cpu: quantity.optional(), memory: quantity.optional() });

export const resourcesShape = { requests: amounts.optional(), limits: amounts.optional() };

type Amounts = z.output<typeof amounts>;

export interface ResourceWants {
  requests?: Amounts | undefined;
  limits?: Amounts | undefined;
}

interface SizedContainer {
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

const KINDS = ['requests', 'limits'] as const;

function pairsOf(wants: ResourceWants, kind: (typeof KINDS)[number]): Array<[string, string]> {
  return Object.entries(wants[kind] ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
}

export function resourcesWanted(wants: ResourceWants): string[] {
  return KINDS.flatMap((kind) => {
    const pairs = pairsOf(wants, kind);
    return pairs.length > 0 ? [`${kind} ${joinAnd(pairs.map(([name, value]) => `${name} ${value}`))}`] : [];
  });
}

/** "requests cpu 50m, not 100m": a want no container of the template meets. */
export function resourcesMisses(wants: ResourceWants, containers: unknown): string[] {
  const list = (containers as SizedContainer[] | undefined) ?? [];
  return KINDS.flatMap((kind) =>
    pairsOf(wants, kind)
      .filter(([name, value]) => !list.some((c) => sameQuantity(c.resources?.[kind]?.[name], value)))
      .map(([name, value]) => {
        const actual = list.map((c) => c.resources?.[kind]?.[name]).find((v) => v !== undefined);
        return actual === undefined ? `${kind} no ${name}, not ${value}` : `${kind} ${name} ${actual}, not ${value}`;
      }),
  );
}

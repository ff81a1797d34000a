/**
 * `secret`: its type, the keys it holds, and whether some values are what the lesson set.
 * Values never appear in a sentence — not the wanted one, not the actual one.
 */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { defineKubeKind, differs, kubeSpec } from './kube-objects';
import { joinAnd } from './phrases';
import { textMap } from './schema-helpers';

const secretSpec = kubeSpec({
  type: z.string().min(1).optional(),
  keys: z.array(z.string().min(1)).optional(),
  /** Values compared after base64 decoding; reported as "has the expected value" or not, never shown. */
  data: textMap.optional(),
});

type SecretSpec = z.output<typeof secretSpec>;

interface Secret extends KubeObject {
  type?: string;
  data?: Record<string, string>;
}

function wanted(spec: SecretSpec): string[] {
  return [
    ...(spec.type !== undefined ? [`is of type ${spec.type}`] : []),
    ...(spec.keys !== undefined ? [`holds ${joinAnd(spec.keys)}`] : []),
    ...(spec.data !== undefined ? [`has the expected value of ${joinAnd(Object.keys(spec.data))}`] : []),
  ];
}

function misses(spec: SecretSpec, object: KubeObject): string[] {
  const secret = object as Secret;
  const keys = Object.keys(secret.data ?? {});
  const missing = (spec.keys ?? []).filter((key) => !keys.includes(key));
  const wrong = Object.entries(spec.data ?? {}).filter(([key, value]) => {
    const encoded = secret.data?.[key];
    return encoded !== undefined && Buffer.from(encoded, 'base64').toString('utf8') !== value;
  });
  const absent = Object.keys(spec.data ?? {}).filter((key) => secret.data?.[key] === undefined && !missing.includes(key));
  return [
    ...differs(secret.type ?? 'Opaque', spec.type, (v) => `is of type ${v}`),
    ...(missing.length + absent.length > 0
      ? [`has no ${joinAnd([...missing, ...absent])} (it holds ${keys.length > 0 ? joinAnd(keys) : 'nothing'})`]
      : []),
    ...(wrong.length > 0 ? [`has a different value for ${joinAnd(wrong.map(([key]) => key))}`] : []),
  ];
}

export const secretCheck = defineKubeKind<SecretSpec>({
  name: 'secret',
  resource: 'secrets',
  noun: 'secret',
  schema: secretSpec,
  wanted,
  misses,
});

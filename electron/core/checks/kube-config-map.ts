/** `configMap`: the keys it holds, and values of some of them. */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { defineKubeKind, kubeSpec } from './kube-objects';
import { clip, joinAnd } from './phrases';
import { textMap } from './schema-helpers';

const configMapSpec = kubeSpec({
  keys: z.array(z.string().min(1)).optional(),
  data: textMap.optional(),
});

type ConfigMapSpec = z.output<typeof configMapSpec>;

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

function wanted(spec: ConfigMapSpec): string[] {
  return [
    ...(spec.keys !== undefined ? [`holds ${joinAnd(spec.keys)}`] : []),
    ...Object.entries(spec.data ?? {}).map(([key, value]) => `has ${key}=${clip(value, 40)}`),
  ];
}

function misses(spec: ConfigMapSpec, object: KubeObject): string[] {
  const map = object as ConfigMap;
  const keys = [...Object.keys(map.data ?? {}), ...Object.keys(map.binaryData ?? {})];
  const missing = (spec.keys ?? []).filter((key) => !keys.includes(key));
  return [
    ...(missing.length > 0 ? [`has no ${joinAnd(missing)} (it holds ${keys.length > 0 ? joinAnd(keys) : 'nothing'})`] : []),
    ...Object.entries(spec.data ?? {}).flatMap(([key, value]) => {
      const actual = map.data?.[key];
      if (actual === undefined) return spec.keys?.includes(key) ? [] : [`has no ${key}`];
      return actual === value ? [] : [`has ${key}=${clip(actual, 40)}, not ${clip(value, 40)}`];
    }),
  ];
}

export const configMapCheck = defineKubeKind<ConfigMapSpec>({
  name: 'configMap',
  resource: 'configmaps',
  noun: 'config map',
  schema: configMapSpec,
  wanted,
  misses,
});

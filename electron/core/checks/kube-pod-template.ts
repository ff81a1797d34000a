/**
 * What workload kinds ask of their pod template's containers: image, env, probes; and labels
 * the object must carry. Shared by deployment, replicaSet, statefulSet, daemonSet and job.
 */
import { z } from 'zod';
import { joinAnd } from './phrases';
import { textMap } from './schema-helpers';

export const podTemplateShape = {
  image: z.string().min(1).optional(),
  env: textMap.optional(),
  probes: z.array(z.enum(['liveness', 'readiness', 'startup'])).optional(),
  /** Labels the object itself carries (`labels` selects). */
  labelsHave: textMap.optional(),
};

export interface PodTemplateWants {
  image?: string | undefined;
  env?: Record<string, string> | undefined;
  probes?: Array<'liveness' | 'readiness' | 'startup'> | undefined;
  labelsHave?: Record<string, string> | undefined;
}

interface Container {
  name?: string;
  image?: string;
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
}

export function podTemplateWanted(spec: PodTemplateWants): string[] {
  return [
    ...(spec.image !== undefined ? [`runs ${spec.image}`] : []),
    ...(spec.env !== undefined
      ? [`sets ${joinAnd(Object.entries(spec.env).map(([key, value]) => `${key}=${value}`))} in its containers`]
      : []),
    ...(spec.probes !== undefined ? [`has a ${joinAnd(spec.probes)} probe`] : []),
    ...(spec.labelsHave !== undefined
      ? [
          `is labelled ${Object.entries(spec.labelsHave)
            .map(([key, value]) => `${key}=${value}`)
            .join(', ')}`,
        ]
      : []),
  ];
}

/** Env and probe misses; a value from a ConfigMap or Secret counts as set, its value unread. */
export function podTemplateMisses(spec: PodTemplateWants, containers: unknown): string[] {
  const list = (containers as Container[] | undefined) ?? [];
  const misses: string[] = [];
  for (const [key, value] of Object.entries(spec.env ?? {})) {
    const found = list.flatMap((c) => c.env ?? []).find((e) => e.name === key);
    if (!found) misses.push(`sets no ${key}`);
    else if (found.valueFrom === undefined && (found.value ?? '') !== value)
      misses.push(`sets ${key}=${found.value ?? ''}, not ${value}`);
  }
  for (const probe of spec.probes ?? []) {
    const field: 'livenessProbe' | 'readinessProbe' | 'startupProbe' = `${probe}Probe`;
    if (!list.some((c) => c[field] !== undefined)) misses.push(`has no ${probe} probe`);
  }
  return misses;
}

/** `hpa`: min and max replicas, the CPU utilisation target, the workload it scales. */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { defineKubeKind, differs, kubeName, kubeSpec } from './kube-objects';

const hpaSpec = kubeSpec({
  min: z.number().int().min(1).optional(),
  max: z.number().int().min(1).optional(),
  cpu: z.number().int().min(1).max(1000).optional(),
  target: kubeName.optional(),
});

type HpaSpec = z.output<typeof hpaSpec>;

interface Autoscaler extends KubeObject {
  spec?: {
    minReplicas?: number;
    maxReplicas?: number;
    scaleTargetRef?: { kind?: string; name?: string };
    metrics?: Array<{ type: string; resource?: { name: string; target?: { averageUtilization?: number } } }>;
  };
}

function wanted(spec: HpaSpec): string[] {
  return [
    ...(spec.target !== undefined ? [`scales ${spec.target}`] : []),
    ...(spec.min !== undefined ? [`keeps at least ${spec.min} replicas`] : []),
    ...(spec.max !== undefined ? [`allows at most ${spec.max} replicas`] : []),
    ...(spec.cpu !== undefined ? [`targets ${spec.cpu}% CPU`] : []),
  ];
}

function misses(spec: HpaSpec, object: KubeObject): string[] {
  const hpa = object as Autoscaler;
  const cpu = hpa.spec?.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.target
    ?.averageUtilization;
  return [
    ...differs(hpa.spec?.scaleTargetRef?.name, spec.target, (v) => `scales ${v}`),
    ...differs(hpa.spec?.minReplicas ?? 1, spec.min, (v) => `keeps at least ${v} replicas`),
    ...differs(hpa.spec?.maxReplicas, spec.max, (v) => `allows at most ${v} replicas`),
    ...differs(cpu === undefined ? undefined : cpu, spec.cpu, (v) => (v === 'none' ? 'has no CPU target' : `targets ${v}% CPU`)),
  ];
}

export const hpaCheck = defineKubeKind<HpaSpec>({
  name: 'hpa',
  resource: 'horizontalpodautoscalers',
  noun: 'autoscaler',
  schema: hpaSpec,
  wanted,
  misses,
});

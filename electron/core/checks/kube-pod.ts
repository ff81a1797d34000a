/**
 * `pod`: phase, ready, restarts, containers and images, labels, node, conditions. Pods are
 * usually selected by labels (a Deployment's pods have generated names), with `count`.
 */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import {
  boundsText,
  containerImages,
  countBounds,
  defineKubeKind,
  differs,
  imageMiss,
  kubeSpec,
  labelMisses,
  withinBounds,
} from './kube-objects';
import { joinAnd } from './phrases';
import { textMap } from './schema-helpers';

const phases = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;

const podSpec = kubeSpec({
  phase: z.enum(phases, { error: `expected one of ${phases.join(', ')}` }).optional(),
  ready: z.boolean().optional(),
  restarts: countBounds.optional(),
  image: z.string().min(1).optional(),
  containers: z.array(z.string().min(1)).optional(),
  labelsHave: textMap.optional(),
  node: z.string().min(1).optional(),
  conditions: z.record(z.string(), z.enum(['True', 'False', 'Unknown'])).optional(),
});

type PodSpec = z.output<typeof podSpec>;

interface Pod extends KubeObject {
  spec?: { nodeName?: string; containers?: Array<{ name: string; image?: string }> };
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string }>;
    containerStatuses?: Array<{
      name: string;
      ready?: boolean;
      restartCount?: number;
      state?: Record<string, { reason?: string }>;
    }>;
  };
}

function wanted(spec: PodSpec): string[] {
  return [
    ...(spec.phase !== undefined ? [`is ${spec.phase}`] : []),
    ...(spec.ready !== undefined ? [spec.ready ? 'is ready' : 'is not ready'] : []),
    ...(spec.restarts !== undefined ? [`restarted ${boundsText(spec.restarts)} times`] : []),
    ...(spec.image !== undefined ? [`runs ${spec.image}`] : []),
    ...(spec.containers !== undefined ? [`has containers ${joinAnd(spec.containers)}`] : []),
    ...(spec.labelsHave !== undefined
      ? [
          `is labelled ${Object.entries(spec.labelsHave)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}`,
        ]
      : []),
    ...(spec.node !== undefined ? [`runs on node ${spec.node}`] : []),
    ...Object.entries(spec.conditions ?? {}).map(([type, status]) => `has condition ${type}=${status}`),
  ];
}

/** "Running", or "Pending (ContainerCreating)" when a container waits for a reason. */
export function podPhase(pod: Pod): string {
  const phase = pod.status?.phase ?? 'Pending';
  const waiting = (pod.status?.containerStatuses ?? []).map((c) => c.state?.waiting?.reason).find((r) => r !== undefined);
  return waiting ? `${phase} (${waiting})` : phase;
}

export function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function podRestarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0);
}

function misses(spec: PodSpec, object: KubeObject): string[] {
  const pod = object as Pod;
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  const restarts = podRestarts(pod);
  return [
    ...(spec.phase !== undefined && pod.status?.phase !== spec.phase ? [`is ${podPhase(pod)}, not ${spec.phase}`] : []),
    ...(spec.ready !== undefined && podReady(pod) !== spec.ready ? [spec.ready ? 'is not ready' : 'is ready'] : []),
    ...(spec.restarts !== undefined && !withinBounds(restarts, spec.restarts)
      ? [`restarted ${restarts} times, not ${boundsText(spec.restarts)}`]
      : []),
    ...imageMiss(containerImages(pod.spec?.containers), spec.image),
    ...(spec.containers ?? [])
      .filter((name) => !names.includes(name))
      .map((name) => `has no container ${name} (it has ${joinAnd(names)})`),
    ...labelMisses(object, spec.labelsHave),
    ...differs(pod.spec?.nodeName, spec.node, (v) => `runs on node ${v}`),
    ...Object.entries(spec.conditions ?? {}).flatMap(([type, status]) => {
      const actual = pod.status?.conditions?.find((c) => c.type === type)?.status;
      return actual === status ? [] : [`has condition ${type}=${actual ?? 'unset'}, not ${status}`];
    }),
  ];
}

export const podCheck = defineKubeKind<PodSpec>({ name: 'pod', resource: 'pods', noun: 'pod', schema: podSpec, wanted, misses });

/** `statefulSet`: replicas wanted and ready, image, its governing Service. */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { containerImages, defineKubeKind, differs, imageMiss, kubeName, kubeSpec } from './kube-objects';
import { type Workload } from './kube-workloads';
import { plural } from './phrases';

const statefulSetSpec = kubeSpec({
  replicas: z.number().int().min(0).optional(),
  ready: z.number().int().min(0).optional(),
  image: z.string().min(1).optional(),
  serviceName: kubeName.optional(),
});

type StatefulSetSpec = z.output<typeof statefulSetSpec>;

function wanted(spec: StatefulSetSpec): string[] {
  return [
    ...(spec.replicas !== undefined ? [`wants ${plural(spec.replicas, 'replica')}`] : []),
    ...(spec.ready !== undefined ? [`has ${plural(spec.ready, 'ready replica')}`] : []),
    ...(spec.image !== undefined ? [`runs ${spec.image}`] : []),
    ...(spec.serviceName !== undefined ? [`is governed by service ${spec.serviceName}`] : []),
  ];
}

function misses(spec: StatefulSetSpec, object: KubeObject): string[] {
  const set = object as Workload;
  return [
    ...differs(set.spec?.replicas ?? 1, spec.replicas, (v) => `wants ${v} replicas`),
    ...differs(set.status?.readyReplicas ?? 0, spec.ready, (v) => `has ${v} ready`),
    ...imageMiss(containerImages(set.spec?.template?.spec?.containers), spec.image),
    ...differs(set.spec?.serviceName, spec.serviceName, (v) => `is governed by service ${v}`),
  ];
}

export const statefulSetCheck = defineKubeKind<StatefulSetSpec>({
  name: 'statefulSet',
  resource: 'statefulsets',
  noun: 'stateful set',
  schema: statefulSetSpec,
  wanted,
  misses,
});

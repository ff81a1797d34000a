/** `replicaSet`: replicas wanted and ready, image, the Deployment that owns it. */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { containerImages, defineKubeKind, differs, imageMiss, kubeName, kubeSpec } from './kube-objects';
import { ownerName, type Workload } from './kube-workloads';
import { plural } from './phrases';

const replicaSetSpec = kubeSpec({
  replicas: z.number().int().min(0).optional(),
  ready: z.number().int().min(0).optional(),
  image: z.string().min(1).optional(),
  ownedBy: kubeName.optional(),
});

type ReplicaSetSpec = z.output<typeof replicaSetSpec>;

function wanted(spec: ReplicaSetSpec): string[] {
  return [
    ...(spec.replicas !== undefined ? [`wants ${plural(spec.replicas, 'replica')}`] : []),
    ...(spec.ready !== undefined ? [`has ${plural(spec.ready, 'ready replica')}`] : []),
    ...(spec.image !== undefined ? [`runs ${spec.image}`] : []),
    ...(spec.ownedBy !== undefined ? [`belongs to deployment ${spec.ownedBy}`] : []),
  ];
}

function misses(spec: ReplicaSetSpec, object: KubeObject): string[] {
  const set = object as Workload;
  return [
    ...differs(set.spec?.replicas ?? 1, spec.replicas, (v) => `wants ${v} replicas`),
    ...differs(set.status?.readyReplicas ?? 0, spec.ready, (v) => `has ${v} ready`),
    ...imageMiss(containerImages(set.spec?.template?.spec?.containers), spec.image),
    ...differs(ownerName(object, 'Deployment'), spec.ownedBy, (v) => `belongs to deployment ${v}`),
  ];
}

export const replicaSetCheck = defineKubeKind<ReplicaSetSpec>({
  name: 'replicaSet',
  resource: 'replicasets',
  noun: 'replica set',
  schema: replicaSetSpec,
  wanted,
  misses,
});

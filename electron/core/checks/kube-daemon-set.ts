/** `daemonSet`: ready on every node it wants (or a number), image. */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { containerImages, defineKubeKind, differs, imageMiss, kubeSpec } from './kube-objects';
import { type Workload } from './kube-workloads';
import { plural } from './phrases';

const daemonSetSpec = kubeSpec({
  /** true: ready on every node it is scheduled to; a number: exactly that many ready. */
  ready: z.union([z.boolean(), z.number().int().min(0)]).optional(),
  image: z.string().min(1).optional(),
});

type DaemonSetSpec = z.output<typeof daemonSetSpec>;

function wanted(spec: DaemonSetSpec): string[] {
  return [
    ...(spec.ready === true ? ['is ready on every node it runs on'] : []),
    ...(typeof spec.ready === 'number' ? [`has ${plural(spec.ready, 'ready pod')}`] : []),
    ...(spec.image !== undefined ? [`runs ${spec.image}`] : []),
  ];
}

function misses(spec: DaemonSetSpec, object: KubeObject): string[] {
  const set = object as Workload;
  const ready = set.status?.numberReady ?? 0;
  const desired = set.status?.desiredNumberScheduled ?? 0;
  return [
    ...(spec.ready === true && (ready < desired || desired === 0) ? [`is ready on ${ready} of ${desired} nodes`] : []),
    ...(typeof spec.ready === 'number' ? differs(ready, spec.ready, (v) => `has ${v} ready`) : []),
    ...imageMiss(containerImages(set.spec?.template?.spec?.containers), spec.image),
  ];
}

export const daemonSetCheck = defineKubeKind<DaemonSetSpec>({
  name: 'daemonSet',
  resource: 'daemonsets',
  noun: 'daemon set',
  schema: daemonSetSpec,
  wanted,
  misses,
});

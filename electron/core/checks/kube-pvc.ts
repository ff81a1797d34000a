/** `pvc`: phase (Bound, Pending), storage requested, access modes, storage class. */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { defineKubeKind, differs, kubeSpec } from './kube-objects';
import { joinAnd } from './phrases';

const pvcSpec = kubeSpec({
  phase: z.enum(['Pending', 'Bound', 'Lost']).optional(),
  storage: z
    .string()
    .regex(/^\d+(\.\d+)?([KMGTPE]i?)?$/, { error: 'expected a quantity like 1Gi' })
    .optional(),
  accessModes: z.array(z.enum(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'])).optional(),
  storageClass: z.string().min(1).optional(),
});

type PvcSpec = z.output<typeof pvcSpec>;

interface Claim extends KubeObject {
  spec?: { accessModes?: string[]; storageClassName?: string; resources?: { requests?: { storage?: string } } };
  status?: { phase?: string };
}

function wanted(spec: PvcSpec): string[] {
  return [
    ...(spec.phase !== undefined ? [`is ${spec.phase}`] : []),
    ...(spec.storage !== undefined ? [`requests ${spec.storage}`] : []),
    ...(spec.accessModes !== undefined ? [`allows ${joinAnd(spec.accessModes)}`] : []),
    ...(spec.storageClass !== undefined ? [`uses storage class ${spec.storageClass}`] : []),
  ];
}

function misses(spec: PvcSpec, object: KubeObject): string[] {
  const claim = object as Claim;
  const modes = claim.spec?.accessModes ?? [];
  const missingModes = (spec.accessModes ?? []).filter((mode) => !modes.includes(mode));
  return [
    ...differs(claim.status?.phase ?? 'Pending', spec.phase, (v) => `is ${v}`),
    ...differs(claim.spec?.resources?.requests?.storage, spec.storage, (v) => `requests ${v}`),
    ...(missingModes.length > 0
      ? [`allows ${modes.length > 0 ? joinAnd(modes) : 'no access mode'}, not ${joinAnd(missingModes)}`]
      : []),
    ...differs(claim.spec?.storageClassName, spec.storageClass, (v) => `uses storage class ${v}`),
  ];
}

export const pvcCheck = defineKubeKind<PvcSpec>({
  name: 'pvc',
  resource: 'persistentvolumeclaims',
  noun: 'persistent volume claim',
  schema: pvcSpec,
  wanted,
  misses,
});

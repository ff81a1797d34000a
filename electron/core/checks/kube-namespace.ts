/** `namespace`: a namespace exists (or not), with labels; by name (the run's namespace by default). */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { defineKubeKind, kubeName, labelMisses } from './kube-objects';
import { strict, textMap } from './schema-helpers';

const namespaceSpec = strict({
  name: kubeName,
  present: z.boolean().default(true),
  labelsHave: textMap.optional(),
});

type NamespaceSpec = z.output<typeof namespaceSpec>;

function wanted(spec: NamespaceSpec): string[] {
  return spec.labelsHave !== undefined
    ? [
        `is labelled ${Object.entries(spec.labelsHave)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
      ]
    : [];
}

function misses(spec: NamespaceSpec, object: KubeObject): string[] {
  const phase = (object as { status?: { phase?: string } }).status?.phase;
  return [...(phase === 'Terminating' ? ['is being deleted'] : []), ...labelMisses(object, spec.labelsHave)];
}

export const namespaceCheck = defineKubeKind<NamespaceSpec>({
  name: 'namespace',
  resource: 'namespaces',
  noun: 'namespace',
  schema: namespaceSpec,
  wanted,
  misses,
});

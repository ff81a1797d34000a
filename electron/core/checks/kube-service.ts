/**
 * `service`: type, ports, selector, and how many ready endpoints it has — counted from its
 * EndpointSlices (label kubernetes.io/service-name), as kube-proxy sees them.
 */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { defineKubeKind, differs, kubeSpec, type RelatedReads } from './kube-objects';
import { joinAnd, plural } from './phrases';
import { pairs, strict, textMap } from './schema-helpers';

const portSpec = z.union([
  z.number().int().min(1).max(65535),
  strict({
    port: z.number().int().min(1).max(65535),
    targetPort: z.union([z.number().int().min(1).max(65535), z.string().min(1)]).optional(),
    nodePort: z.number().int().min(1).max(65535).optional(),
    protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  }),
]);

const serviceSpec = kubeSpec({
  type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
  ports: z.array(portSpec).optional(),
  selector: textMap.optional(),
  endpoints: z.number().int().min(0).optional(),
});

type ServiceSpec = z.output<typeof serviceSpec>;
type PortWant = z.output<typeof portSpec>;

interface ServicePort {
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  protocol?: string;
}

interface Service extends KubeObject {
  spec?: { type?: string; ports?: ServicePort[]; selector?: Record<string, string> };
}

interface EndpointSlice extends KubeObject {
  endpoints?: Array<{ conditions?: { ready?: boolean } }>;
}

function portText(want: PortWant | ServicePort): string {
  if (typeof want === 'number') return `${want}`;
  return `${want.port}${want.targetPort !== undefined ? `→${want.targetPort}` : ''}${want.nodePort !== undefined ? ` (node port ${want.nodePort})` : ''}`;
}

function wanted(spec: ServiceSpec): string[] {
  return [
    ...(spec.type !== undefined ? [`is of type ${spec.type}`] : []),
    ...(spec.ports !== undefined ? [`serves port ${joinAnd(spec.ports.map(portText))}`] : []),
    ...(spec.selector !== undefined ? [`selects ${pairs(spec.selector).join(', ')}`] : []),
    ...(spec.endpoints !== undefined ? [`has ${plural(spec.endpoints, 'ready endpoint')}`] : []),
  ];
}

function portMatches(actual: ServicePort, want: PortWant): boolean {
  const port = typeof want === 'number' ? { port: want } : want;
  return (
    actual.port === port.port &&
    (port.targetPort === undefined || String(actual.targetPort ?? actual.port) === String(port.targetPort)) &&
    (port.nodePort === undefined || actual.nodePort === port.nodePort) &&
    (port.protocol === undefined || (actual.protocol ?? 'TCP') === port.protocol)
  );
}

/** Ready endpoints over every slice of the service (a slice's endpoint without conditions counts as ready). */
export async function readyEndpoints(read: RelatedReads, service: string): Promise<number> {
  const slices = (await read.list('endpointslices')) as EndpointSlice[];
  return slices
    .filter((slice) => slice.metadata?.labels?.['kubernetes.io/service-name'] === service)
    .flatMap((slice) => slice.endpoints ?? [])
    .filter((endpoint) => endpoint.conditions?.ready !== false).length;
}

async function misses(spec: ServiceSpec, object: KubeObject, read: RelatedReads): Promise<string[]> {
  const service = object as Service;
  const ports = service.spec?.ports ?? [];
  const selector = service.spec?.selector ?? {};
  const result = [
    ...differs(service.spec?.type ?? 'ClusterIP', spec.type, (v) => `is of type ${v}`),
    ...(spec.ports ?? [])
      .filter((want) => !ports.some((actual) => portMatches(actual, want)))
      .map((want) => `serves ${ports.length > 0 ? joinAnd(ports.map((p) => portText(p))) : 'no port'}, not ${portText(want)}`),
    ...(spec.selector !== undefined && pairs(selector).sort().join(',') !== pairs(spec.selector).sort().join(',')
      ? [`selects ${pairs(selector).join(', ') || 'nothing'}, not ${pairs(spec.selector).join(', ')}`]
      : []),
  ];
  if (spec.endpoints !== undefined) {
    const ready = await readyEndpoints(read, object.metadata?.name ?? '');
    result.push(...differs(ready, spec.endpoints, (v) => `has ${v} ready endpoints`));
  }
  return result;
}

export const serviceCheck = defineKubeKind<ServiceSpec>({
  name: 'service',
  resource: 'services',
  noun: 'service',
  schema: serviceSpec,
  wanted,
  misses,
  related: ['endpointslices'],
});

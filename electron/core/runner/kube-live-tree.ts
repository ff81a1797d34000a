/**
 * A namespace's objects as the live panel's tree, from the watches' stores: each Deployment with
 * its ReplicaSets (newest revision first) and their Pods, the Pods no Deployment owns, and each
 * Service with the endpoints its EndpointSlices list. Pure: lists in, tree out.
 */
import type { KubeDeploymentNode, KubeEndpointNode, KubePodNode, KubeReplicaSetNode, KubeServiceNode } from '../contract';
import type { KubeObject } from '../cluster/resources';

export interface NamespaceLists {
  deployments: KubeObject[];
  replicasets: KubeObject[];
  pods: KubeObject[];
  services: KubeObject[];
  endpointslices: KubeObject[];
}

type Field = Record<string, unknown> | undefined;

const field = (object: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), object);
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
/** A scalar field as text (ports may be numbers or names), else the fallback. */
const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
const nameOf = (object: KubeObject): string => object.metadata?.name ?? '';
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function controllerUid(object: KubeObject, kind: string): string | null {
  return object.metadata?.ownerReferences?.find((o) => o.kind === kind && o.controller !== false)?.uid ?? null;
}

function firstImage(object: KubeObject): string {
  const containers = field(object, 'spec', 'template', 'spec', 'containers') as Field[] | undefined;
  return (containers ?? []).map((c) => text(c?.image)).join(', ');
}

export function podNode(pod: KubeObject): KubePodNode {
  const statuses = (field(pod, 'status', 'containerStatuses') as Field[] | undefined) ?? [];
  const containers = (field(pod, 'spec', 'containers') as unknown[] | undefined)?.length ?? statuses.length;
  return {
    name: nameOf(pod),
    phase: pod.metadata?.deletionTimestamp ? 'Terminating' : text(field(pod, 'status', 'phase'), 'Pending'),
    ready: statuses.filter((s) => s?.ready === true).length,
    containers,
    restarts: statuses.reduce((sum, s) => sum + num(s?.restartCount), 0),
    node: (field(pod, 'spec', 'nodeName') as string | undefined) ?? null,
  };
}

function replicaSetNode(rs: KubeObject, pods: KubeObject[]): KubeReplicaSetNode {
  const uid = rs.metadata?.uid;
  return {
    name: nameOf(rs),
    revision: rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? null,
    desired: num(field(rs, 'spec', 'replicas')),
    ready: num(field(rs, 'status', 'readyReplicas')),
    image: firstImage(rs),
    pods: pods
      .filter((p) => controllerUid(p, 'ReplicaSet') === uid)
      .map(podNode)
      .sort(byName),
  };
}

function deploymentNode(deployment: KubeObject, replicaSets: KubeObject[], pods: KubeObject[]): KubeDeploymentNode {
  const uid = deployment.metadata?.uid;
  const revision = (rs: KubeReplicaSetNode) => Number(rs.revision ?? 0);
  return {
    name: nameOf(deployment),
    desired: num(field(deployment, 'spec', 'replicas')),
    ready: num(field(deployment, 'status', 'readyReplicas')),
    updated: num(field(deployment, 'status', 'updatedReplicas')),
    available: num(field(deployment, 'status', 'availableReplicas')),
    image: firstImage(deployment),
    replicaSets: replicaSets
      .filter((rs) => controllerUid(rs, 'Deployment') === uid)
      .map((rs) => replicaSetNode(rs, pods))
      .sort((a, b) => revision(b) - revision(a)),
  };
}

function servicePorts(service: KubeObject): string[] {
  const ports = (field(service, 'spec', 'ports') as Field[] | undefined) ?? [];
  return ports.map((p) => {
    const target = p?.targetPort !== undefined && p.targetPort !== p.port ? `→${text(p.targetPort)}` : '';
    const nodePort = p?.nodePort ? `:${text(p.nodePort)}` : '';
    return `${text(p?.port)}${target}/${text(p?.protocol, 'TCP')}${nodePort}`;
  });
}

function endpointsOf(service: string, slices: KubeObject[]): KubeEndpointNode[] {
  const owned = slices.filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === service);
  const endpoints = owned.flatMap((slice) => (field(slice, 'endpoints') as Field[] | undefined) ?? []);
  return endpoints
    .flatMap((e) =>
      ((e?.addresses as string[] | undefined) ?? []).map((address) => ({
        address,
        // "ready" unset means ready (the API's own rule for EndpointConditions).
        ready: field(e, 'conditions', 'ready') !== false,
        pod: field(e, 'targetRef', 'kind') === 'Pod' ? text(field(e, 'targetRef', 'name')) : null,
      })),
    )
    .sort((a, b) => a.address.localeCompare(b.address));
}

export function buildKubeTree(lists: NamespaceLists): {
  deployments: KubeDeploymentNode[];
  pods: KubePodNode[];
  services: KubeServiceNode[];
} {
  const deployments = lists.deployments.map((d) => deploymentNode(d, lists.replicasets, lists.pods)).sort(byName);
  const shown = new Set(deployments.flatMap((d) => d.replicaSets.flatMap((rs) => rs.pods.map((p) => p.name))));
  const pods = lists.pods
    .filter((p) => !shown.has(nameOf(p)))
    .map(podNode)
    .sort(byName);
  const services = lists.services
    .map((s) => ({
      name: nameOf(s),
      type: text(field(s, 'spec', 'type'), 'ClusterIP'),
      ports: servicePorts(s),
      endpoints: endpointsOf(nameOf(s), lists.endpointslices),
    }))
    .sort(byName);
  return { deployments, pods, services };
}

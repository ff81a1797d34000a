/**
 * The Kubernetes resources Dockside reads, by the name check kinds and watches use. One table,
 * so a watch, a list and a check agree on where a resource lives in the API.
 */
export type ResourceName =
  | 'namespaces'
  | 'pods'
  | 'deployments'
  | 'replicasets'
  | 'statefulsets'
  | 'daemonsets'
  | 'jobs'
  | 'services'
  | 'endpointslices'
  | 'configmaps'
  | 'secrets'
  | 'persistentvolumeclaims'
  | 'horizontalpodautoscalers'
  | 'ingresses'
  | 'events'
  | 'clusterroles'
  | 'clusterrolebindings'
  | 'persistentvolumes'
  | 'storageclasses'
  | 'ingressclasses'
  | 'priorityclasses'
  | 'customresourcedefinitions';

export interface ResourceType {
  name: ResourceName;
  apiVersion: string;
  kind: string;
  namespaced: boolean;
}

const table: Record<ResourceName, Omit<ResourceType, 'name'>> = {
  namespaces: { apiVersion: 'v1', kind: 'Namespace', namespaced: false },
  pods: { apiVersion: 'v1', kind: 'Pod', namespaced: true },
  deployments: { apiVersion: 'apps/v1', kind: 'Deployment', namespaced: true },
  replicasets: { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespaced: true },
  statefulsets: { apiVersion: 'apps/v1', kind: 'StatefulSet', namespaced: true },
  daemonsets: { apiVersion: 'apps/v1', kind: 'DaemonSet', namespaced: true },
  jobs: { apiVersion: 'batch/v1', kind: 'Job', namespaced: true },
  services: { apiVersion: 'v1', kind: 'Service', namespaced: true },
  endpointslices: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', namespaced: true },
  configmaps: { apiVersion: 'v1', kind: 'ConfigMap', namespaced: true },
  secrets: { apiVersion: 'v1', kind: 'Secret', namespaced: true },
  persistentvolumeclaims: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespaced: true },
  horizontalpodautoscalers: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', namespaced: true },
  ingresses: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespaced: true },
  events: { apiVersion: 'events.k8s.io/v1', kind: 'Event', namespaced: true },
  clusterroles: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', namespaced: false },
  clusterrolebindings: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', namespaced: false },
  persistentvolumes: { apiVersion: 'v1', kind: 'PersistentVolume', namespaced: false },
  storageclasses: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', namespaced: false },
  ingressclasses: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', namespaced: false },
  priorityclasses: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', namespaced: false },
  customresourcedefinitions: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', namespaced: false },
};

export function resourceType(name: ResourceName): ResourceType {
  return { name, ...table[name] };
}

/** `/api/v1/namespaces/demo/pods`, `/apis/apps/v1/deployments` (all namespaces), `/api/v1/namespaces`. */
export function collectionPath(name: ResourceName, namespace?: string): string {
  const type = resourceType(name);
  const prefix = type.apiVersion.includes('/') ? `/apis/${type.apiVersion}` : `/api/${type.apiVersion}`;
  const scope = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${prefix}${scope}/${name}`;
}

/** The object shape every resource shares (what watches and checks rely on). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string | Date;
    deletionTimestamp?: string | Date;
    ownerReferences?: Array<{ kind: string; name: string; uid: string; controller?: boolean }>;
  };
  [field: string]: unknown;
}

export function nameOf(object: KubeObject): string {
  return object.metadata?.name ?? '';
}

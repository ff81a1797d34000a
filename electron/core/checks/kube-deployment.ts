/**
 * `deployment`: replicas wanted and ready/updated/available, the image, the rollout strategy and
 * its parameters, the revision, env, probes and size (requests, limits) of its containers, and
 * how many old pods are still terminating (`terminating: 0`: the rollout has fully settled, not
 * just made its new pods available). Status counts pass only once the controller has observed
 * the latest change. Read from the watch's store.
 */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { containerImages, defineKubeKind, differs, imageMiss, kubeSpec, labelMisses } from './kube-objects';
import { podTemplateMisses, podTemplateShape, podTemplateWanted, type PodTemplateWants } from './kube-pod-template';
import { resourcesMisses, resourcesShape, resourcesWanted, type ResourceWants } from './kube-resources';
import { plural } from './phrases';
import { scalarText } from './schema-helpers';

const deploymentSpec = kubeSpec({
  replicas: z.number().int().min(0).optional(),
  ready: z.number().int().min(0).optional(),
  updated: z.number().int().min(0).optional(),
  available: z.number().int().min(0).optional(),
  strategy: z.enum(['RollingUpdate', 'Recreate']).optional(),
  maxSurge: scalarText.optional(),
  maxUnavailable: scalarText.optional(),
  revision: z.number().int().min(1).optional(),
  terminating: z.number().int().min(0).optional(),
  ...podTemplateShape,
  ...resourcesShape,
});

type DeploymentSpec = z.output<typeof deploymentSpec> & PodTemplateWants & ResourceWants;

interface Deployment extends KubeObject {
  spec?: {
    replicas?: number;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: string | number; maxUnavailable?: string | number } };
    template?: { spec?: { containers?: unknown[] } };
  };
  metadata?: KubeObject['metadata'] & { generation?: number };
  status?: {
    observedGeneration?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    terminatingReplicas?: number;
  };
}

/**
 * Right after a change (kubectl set env, rollout undo) the status still counts the pods of the
 * template before it, "4 updated, 4 available", until the controller observes the new generation:
 * a check on those counts must not pass on them.
 */
function staleStatus(deployment: Deployment, spec: DeploymentSpec): string[] {
  const asksStatus = [spec.ready, spec.updated, spec.available, spec.terminating].some((v) => v !== undefined);
  const generation = deployment.metadata?.generation;
  if (!asksStatus || generation === undefined || (deployment.status?.observedGeneration ?? 0) >= generation) return [];
  return ['has not yet acted on its latest change (its status still counts the pods from before it)'];
}

function terminatingText(count: number): string {
  return count === 0 ? 'has no pod left terminating' : `has ${plural(count, 'pod')} terminating`;
}

function wanted(spec: DeploymentSpec): string[] {
  return [
    ...(spec.replicas !== undefined ? [`wants ${plural(spec.replicas, 'replica')}`] : []),
    ...(spec.ready !== undefined ? [`has ${plural(spec.ready, 'ready replica')}`] : []),
    ...(spec.updated !== undefined ? [`has ${plural(spec.updated, 'updated replica')}`] : []),
    ...(spec.available !== undefined ? [`has ${plural(spec.available, 'available replica')}`] : []),
    ...(spec.strategy !== undefined ? [`rolls out by ${spec.strategy}`] : []),
    ...(spec.maxSurge !== undefined ? [`allows a surge of ${spec.maxSurge}`] : []),
    ...(spec.maxUnavailable !== undefined ? [`allows ${spec.maxUnavailable} unavailable`] : []),
    ...(spec.revision !== undefined ? [`is at revision ${spec.revision}`] : []),
    ...(spec.terminating !== undefined ? [terminatingText(spec.terminating)] : []),
    ...podTemplateWanted(spec),
    ...resourcesWanted(spec),
  ];
}

function misses(spec: DeploymentSpec, object: KubeObject): string[] {
  const deployment = object as Deployment;
  const status = deployment.status ?? {};
  const rolling = deployment.spec?.strategy?.rollingUpdate ?? {};
  const revision = Number(deployment.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  return [
    ...differs(deployment.spec?.replicas ?? 1, spec.replicas, (v) => `wants ${v} replicas`),
    ...staleStatus(deployment, spec),
    ...differs(status.readyReplicas ?? 0, spec.ready, (v) => `has ${v} ready`),
    ...differs(status.updatedReplicas ?? 0, spec.updated, (v) => `has ${v} updated`),
    ...differs(status.availableReplicas ?? 0, spec.available, (v) => `has ${v} available`),
    ...differs(deployment.spec?.strategy?.type, spec.strategy, (v) => `rolls out by ${v}`),
    ...differs(
      rolling.maxSurge === undefined ? undefined : String(rolling.maxSurge),
      spec.maxSurge,
      (v) => `allows a surge of ${v}`,
    ),
    ...differs(
      rolling.maxUnavailable === undefined ? undefined : String(rolling.maxUnavailable),
      spec.maxUnavailable,
      (v) => `allows ${v} unavailable`,
    ),
    ...differs(revision, spec.revision, (v) => `is at revision ${v}`),
    // status.terminatingReplicas is reported since Kubernetes 1.33; an older cluster counts as none.
    ...differs(status.terminatingReplicas ?? 0, spec.terminating, (v) => `has ${v} pods terminating`),
    ...imageMiss(containerImages(deployment.spec?.template?.spec?.containers), spec.image),
    ...podTemplateMisses(spec, deployment.spec?.template?.spec?.containers),
    ...resourcesMisses(spec, deployment.spec?.template?.spec?.containers),
    ...labelMisses(object, spec.labelsHave),
  ];
}

export const deploymentCheck = defineKubeKind<DeploymentSpec>({
  name: 'deployment',
  resource: 'deployments',
  noun: 'deployment',
  schema: deploymentSpec,
  wanted,
  misses,
});

/**
 * The deployment kind judges status counts only when they are current. Right after a change the
 * status still counts the old template's pods until the controller observes the new generation;
 * and `terminating: 0` holds only once the old pods are gone, not when `kubectl rollout status`
 * returns (they go on terminating for their grace period). Terminating pods are read from
 * status.terminatingReplicas (Kubernetes 1.33+); a cluster that does not report it counts as none.
 * The objects have the shape the API server returned in a real rollout on the test cluster.
 */
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { ClusterConnection } from '../../electron/core/cluster/cluster-connection';
import type { KubeObject } from '../../electron/core/cluster/resources';
import { ClusterReader } from '../../electron/core/checks/cluster-reader';
import { EngineReader } from '../../electron/core/checks/engine-reader';
import type { CheckResult } from '../../electron/core/checks/kind';
import { checkKind } from '../../electron/core/checks/registry';

function deployment(status: Record<string, number>): KubeObject {
  return {
    metadata: { name: 'web', namespace: 'lesson', annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: { replicas: 4, strategy: { type: 'RollingUpdate' }, template: { spec: { containers: [] } } },
    status,
  };
}

async function check(spec: unknown, object: KubeObject): Promise<CheckResult> {
  const kind = checkKind('deployment');
  const connection = { list: () => Promise.resolve({ items: [object] }) } as unknown as ClusterConnection;
  return kind.evaluate(kind.schema.parse(spec), {
    engine: new EngineReader(new Docker({ socketPath: '/nonexistent' })),
    cluster: new ClusterReader({ connection }),
    run: {
      startedAt: 0,
      stepStartedAt: 0,
      workspaceDir: '/nonexistent',
      createdDuringRun: () => false,
      createdNames: () => [],
      commandsSince: () => [],
      cluster: { context: 'test', namespace: 'lesson', kubeconfigPath: '/nonexistent' },
    },
  });
}

const available = { replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 };

/** The settled deployment with `terminating` old pods left. */
const withTerminating = (terminating: number) => deployment({ ...available, terminatingReplicas: terminating });
const settledWant = { name: 'web', available: 4, terminating: 0 };

describe('deployment terminating', () => {
  it('fails while old pods are still terminating after the rollout made its new ones available', async () => {
    expect(await check(settledWant, withTerminating(3))).toEqual({
      pass: false,
      explanation: 'deployment web has 3 pods terminating, not 0',
    });
  });

  it('passes once they are gone', async () => {
    expect(await check(settledWant, withTerminating(0))).toEqual({
      pass: true,
      explanation: 'deployment web has 4 available replicas and has no pod left terminating',
    });
  });
  it('counts a cluster that does not report the field (before 1.33) as none terminating', async () => {
    expect((await check({ name: 'web', terminating: 0 }, deployment(available))).pass).toBe(true);
  });

  it('says a count other than zero in words', () => {
    const kind = checkKind('deployment');
    expect(kind.wants(kind.schema.parse({ name: 'web', terminating: 1 }))).toBe('deployment web has 1 pod terminating');
  });
});

describe('deployment status right after a change', () => {
  it('does not pass on the counts of the template before it', async () => {
    const changed = deployment({ ...available, terminatingReplicas: 0, observedGeneration: 2 });
    changed.metadata = { ...changed.metadata, generation: 3 } as KubeObject['metadata'];
    expect(await check({ name: 'web', updated: 4, available: 4, terminating: 0 }, changed)).toEqual({
      pass: false,
      explanation: 'deployment web has not yet acted on its latest change (its status still counts the pods from before it)',
    });
  });

  it('passes once the controller has observed it', async () => {
    const observed = deployment({ ...available, terminatingReplicas: 0, observedGeneration: 3 });
    observed.metadata = { ...observed.metadata, generation: 3 } as KubeObject['metadata'];
    expect((await check({ name: 'web', updated: 4, available: 4 }, observed)).pass).toBe(true);
  });

  it('does not judge staleness for a check that asks nothing of the status', async () => {
    const changed = deployment({ ...available, observedGeneration: 2 });
    changed.metadata = { ...changed.metadata, generation: 3 } as KubeObject['metadata'];
    expect((await check({ name: 'web', revision: 2 }, changed)).pass).toBe(true);
  });
});

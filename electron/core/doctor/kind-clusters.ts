/**
 * kind clusters, read from the engines themselves: kind labels every node container with
 * `io.x-k8s.kind.cluster=<name>` and `io.x-k8s.kind.role` (what `kind get clusters` lists).
 * Each engine is asked once, however many sockets lead to it.
 */
import type Docker from 'dockerode';
import type { DoctorKindCluster } from '../contract';
import { listContainersWithin } from '../engine/timed-calls';

export const KIND_CLUSTER_LABEL = 'io.x-k8s.kind.cluster';
export const KIND_ROLE_LABEL = 'io.x-k8s.kind.role';

export interface EngineToAsk {
  docker: Docker;
  /** Every endpoint host that leads to this engine. */
  hosts: string[];
}

export async function listKindClusters(engines: EngineToAsk[], timeoutMs: number): Promise<DoctorKindCluster[]> {
  const perEngine = await Promise.all(
    engines.map(async (engine) => {
      try {
        const containers = await listContainersWithin(
          engine.docker,
          { all: true, filters: { label: [KIND_CLUSTER_LABEL] } },
          timeoutMs,
        );
        return clustersFrom(containers, engine.hosts);
      } catch {
        // The engine answered its probe a moment ago; if it fails now, it shows no clusters.
        return [];
      }
    }),
  );
  return perEngine.flat().sort((a, b) => a.name.localeCompare(b.name));
}

function clustersFrom(containers: Docker.ContainerInfo[], hosts: string[]): DoctorKindCluster[] {
  const byName = new Map<string, DoctorKindCluster>();
  for (const container of containers) {
    const name = container.Labels?.[KIND_CLUSTER_LABEL];
    if (!name) continue;
    let cluster = byName.get(name);
    if (!cluster) {
      cluster = { name, endpoints: hosts, nodes: [], running: true, kubeContext: null };
      byName.set(name, cluster);
    }
    cluster.nodes.push({
      name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
      role: container.Labels?.[KIND_ROLE_LABEL] ?? 'node',
      state: container.State,
    });
  }
  for (const cluster of byName.values()) {
    cluster.nodes.sort((a, b) => a.name.localeCompare(b.name));
    cluster.running = cluster.nodes.every((node) => node.state === 'running');
  }
  return [...byName.values()];
}

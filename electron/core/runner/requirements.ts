/**
 * What a lesson's `requires:` asks of the learner's machine, checked for real before it starts:
 * the engine answers, Compose v2 is installed, the machine is online (it can resolve a registry).
 * Each probe is bounded in time; "cannot tell" (null) is reported as such, never guessed.
 */
import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { homedir } from 'node:os';
import { clusterPreflight, type ClusterPreflight } from '../cluster/cluster-preflight';
import type { LessonRequirement, Preflight } from '../contract';
import type { LoadedLesson } from '../lessons/types';
import { kubeToolRequirement, type KubeToolAnswer, type KubeToolName } from './kube-tools';

export interface RequirementProbes {
  /** The registry host whose name must resolve for the machine to count as online. */
  registryHost: string;
  /** True when the internet answers (the registry host resolves). */
  online(): Promise<boolean>;
  /** Compose v2's version, or null when `docker compose` is not installed. */
  composeVersion(): Promise<string | null>;
  /** The lesson's cluster: local, credentials working, answering, serving what the lesson reads. */
  cluster(lesson: LoadedLesson): Promise<ClusterPreflight>;
  /** kubectl, helm or k9s on the lesson terminal's PATH, or how to install it. */
  kubeTool(tool: KubeToolName): Promise<KubeToolAnswer>;
}

/** Docker Hub's registry; DOCKSIDE_REGISTRY_HOST names another (a mirror behind a company proxy). */
const REGISTRY_HOST = 'registry-1.docker.io';

function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([work, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);
}

/** Probes against the real machine; the online answer is cached briefly (lessons start often). */
export function machineProbes(env: Record<string, string | undefined> = process.env): RequirementProbes {
  let onlineCache: { at: number; value: Promise<boolean> } | null = null;
  const registry = env.DOCKSIDE_REGISTRY_HOST || REGISTRY_HOST;
  return {
    registryHost: registry,
    online() {
      if (!onlineCache || Date.now() - onlineCache.at > 30_000) {
        const value = within(
          1500,
          lookup(registry).then(
            () => true,
            () => false,
          ),
          false,
        );
        onlineCache = { at: Date.now(), value };
      }
      return onlineCache.value;
    },
    composeVersion() {
      return new Promise((resolve) => {
        execFile('docker', ['compose', 'version', '--short'], { env, timeout: 4000 }, (error, stdout) =>
          resolve(error ? null : stdout.trim() || null),
        );
      });
    },
    cluster: (lesson) => clusterPreflight(lesson, { env, homeDir: env.HOME ?? homedir(), platform: process.platform }),
    kubeTool: (tool) => kubeToolRequirement(tool, env),
  };
}

export async function checkRequirements(
  requires: readonly LessonRequirement[],
  engineOk: boolean,
  probes: RequirementProbes,
  lesson?: LoadedLesson,
): Promise<Preflight['requirements']> {
  return Promise.all(
    requires.map(async (name): Promise<Preflight['requirements'][number]> => {
      switch (name) {
        case 'docker':
          return { name, met: engineOk, detail: engineOk ? 'the Docker engine answers' : 'the Docker engine is not reachable' };
        case 'compose': {
          const version = await probes.composeVersion();
          return version
            ? { name, met: true, detail: `Docker Compose ${version}` }
            : {
                name,
                met: false,
                detail:
                  'Docker Compose v2 is not installed: `docker compose version` fails. Docker Desktop includes it; on Linux install the docker-compose-plugin package.',
              };
        }
        case 'network': {
          const online = await probes.online();
          return online
            ? { name, met: true, detail: 'online: registries can be reached' }
            : {
                name,
                met: false,
                detail: `you seem to be offline (${probes.registryHost} cannot be resolved): the steps that pull images or log in to a registry need the internet.`,
              };
        }
        case 'kubernetes': {
          if (!lesson)
            return { name, met: null, detail: 'a local Kubernetes cluster; the environment doctor shows whether one answers' };
          const cluster = await probes.cluster(lesson);
          return { name, met: cluster.ok, detail: cluster.detail };
        }
        case 'kubectl':
        case 'helm':
        case 'k9s':
          return { name, ...(await probes.kubeTool(name)) };
      }
    }),
  );
}

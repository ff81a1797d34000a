/**
 * What a lesson's `requires:` asks of the learner's machine, checked for real before it starts:
 * the engine answers, Compose v2 is installed, the machine is online (it can resolve a registry).
 * Each probe is bounded in time; "cannot tell" (null) is reported as such, never guessed.
 */
import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import type { LessonRequirement, Preflight } from '../contract';

export interface RequirementProbes {
  /** The registry host whose name must resolve for the machine to count as online. */
  registryHost: string;
  /** True when the internet answers (the registry host resolves). */
  online(): Promise<boolean>;
  /** Compose v2's version, or null when `docker compose` is not installed. */
  composeVersion(): Promise<string | null>;
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
  };
}

export async function checkRequirements(
  requires: readonly LessonRequirement[],
  engineOk: boolean,
  probes: RequirementProbes,
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
        case 'kubernetes':
          return {
            name,
            met: null,
            detail: 'a local Kubernetes cluster (kind or Colima); the environment doctor shows whether one answers',
          };
      }
    }),
  );
}

/**
 * Before a lesson starts: what on the learner's engine or machine stands in its way. The names
 * and ports come from the lesson's own checks (each kind says what it claims). Objects the
 * current attempt created are the learner's progress, not conflicts.
 *
 * Removing a conflict is only ever done on the learner's explicit confirmation, and only for a
 * conflict that is still there with the same id when the confirmation arrives.
 */
import type Docker from 'dockerode';
import { createServer } from 'node:net';
import type { Preflight, PreflightConflict, RemoveConflictsResult } from '../contract';
import { EngineReader } from '../checks/engine-reader';
import { normaliseImageRef } from '../checks/image-ref';
import type { Claim } from '../checks/kind';
import { checkKind } from '../checks/registry';
import { messageOf } from '../errors';
import type { LoadedLesson } from '../lessons/types';
import { readKindImages } from '../cluster/kind-node-images';
import { checkRequirements, type RequirementProbes } from './requirements';

export interface PreflightInput {
  lesson: LoadedLesson;
  docker: Docker | null;
  engineError: string | null;
  /** Is this object part of the attempt under way (so not a conflict)? */
  ours: (type: 'container' | 'volume' | 'network', id: string) => boolean;
  probes: RequirementProbes;
}

export function lessonClaims(lesson: LoadedLesson): Claim[] {
  const all = lesson.steps.flatMap((step) => step.checks.flatMap((check) => checkKind(check.kind).claims?.(check.spec) ?? []));
  const seen = new Set<string>();
  return all.filter((claim) => {
    const id = JSON.stringify(claim);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** True when something outside Docker holds the port (we can bind neither it nor see a container on it). */
function portTakenOnHost(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(false)));
  });
}

const STATE_FIX = (name: string) =>
  `rename it (\`docker rename ${name} ${name}-old\`) or remove it (\`docker rm -f ${name}\`); Dockside can remove it for you if you confirm.`;

async function conflictFor(
  claim: Claim,
  reader: EngineReader,
  input: PreflightInput,
  running: Docker.ContainerInfo[],
): Promise<PreflightConflict[]> {
  switch (claim.kind) {
    case 'container-name': {
      const info = await reader.container(claim.name);
      if (!info || info.Name !== `/${claim.name}` || input.ours('container', info.Id)) return [];
      return [
        {
          key: info.Id,
          kind: 'container-name',
          object: { type: 'container', id: info.Id, name: claim.name },
          problem: `you already have a container named ${claim.name} (${info.State.Status}), and this lesson creates one with that name`,
          fix: STATE_FIX(claim.name),
          removable: true,
        },
      ];
    }
    case 'port':
      return portConflict(claim.port, input, running);
    case 'volume-name': {
      const info = await reader.volume(claim.name);
      if (!info || input.ours('volume', claim.name)) return [];
      return [
        {
          key: `volume:${claim.name}`,
          kind: 'volume-name',
          object: { type: 'volume', id: claim.name, name: claim.name },
          problem: `you already have a volume named ${claim.name}, and this lesson creates one with that name`,
          fix: `remove it (\`docker volume rm ${claim.name}\`) if you no longer need its data; Dockside can remove it for you if you confirm.`,
          removable: true,
        },
      ];
    }
    case 'network-name': {
      const info = await reader.network(claim.name);
      if (!info || info.Name !== claim.name || input.ours('network', info.Id)) return [];
      return [
        {
          key: info.Id,
          kind: 'network-name',
          object: { type: 'network', id: info.Id, name: claim.name },
          problem: `you already have a network named ${claim.name}, and this lesson creates one with that name`,
          fix: `remove it (\`docker network rm ${claim.name}\`); Dockside can remove it for you if you confirm.`,
          removable: true,
        },
      ];
    }
    case 'compose-project': {
      const containers = await reader.containers({ label: [`com.docker.compose.project=${claim.name}`] });
      const theirs = containers.filter((c) => !input.ours('container', c.Id));
      if (theirs.length === 0) return [];
      return [
        {
          key: `compose:${claim.name}`,
          kind: 'compose-project',
          object: null,
          problem: `a Compose project named ${claim.name} already has ${theirs.length} container(s), and this lesson starts one with that name`,
          fix: `stop it with \`docker compose -p ${claim.name} down\`.`,
          removable: false,
        },
      ];
    }
  }
}

/** A port the lesson publishes, taken by one of the learner's containers or by another program. */
async function portConflict(port: number, input: PreflightInput, running: Docker.ContainerInfo[]): Promise<PreflightConflict[]> {
  const holder = running.find((c) => (c.Ports ?? []).some((p) => p.PublicPort === port));
  if (holder) {
    if (input.ours('container', holder.Id)) return [];
    const name = (holder.Names[0] ?? holder.Id.slice(0, 12)).replace(/^\//, '');
    return [
      {
        key: holder.Id,
        kind: 'port',
        object: { type: 'container', id: holder.Id, name },
        problem: `port ${port}, which this lesson publishes, is taken by your container ${name}`,
        fix: `stop it (\`docker stop ${name}\`) while you do this lesson; Dockside can remove it for you if you confirm.`,
        removable: true,
      },
    ];
  }
  if (!(await portTakenOnHost(port))) return [];
  return [
    {
      key: `port:${port}`,
      kind: 'port',
      object: null,
      problem: `port ${port}, which this lesson publishes, is taken by a program on this machine (not a container)`,
      fix: `find it with \`ss -ltnp 'sport = :${port}'\` (or \`lsof -i :${port}\`) and stop it.`,
      removable: false,
    },
  ];
}

/** The preflight when the engine cannot be read: nothing is known to be present or in the way. */
async function engineUnreadable(input: PreflightInput, engineError: string): Promise<Preflight> {
  const { lesson } = input;
  return {
    lessonId: lesson.summary.id,
    ok: false,
    conflicts: [],
    images: lesson.summary.images.map((name) => ({ name, present: false })),
    requirements: await checkRequirements(lesson.summary.requires, false, input.probes, lesson),
    engineError,
  };
}

export async function runPreflight(input: PreflightInput): Promise<Preflight> {
  const { lesson } = input;
  if (!input.docker) return engineUnreadable(input, input.engineError ?? 'not connected');
  const reader = new EngineReader(input.docker);
  try {
    const running = await reader.containers({ status: ['running'] });
    const conflicts = (await Promise.all(lessonClaims(lesson).map((claim) => conflictFor(claim, reader, input, running)))).flat();
    const images = await Promise.all(
      lesson.summary.images.map(async (name) => {
        const info = await reader.image(normaliseImageRef(name));
        return { name, present: info !== null };
      }),
    );
    const unique = [...new Map(conflicts.map((c) => [c.key, c])).values()];
    // The cluster is asked once: its answer serves the requirement and, for kind, the images' place.
    const cluster = lesson.summary.requires.includes('kubernetes') ? await input.probes.cluster(lesson) : null;
    const probes = cluster ? { ...input.probes, cluster: () => Promise.resolve(cluster) } : input.probes;
    const requirements = await checkRequirements(lesson.summary.requires, true, probes, lesson);
    const kindImages =
      cluster?.kindCluster && images.length > 0 ? await readKindImages(reader, cluster.kindCluster, images) : undefined;
    const imagesInCluster = kindImages?.images.every((image) => image.inCluster !== false) ?? true;
    return {
      lessonId: lesson.summary.id,
      // An unmet requirement (offline, no Compose) or an image the kind cluster lacks is worth a look before starting.
      ok: unique.length === 0 && requirements.every((r) => r.met !== false) && imagesInCluster,
      conflicts: unique,
      images,
      requirements,
      engineError: null,
      ...(kindImages ? { kindImages } : {}),
    };
  } catch (error) {
    return engineUnreadable(input, messageOf(error));
  }
}

/** Remove the confirmed conflicts that are still conflicts now, by the id preflight reported. */
export async function removeConflicts(input: PreflightInput, keys: string[]): Promise<RemoveConflictsResult> {
  const preflight = await runPreflight(input);
  if (preflight.engineError !== null || !input.docker) {
    return {
      removed: [],
      skipped: keys.map((key) => ({ key, reason: `the engine cannot be read: ${preflight.engineError ?? 'not connected'}` })),
    };
  }
  const result: RemoveConflictsResult = { removed: [], skipped: [] };
  for (const key of keys) {
    const conflict = preflight.conflicts.find((c) => c.key === key);
    if (!conflict || !conflict.object) {
      result.skipped.push({
        key,
        reason: conflict ? 'Dockside cannot remove this; see the suggested fix' : 'no longer a conflict',
      });
      continue;
    }
    if (!conflict.removable) {
      result.skipped.push({ key, reason: 'Dockside cannot remove this; see the suggested fix' });
      continue;
    }
    const { object } = conflict;
    try {
      if (object.type === 'container') await input.docker.getContainer(object.id).remove({ force: true });
      else if (object.type === 'volume') await input.docker.getVolume(object.id).remove();
      else if (object.type === 'network') await input.docker.getNetwork(object.id).remove();
      result.removed.push(object);
    } catch (error) {
      const message = (error as { json?: { message?: string } | null }).json?.message ?? messageOf(error);
      result.skipped.push({ key, reason: `could not remove ${object.type} ${object.name}: ${message}` });
    }
  }
  return result;
}

/**
 * Remove what a run created — and nothing else. Every removal goes by the id recorded when the
 * object appeared, so an object that merely has the same name (the learner's own `web`) is never
 * touched; a volume must still have the creation time we saw; an image that existed before the
 * run only loses the tags set during the run, and only while another tag keeps it alive.
 * Containers go first (they hold images, volumes and networks), then networks, volumes, images.
 */
import type Docker from 'dockerode';
import type { ObjectRef } from '../contract';
import { messageOf } from '../errors';
import { normaliseImageRef } from '../checks/image-ref';
import type { CreatedObject } from './attribution';

export interface RemovalOutcome {
  removed: ObjectRef[];
  kept: { object: ObjectRef; reason: string }[];
  /** Records that are settled (removed, or already gone): the run forgets them. */
  settled: CreatedObject[];
}

const order: Record<CreatedObject['type'], number> = { container: 0, network: 1, volume: 2, image: 3 };

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

function engineMessage(error: unknown): string {
  return (error as { json?: { message?: string } | null }).json?.message ?? messageOf(error);
}

function ref(object: CreatedObject): ObjectRef {
  return { type: object.type, id: object.id, name: object.name };
}

/** Run a removal; a 404 means it is already gone, which is as good as removed. */
async function attempt(remove: () => Promise<unknown>): Promise<'removed' | 'gone' | { error: string }> {
  try {
    await remove();
    return 'removed';
  } catch (error) {
    if (statusOf(error) === 404) return 'gone';
    return { error: engineMessage(error) };
  }
}

export async function removeCreated(docker: Docker, objects: readonly CreatedObject[]): Promise<RemovalOutcome> {
  const outcome: RemovalOutcome = { removed: [], kept: [], settled: [] };
  const sorted = [...objects].sort((a, b) => order[a.type] - order[b.type]);
  for (const object of sorted) {
    const result = await removeOne(docker, object);
    if (result === 'removed') {
      outcome.removed.push(ref(object));
      outcome.settled.push(object);
    } else if (result === 'gone') {
      outcome.settled.push(object);
    } else {
      outcome.kept.push({ object: ref(object), reason: result.keep });
      if (result.settle) outcome.settled.push(object);
    }
  }
  return outcome;
}

type One = 'removed' | 'gone' | { keep: string; settle: boolean };

async function removeOne(docker: Docker, object: CreatedObject): Promise<One> {
  switch (object.type) {
    case 'container': {
      const result = await attempt(() => docker.getContainer(object.id).remove({ force: true, v: false }));
      return typeof result === 'string'
        ? result
        : { keep: `could not remove container ${object.name}: ${result.error}`, settle: false };
    }
    case 'network': {
      const result = await attempt(() => docker.getNetwork(object.id).remove());
      return typeof result === 'string'
        ? result
        : { keep: `could not remove network ${object.name}: ${result.error}`, settle: false };
    }
    case 'volume':
      return removeVolume(docker, object);
    case 'image':
      return removeImage(docker, object);
  }
}

async function removeVolume(docker: Docker, object: CreatedObject): Promise<One> {
  let info: { CreatedAt?: string };
  try {
    info = (await docker.getVolume(object.id).inspect()) as { CreatedAt?: string };
  } catch (error) {
    if (statusOf(error) === 404) return 'gone';
    return { keep: `could not read volume ${object.name}: ${engineMessage(error)}`, settle: false };
  }
  if (object.createdAt !== undefined && info.CreatedAt !== object.createdAt) {
    return {
      keep: `volume ${object.name} is no longer the one created during this lesson (it was recreated elsewhere); left alone`,
      settle: true,
    };
  }
  const result = await attempt(() => docker.getVolume(object.id).remove());
  return typeof result === 'string' ? result : { keep: `could not remove volume ${object.name}: ${result.error}`, settle: false };
}

async function removeImage(docker: Docker, object: CreatedObject): Promise<One> {
  let info: Docker.ImageInspectInfo;
  try {
    info = await docker.getImage(object.id).inspect();
  } catch (error) {
    if (statusOf(error) === 404) return 'gone';
    return { keep: `could not read image ${object.name}: ${engineMessage(error)}`, settle: false };
  }
  const current = (info.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
  if (object.newImage) {
    // Every tag of an image that did not exist before the run was set during the run: untag them
    // all (the last untag deletes the image); parents stay (noprune).
    for (const tag of current) {
      const result = await attempt(() => docker.getImage(tag).remove({ noprune: true }));
      if (typeof result !== 'string')
        return { keep: `could not remove image ${object.name} (${tag}): ${result.error}`, settle: false };
    }
    if (current.length > 0) return 'removed';
    const result = await attempt(() => docker.getImage(object.id).remove({ noprune: true }));
    return typeof result === 'string'
      ? result
      : { keep: `could not remove image ${object.name}: ${result.error}`, settle: false };
  }
  // An image that existed before: untag what the run added, but never its last tag (that would delete it).
  const ours = current.filter((tag) => (object.tags ?? []).includes(normaliseImageRef(tag)));
  if (ours.length === 0) return 'gone';
  if (current.length - ours.length <= 0) {
    return {
      keep: `image ${object.name} existed before this lesson and ${ours.join(', ')} is now its only tag; left alone`,
      settle: true,
    };
  }
  for (const tag of ours) {
    const result = await attempt(() => docker.getImage(tag).remove({ noprune: true }));
    if (typeof result !== 'string') return { keep: `could not untag ${tag}: ${result.error}`, settle: false };
  }
  return 'removed';
}

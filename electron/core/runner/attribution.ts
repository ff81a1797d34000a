/**
 * What was created during a run, learned from engine events: containers, images (tags),
 * volumes and networks, each with the step that was current and what identifies it (a
 * container's or network's id, a volume's name plus creation time, an image's id and the tags
 * set during the run). Reset removes exactly these, and only while each is still the same object.
 *
 * A snapshot of what existed when the run began tells a volume created now from one merely
 * mounted now (the engine sends `create` for both), and a new image from a retagged old one.
 * After a gap in the events stream, `reconcile` re-lists and adopts what appeared meanwhile.
 *
 * Events do not say which client acted. The terminal ledger does: what went through a Dockside
 * terminal's engine proxy is the learner's (`viaTerminal`, whichever of the event and the
 * proxy's record comes first); the rest was made by another client during the run. Both count
 * for checks; Reset removes the learner's, and the others only when the learner ticks them.
 */
import type { CreatedRef } from '../contract';
import type { LedgerRecord, TerminalLedger } from '../engine-proxy/terminal-ledger';
import type { EngineEvent } from '../engine/events';
import type { EngineObjectType } from '../checks/kind';
import type { EngineReader } from '../checks/engine-reader';
import { normaliseImageRef } from '../checks/image-ref';

export interface CreatedObject {
  type: EngineObjectType;
  /** Container/network id; a volume's name; an image's id. */
  id: string;
  /** Container/volume/network name; an image's first tag set during the run. */
  name: string;
  /** The step that was current when it appeared. */
  step: number;
  /** Volumes: the engine's CreatedAt, so a volume recreated by someone else is not taken for ours. */
  createdAt?: string | undefined;
  /** Images: tags set during the run (reset removes only these). */
  tags?: string[] | undefined;
  /** Images: the id did not exist before the run (so the image itself may go at reset). */
  newImage?: boolean | undefined;
  /** Compose project, when Compose made it. */
  project?: string | undefined;
  /** Made through Dockside's terminal (its engine proxy answered the creating call); else by another client. */
  viaTerminal?: boolean | undefined;
}

/** What existed when the run began. */
export interface BeforeRun {
  containers: Set<string>;
  images: Set<string>;
  /** "id|repo:tag" pairs. */
  imageTags: Set<string>;
  volumes: Set<string>;
  networks: Set<string>;
}

/** A candidate for attribution, with its labels: a harness may exclude what another tool owns. */
export interface Candidate {
  type: EngineObjectType;
  id: string;
  name: string;
  labels: Record<string, string>;
}

export type IgnorePredicate = (candidate: Candidate) => boolean;

export async function snapshotBeforeRun(engine: EngineReader): Promise<BeforeRun> {
  const [containers, images, volumes, networks] = await Promise.all([
    engine.containers({}),
    engine.images({}),
    engine.volumes({}),
    engine.networks({}),
  ]);
  return {
    containers: new Set(containers.map((c) => c.Id)),
    images: new Set(images.map((i) => i.Id)),
    imageTags: new Set(images.flatMap((i) => (i.RepoTags ?? []).map((tag) => `${i.Id}|${normaliseImageRef(tag)}`))),
    volumes: new Set(volumes.map((v) => v.Name)),
    networks: new Set(networks.map((n) => n.Id)),
  };
}

const emptyBefore = (): BeforeRun => ({
  containers: new Set(),
  images: new Set(),
  imageTags: new Set(),
  volumes: new Set(),
  networks: new Set(),
});

export class Attribution {
  private readonly objects: CreatedObject[];
  private beforeRun: BeforeRun = emptyBefore();
  /** False until the snapshot is in: before that, nothing may be judged "new". */
  private snapshotTaken = false;

  constructor(
    initial: CreatedObject[],
    private readonly ignore: IgnorePredicate = () => false,
    private readonly ledger: Pick<TerminalLedger, 'has'> | null = null,
  ) {
    this.objects = initial.map((o) => ({ ...o }));
  }

  get before(): BeforeRun {
    return this.beforeRun;
  }

  set before(snapshot: BeforeRun) {
    this.beforeRun = snapshot;
    this.snapshotTaken = true;
  }

  get hasSnapshot(): boolean {
    return this.snapshotTaken;
  }

  get all(): readonly CreatedObject[] {
    return this.objects;
  }

  has(type: EngineObjectType, id: string): boolean {
    return this.objects.some((o) => o.type === type && o.id === id);
  }

  names(type: EngineObjectType): string[] {
    return [...new Set(this.objects.filter((o) => o.type === type).map((o) => o.name))];
  }

  refs(): CreatedRef[] {
    return this.objects.map((o) => ({
      type: o.type,
      id: o.id,
      name: o.name,
      step: o.step,
      origin: o.viaTerminal ? 'terminal' : 'outside',
    }));
  }

  /** The proxy recorded an object: if it is one of ours, it was the learner's. True when that changed something. */
  confirm(record: LedgerRecord): boolean {
    const object = this.objects.find((o) => o.type === record.type && o.id === record.id);
    if (!object || object.viaTerminal) return false;
    object.viaTerminal = true;
    return true;
  }

  /** Objects created while `step` or a later step was current. */
  fromStep(step: number): CreatedObject[] {
    return this.objects.filter((o) => o.step >= step);
  }

  forget(objects: readonly CreatedObject[]): void {
    for (const object of objects) {
      const index = this.objects.indexOf(object);
      if (index >= 0) this.objects.splice(index, 1);
    }
  }

  clear(): void {
    this.objects.splice(0);
  }

  /**
   * Learn from one event. Returns true when the set changed. Volumes and images may need one
   * read to be identified; `engine` is used for that.
   */
  async observe(event: EngineEvent, step: number, engine: EngineReader | null): Promise<boolean> {
    const attrs = event.attributes;
    if (this.gone(event)) return true;
    if (event.type === 'container') {
      if (event.action === 'create') {
        return this.add(
          {
            type: 'container',
            id: event.id,
            name: attrs.name ?? event.id.slice(0, 12),
            step,
            project: attrs['com.docker.compose.project'],
          },
          attrs,
        );
      }
      if (event.action === 'rename') {
        const record = this.objects.find((o) => o.type === 'container' && o.id === event.id);
        if (record && attrs.name) record.name = attrs.name.replace(/^\//, '');
      }
      return false;
    }
    if (event.type === 'network' && event.action === 'create') {
      if (this.before.networks.has(event.id)) return false;
      const info = engine ? await engine.network(event.id).catch(() => null) : null;
      return this.add({ type: 'network', id: event.id, name: attrs.name ?? event.id.slice(0, 12), step }, info?.Labels ?? {});
    }
    if (event.type === 'volume' && event.action === 'create') {
      // The engine also says `create` when a container merely mounts an existing volume.
      if (this.before.volumes.has(event.id) || this.has('volume', event.id)) return false;
      const info = engine ? await engine.volume(event.id).catch(() => null) : null;
      const createdAt = (info as { CreatedAt?: string } | null)?.CreatedAt;
      return this.add({ type: 'volume', id: event.id, name: event.id, step, createdAt }, info?.Labels ?? {});
    }
    if (event.type === 'image' && ['tag', 'pull', 'load', 'import'].includes(event.action)) {
      return this.observeImage(event, step, engine);
    }
    return false;
  }

  private async observeImage(event: EngineEvent, step: number, engine: EngineReader | null): Promise<boolean> {
    // A pull names the image by reference; tag/load/import by id.
    const info = engine
      ? await engine.image(event.id.startsWith('sha256:') ? event.id : normaliseImageRef(event.id)).catch(() => null)
      : null;
    const id = info?.Id ?? event.id;
    if (!id.startsWith('sha256:')) return false;
    const named =
      event.attributes.name && !event.attributes.name.startsWith('sha256:') ? normaliseImageRef(event.attributes.name) : null;
    const tag = named ?? (event.action === 'pull' ? normaliseImageRef(event.id) : null);
    const newTag = tag !== null && !this.before.imageTags.has(`${id}|${tag}`);
    const newImage = !this.before.images.has(id);
    if (!newTag && !newImage) return false;
    const existing = this.objects.find((o) => o.type === 'image' && o.id === id);
    if (existing) {
      if (tag && newTag && !existing.tags?.includes(tag)) existing.tags = [...(existing.tags ?? []), tag];
      return true;
    }
    return this.add(
      { type: 'image', id, name: tag ?? id.slice(7, 19), step, tags: tag && newTag ? [tag] : [], newImage },
      (info?.Config?.Labels as Record<string, string> | null | undefined) ?? {},
    );
  }

  /** An object of ours was removed: forget it, so a later one with its name is judged afresh. */
  private gone(event: EngineEvent): boolean {
    const removed =
      (event.type === 'image' && event.action === 'delete') || (event.type !== 'image' && event.action === 'destroy');
    if (!removed) return false;
    const index = this.objects.findIndex((o) => o.type === event.type && o.id === event.id);
    if (index < 0) return false;
    this.objects.splice(index, 1);
    return true;
  }

  /**
   * After a gap in the events stream: adopt objects that appeared since the run began and were
   * not seen (their events were lost), by creation time.
   */
  async reconcile(engine: EngineReader, startedAt: number, step: number): Promise<boolean> {
    const since = Math.floor(startedAt / 1000) - 1;
    let changed = false;
    const [containers, networks, volumes] = await Promise.all([engine.containers({}), engine.networks({}), engine.volumes({})]);
    for (const c of containers) {
      if (this.before.containers.has(c.Id) || this.has('container', c.Id) || c.Created < since) continue;
      const name = (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');
      changed =
        this.add(
          { type: 'container', id: c.Id, name, step, project: c.Labels?.['com.docker.compose.project'] },
          c.Labels ?? {},
        ) || changed;
    }
    for (const n of networks) {
      const created = Date.parse((n as { Created?: string }).Created ?? '') / 1000;
      if (this.before.networks.has(n.Id) || this.has('network', n.Id) || !(created >= since)) continue;
      changed = this.add({ type: 'network', id: n.Id, name: n.Name, step }, n.Labels ?? {}) || changed;
    }
    for (const v of volumes) {
      const createdAt = (v as { CreatedAt?: string }).CreatedAt;
      if (this.before.volumes.has(v.Name) || this.has('volume', v.Name) || !(Date.parse(createdAt ?? '') / 1000 >= since))
        continue;
      changed = this.add({ type: 'volume', id: v.Name, name: v.Name, step, createdAt }, v.Labels ?? {}) || changed;
    }
    const images = await engine.images({});
    for (const image of images) {
      if (this.before.images.has(image.Id) || this.has('image', image.Id)) continue;
      changed = this.adoptImage(image.Id, image.RepoTags ?? [], image.Labels ?? {}, step) || changed;
    }
    return changed;
  }

  /**
   * An image whose id did not exist when the run began was made during it. BuildKit builds send
   * no events at all, so image checks and reconciles find such images by looking.
   */
  adoptImage(id: string, repoTags: string[], labels: Record<string, string>, step: number): boolean {
    if (!this.snapshotTaken || this.before.images.has(id) || this.has('image', id)) return false;
    const tags = repoTags.filter((t) => t !== '<none>:<none>').map(normaliseImageRef);
    return this.add({ type: 'image', id, name: tags[0] ?? id.slice(7, 19), step, tags, newImage: true }, labels);
  }

  private add(object: CreatedObject, labels: Record<string, string>): boolean {
    if (this.has(object.type, object.id)) return false;
    if (this.ignore({ type: object.type, id: object.id, name: object.name, labels })) return false;
    this.objects.push({ ...object, viaTerminal: this.ledger?.has(object.type, object.id) ?? false });
    return true;
  }
}

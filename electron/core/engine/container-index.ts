/**
 * Which containers carry which labels, kept from the one events stream so a check that selects
 * containers by label (a Compose project, a service) need not ask the engine to filter its whole
 * list: dockerd matches label filters container by container, ~65 ms per list at 1000 containers,
 * while the ids found here are inspected in well under a millisecond each.
 *
 * Built on first use from one unfiltered list, then kept from events: a container's event
 * attributes carry its labels (plus name and image), `create` adds it, `destroy` removes it.
 * Any gap in the stream (a reconnect, another engine) drops the index; the next use re-lists.
 * Labels never change on a container, so no other event can make an entry wrong.
 */
import type Docker from 'dockerode';
import type { EngineEvent, EngineEventStream } from './events';

export class ContainerIndex {
  /** id -> labels; null while stale (not built, or a gap in the stream since). */
  private labels: Map<string, Record<string, string>> | null = null;
  private building: Promise<Map<string, Record<string, string>>> | null = null;
  /** Events that arrived while the list was being read: applied on top of it. */
  private buffered: EngineEvent[] = [];
  /** Bumps at every gap: a list read before it must not become the index after it. */
  private generation = 0;
  private readonly unsubscribes: Array<() => void>;

  constructor(events: EngineEventStream) {
    this.unsubscribes = [
      events.subscribe((event) => this.onEvent(event)),
      events.onResync(() => {
        this.generation += 1;
        this.labels = null;
        this.building = null;
      }),
    ];
  }

  /** True once built and not dropped since: a query answers without asking the engine. */
  get isBuilt(): boolean {
    return this.labels !== null;
  }

  /** Ids of the containers that carry every one of these labels. */
  async idsWithLabels(docker: Docker, wanted: Record<string, string>, signal?: AbortSignal): Promise<string[]> {
    const labels = this.labels ?? (await this.build(docker, signal));
    const pairs = Object.entries(wanted);
    return [...labels].filter(([, have]) => pairs.every(([key, value]) => have[key] === value)).map(([id]) => id);
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private build(docker: Docker, signal?: AbortSignal): Promise<Map<string, Record<string, string>>> {
    const generation = this.generation;
    this.building ??= (async () => {
      this.buffered = [];
      const listed = await docker.listContainers({
        all: true,
        ...(signal ? { abortSignal: signal } : {}),
      } as Docker.ContainerListOptions);
      const labels = new Map(listed.map((c) => [c.Id, c.Labels ?? {}]));
      for (const event of this.buffered.splice(0)) apply(labels, event);
      if (generation === this.generation) this.labels = labels;
      return labels;
    })().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private onEvent(event: EngineEvent): void {
    if (event.type !== 'container') return;
    if (this.labels) apply(this.labels, event);
    else if (this.building) this.buffered.push(event);
  }
}

function apply(labels: Map<string, Record<string, string>>, event: EngineEvent): void {
  if (event.action === 'destroy') labels.delete(event.id);
  else if (!labels.has(event.id)) labels.set(event.id, { ...event.attributes });
}

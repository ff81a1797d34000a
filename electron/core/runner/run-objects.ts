/**
 * What a lesson run created, kept from the engine's events: each event is attributed in order (one
 * chain, so a reset can wait for it), and after a gap in the stream what appeared meanwhile is
 * reconciled from the engine's lists. Changes are saved and shown through the run's listener.
 */
import type { EngineReader } from '../checks/engine-reader';
import type { EngineEvent } from '../engine/events';
import { messageOf } from '../errors';
import { snapshotBeforeRun, type Attribution } from './attribution';
import type { RunListener } from './lesson-run-options';

export interface RunObjectsIo {
  startedAt: number;
  reader: () => EngineReader | null;
  /** What was created (or who made it) changed. */
  attributed: () => void;
  /** The engine could not be read: its message, or null when there is no connection yet. */
  engineAway: (message: string | null) => void;
}

export class RunObjects {
  /** Settles once every event seen so far is attributed. */
  pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly attribution: Attribution,
    private readonly listener: Pick<RunListener, 'persist' | 'objects'>,
    private readonly io: RunObjectsIo,
  ) {}

  /** Attribute an object event to `step` (the step current when it arrived). */
  observe(event: EngineEvent, step: number): void {
    if (event.type !== 'container' && event.type !== 'image' && event.type !== 'volume' && event.type !== 'network') return;
    this.chain(async () => {
      const changed = await this.attribution.observe(event, step, this.io.reader());
      const concernsOurs = changed || this.attribution.all.some((o) => o.id === event.id || o.id === event.attributes.container);
      if (changed) {
        this.listener.persist();
        this.io.attributed();
      }
      if (concernsOurs) this.listener.objects();
    });
  }

  /** The stream reconnected, or the engine came back: what happened meanwhile is unknown. */
  gap(step: () => number): void {
    this.chain(async () => {
      const reader = this.io.reader();
      if (!reader) return;
      if (!this.attribution.hasSnapshot) await this.snapshot();
      else if (await this.attribution.reconcile(reader, this.io.startedAt, step())) {
        this.listener.persist();
        this.listener.objects();
      }
    });
  }

  /** What the engine held before the run (never the learner's doing). */
  async snapshot(): Promise<void> {
    const reader = this.io.reader();
    if (!reader) return this.io.engineAway(null);
    try {
      this.attribution.before = await snapshotBeforeRun(reader);
    } catch (error) {
      this.io.engineAway(messageOf(error));
    }
  }

  /** Adopt what appeared without events (BuildKit images, a gap in the stream). */
  async reconcile(step: number): Promise<void> {
    const reader = this.io.reader();
    if (!reader) return;
    if (await this.attribution.reconcile(reader, this.io.startedAt, step)) this.listener.persist();
  }

  private chain(work: () => Promise<void>): void {
    this.pending = this.pending.then(work).catch(() => undefined);
  }
}

/**
 * The engine half of a lesson run's reads: a reader over the connected engine, and what a run
 * does without one. A Docker lesson waits for the engine (its checks are on hold); a Kubernetes
 * lesson goes on — its cluster, command and file checks count, and only its Docker checks read
 * a reader that says the engine is not reachable.
 */
import { EngineReader, type CallCounter, type Died } from '../checks/engine-reader';
import type { LessonRunOptions } from './lesson-run-options';

export class RunEngine {
  constructor(
    private readonly context: LessonRunOptions['context'],
    readonly counter: CallCounter,
    private readonly died: ReadonlyMap<string, Died>,
    /** True for a Kubernetes lesson: the run does not need the engine. */
    readonly optional: boolean,
  ) {}

  /** A reader over the connected engine, or null when none is connected. */
  reader(): EngineReader | null {
    const docker = this.context.engine.connected?.docker;
    return docker ? new EngineReader(docker, this.counter, 5000, this.died, this.context.containers) : null;
  }

  /** The reader for one evaluation pass: null only when the run must wait for the engine. */
  readerForPass(): EngineReader | null {
    return this.reader() ?? (this.optional ? EngineReader.unreachable(this.awayMessage('not connected'), this.counter) : null);
  }

  /** Why there is no reader: the engine's own error, or `otherwise` while it is still connecting. */
  awayMessage(otherwise: string): string {
    const status = this.context.engine.status;
    return status.state === 'unreachable' ? status.error : otherwise;
  }
}

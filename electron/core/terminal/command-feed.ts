/**
 * Commands the learner finished in any terminal, as shell integration reports them. The terminal
 * sessions publish here; the lesson runner (the `command` check kind, failed-command feedback)
 * listens here. Neither knows about the other.
 */
import { Listeners } from '../util/listeners';

export interface FinishedCommand {
  /** The terminal session the command ran in. */
  sessionId: string;
  /** The exact command line, as the shell saw it. */
  line: string;
  /** null when the shell did not report one (e.g. the command was interrupted oddly). */
  exitCode: number | null;
  cwd: string | null;
  /** Unix ms. */
  startedAt: number;
  endedAt: number;
}

export class CommandFeed {
  private readonly listeners = new Listeners<FinishedCommand>();
  private readonly recent: FinishedCommand[] = [];

  constructor(private readonly capacity = 500) {}

  publish(command: FinishedCommand): void {
    this.recent.push(command);
    if (this.recent.length > this.capacity) this.recent.shift();
    this.listeners.emit(command);
  }

  subscribe(listener: (command: FinishedCommand) => void): () => void {
    return this.listeners.add(listener);
  }

  /** Commands that ended at or after `sinceMs`, oldest first. */
  since(sinceMs: number): FinishedCommand[] {
    return this.recent.filter((c) => c.endedAt >= sinceMs);
  }
}

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
  /** Session id -> when its running command started (unix ms). */
  private readonly running = new Map<string, number>();

  constructor(private readonly capacity = 500) {}

  /** A session began running a command; it counts as running until `publish` or `ended`. */
  started(sessionId: string, at = Date.now()): void {
    this.running.set(sessionId, at);
  }

  /** The session's shell went away: whatever it ran did not finish in a way we can report. */
  ended(sessionId: string): void {
    this.running.delete(sessionId);
  }

  /** True while a command that started at or after `sinceMs` is still running in some terminal. */
  runningSince(sinceMs: number): boolean {
    for (const at of this.running.values()) if (at >= sinceMs) return true;
    return false;
  }

  /** True when the learner started a command at or after `sinceMs` (finished or still running). */
  startedSince(sinceMs: number): boolean {
    return this.runningSince(sinceMs) || this.recent.some((c) => c.startedAt >= sinceMs);
  }

  publish(command: FinishedCommand): void {
    this.running.delete(command.sessionId);
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

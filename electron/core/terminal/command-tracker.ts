/**
 * Turns one session's shell-integration marks into finished commands: the command line (E), when
 * it started (C), how it ended (D) and the directory it ran in (the last P;Cwd before it). The
 * output between C and D is kept (its tail only) so a failed docker command can be explained.
 */
import type { ParsedOutput } from './osc633-parser';

export interface TrackedCommand {
  line: string;
  exitCode: number | null;
  cwd: string | null;
  startedAt: number;
  endedAt: number;
  /** The last few KB the command printed, escape sequences and all. */
  outputTail: string;
}

/** Enough for the error lines docker prints; bounded so a flood cannot grow it. */
const OUTPUT_TAIL_CHARS = 8 * 1024;

export class CommandTracker {
  private cwd: string | null = null;
  private pendingLine: string | null = null;
  private running: { line: string; cwd: string | null; startedAt: number; output: string } | null = null;
  private seenIntegration = false;

  constructor(
    private readonly onFinished: (command: TrackedCommand) => void,
    private readonly now: () => number = Date.now,
    /** The shell began running a command (its line, when known). */
    private readonly onStarted: (line: string) => void = () => undefined,
  ) {}

  /** True once the shell has sent any mark: its integration script is live. */
  get active(): boolean {
    return this.seenIntegration;
  }

  get currentCwd(): string | null {
    return this.cwd;
  }

  /** The command running now, if any (its line). */
  get runningLine(): string | null {
    return this.running?.line ?? null;
  }

  consume(pieces: ParsedOutput['pieces']): void {
    for (const piece of pieces) {
      if ('text' in piece) {
        if (this.running) this.running.output = (this.running.output + piece.text).slice(-OUTPUT_TAIL_CHARS);
        continue;
      }
      this.seenIntegration = true;
      const mark = piece.mark;
      switch (mark.kind) {
        case 'commandLine':
          this.pendingLine = mark.line;
          break;
        case 'commandExecuted':
          this.running = { line: this.pendingLine ?? '', cwd: this.cwd, startedAt: this.now(), output: '' };
          this.pendingLine = null;
          this.onStarted(this.running.line);
          break;
        case 'commandFinished':
          if (this.running) {
            const { line, cwd, startedAt, output } = this.running;
            this.running = null;
            this.onFinished({ line, exitCode: mark.exitCode, cwd, startedAt, endedAt: this.now(), outputTail: output });
          }
          break;
        case 'property':
          if (mark.key === 'Cwd') this.cwd = mark.value;
          break;
        case 'promptStart':
        case 'promptEnd':
          break;
      }
    }
  }

  /** The shell went away: a command still running did not finish in a way we can report. */
  reset(): void {
    this.running = null;
    this.pendingLine = null;
  }
}

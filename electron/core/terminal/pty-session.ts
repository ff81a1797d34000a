/**
 * One terminal: a pty running the learner's shell, with its output batched and flow-controlled
 * on the way out, its input chunked on the way in, and shell-integration marks taken out of the
 * stream and turned into finished commands. Knows nothing of clients or the contract: the
 * service wires its callbacks.
 */
import * as pty from 'node-pty';
import { CommandTracker, type TrackedCommand } from './command-tracker';
import { DEFAULT_FLOW_LIMITS, FlowControl, validateFlowLimits, type FlowControlLimits } from './flow-control';
import { InputChunker } from './input-chunker';
import { Osc633Parser } from './osc633-parser';
import { OutputBatcher } from './output-batcher';
import { exitedLine, notice } from './pane-text';
import type { IntegratedShell } from './shell-integration';

/** Everything one start of the shell needs; asked for afresh on every (re)start. */
export interface SpawnPlan {
  shell: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  integration: IntegratedShell | null;
  nonce: string | null;
  dockerHost: string | null;
  /** The DOCKER_HOST of the session's engine proxy, when it has one. */
  engineProxy: string | null;
  /** Shown in the pane before the shell's own output (a missing $SHELL, a workspace that failed). */
  notices: string[];
  /** The shell to try when this one dies at once; null when this already is the last resort. */
  fallbackShell: string | null;
}

export interface SessionCallbacks {
  data(data: string): void;
  exit(exitCode: number, signal: number | null): void;
  started(): void;
  /** The shell began running a command line the learner entered. */
  commandStarted?(): void;
  command(command: TrackedCommand): void;
}

export interface PtySessionOptions {
  id: string;
  lessonId: string | null;
  cols: number;
  rows: number;
  plan: () => Promise<SpawnPlan>;
  callbacks: SessionCallbacks;
  flowLimits?: FlowControlLimits;
}

/** A shell that dies this soon after starting, with an error, did not really start. */
const EARLY_EXIT_MS = 1000;
/** After SIGHUP, how long a shell may take before it is killed outright. */
const KILL_GRACE_MS = 1500;

export class PtySession {
  readonly id: string;
  readonly lessonId: string | null;
  private process: pty.IPty | null = null;
  private plan: SpawnPlan | null = null;
  private startedAt = 0;
  /** Whether the learner typed into this shell: then an early exit was theirs (`exit 3`). */
  private typed = false;
  private exitCode: number | null = null;
  private disposed = false;
  private cols: number;
  private rows: number;
  private readonly batcher: OutputBatcher;
  private readonly flow: FlowControl;
  private readonly input: InputChunker;
  private tracker: CommandTracker;
  private parser: Osc633Parser | null = null;
  private starting: Promise<void> | null = null;

  constructor(private readonly options: PtySessionOptions) {
    this.id = options.id;
    this.lessonId = options.lessonId;
    this.cols = clampSize(options.cols);
    this.rows = clampSize(options.rows);
    const limits = options.flowLimits ?? DEFAULT_FLOW_LIMITS;
    validateFlowLimits(limits);
    this.flow = new FlowControl({ pause: () => this.process?.pause(), resume: () => this.process?.resume() }, limits);
    this.batcher = new OutputBatcher((data) => {
      this.flow.sent(data.length);
      options.callbacks.data(data);
    });
    this.input = new InputChunker((chunk) => this.process?.write(chunk));
    this.tracker = this.newTracker();
  }

  /** Starts the shell; resolves once it runs (or a fallback does). */
  start(): Promise<void> {
    this.starting ??= this.spawn().finally(() => (this.starting = null));
    return this.starting;
  }

  get info() {
    return {
      id: this.id,
      lessonId: this.lessonId,
      shell: this.plan?.shell ?? '',
      cwd: this.plan?.cwd ?? '',
      pid: this.process?.pid ?? null,
      running: this.process !== null,
      exitCode: this.exitCode,
      integration: this.plan?.integration ?? null,
      dockerHost: this.plan?.dockerHost ?? null,
      engineProxy: this.plan?.engineProxy ?? null,
      cols: this.cols,
      rows: this.rows,
    };
  }

  /** The learner typed or pasted. After the shell exited, Enter starts it again. */
  write(data: string): void {
    if (this.disposed) return;
    if (this.process) {
      this.typed = true;
      this.input.push(data);
    } else if (this.exitCode !== null && /[\r\n]/.test(data)) {
      void this.start();
    }
  }

  acknowledge(chars: number): void {
    this.flow.acknowledged(chars);
  }

  resize(cols: number, rows: number): void {
    this.cols = clampSize(cols);
    this.rows = clampSize(rows);
    try {
      this.process?.resize(this.cols, this.rows);
    } catch {
      // The pty may have exited between the check and the call: its size no longer matters.
    }
  }

  /** End the shell for good: it does not come back on Enter. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.input.dispose();
    this.batcher.dispose();
    this.terminate();
  }

  /** End the shell (if running) and start a new one in the same pane. */
  async restart(): Promise<void> {
    if (this.starting) await this.starting;
    this.terminate();
    await this.start();
  }

  private newTracker(): CommandTracker {
    return new CommandTracker(
      (command) => {
        this.batcher.flush();
        this.options.callbacks.command(command);
      },
      Date.now,
      () => this.options.callbacks.commandStarted?.(),
    );
  }

  private async spawn(): Promise<void> {
    const plan = await this.options.plan();
    if (this.disposed) return;
    this.plan = plan;
    this.exitCode = null;
    this.flow.reset();
    this.tracker = this.newTracker();
    this.parser = plan.nonce ? new Osc633Parser(plan.nonce) : null;
    for (const message of plan.notices) this.batcher.push(notice(message));
    this.launch(plan);
    this.options.callbacks.started();
  }

  private launch(plan: SpawnPlan): void {
    const child = pty.spawn(plan.shell, plan.args, {
      name: 'xterm-256color',
      cols: this.cols,
      rows: this.rows,
      cwd: plan.cwd,
      env: plan.env,
    });
    this.process = child;
    this.startedAt = Date.now();
    this.typed = false;
    const parser = this.parser;
    const tracker = this.tracker;
    child.onData((data) => {
      if (this.process !== child) return;
      if (parser) {
        // In stream order, so a finished command is reported after the output it printed.
        for (const piece of parser.push(data).pieces) {
          if ('text' in piece) this.batcher.push(piece.text);
          tracker.consume([piece]);
        }
      } else {
        this.batcher.push(data);
      }
    });
    child.onExit(({ exitCode, signal }) => {
      if (this.process !== child) return; // a shell we already replaced or killed
      this.process = null;
      this.handleExit(plan, exitCode, signal ? signal : null); // node-pty reports 0 for "no signal"
    });
  }

  private handleExit(plan: SpawnPlan, exitCode: number, signal: number | null): void {
    this.tracker.reset();
    if (this.disposed) return;
    const early = !this.typed && Date.now() - this.startedAt < EARLY_EXIT_MS && (exitCode !== 0 || signal);
    if (early && plan.fallbackShell) {
      // Never a blank pane: the shell could not start, so say why and start one that can.
      const fallback: SpawnPlan = {
        ...plan,
        shell: plan.fallbackShell,
        args: [],
        integration: null,
        nonce: null,
        notices: [`${plan.shell} exited at once (code ${exitCode}); starting ${plan.fallbackShell} instead.`],
        fallbackShell: null,
      };
      this.plan = fallback;
      this.parser = null;
      for (const message of fallback.notices) this.batcher.push(notice(message));
      this.launch(fallback);
      this.options.callbacks.started();
      return;
    }
    this.exitCode = exitCode;
    this.batcher.push(exitedLine(exitCode, signal));
    this.batcher.flush();
    this.flow.reset();
    this.options.callbacks.exit(exitCode, signal);
  }

  private terminate(): void {
    const child = this.process;
    this.process = null;
    this.tracker.reset();
    if (!child) return;
    const pid = child.pid;
    try {
      child.kill(); // SIGHUP: the shell passes it on to its jobs, like closing a terminal window
    } catch {
      // Already gone.
    }
    // A shell that ignores SIGHUP (or a job stuck in the kernel) must still not outlive its pane.
    const timer = setTimeout(() => {
      try {
        process.kill(pid, 0);
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone, as it should be.
      }
    }, KILL_GRACE_MS);
    timer.unref();
  }
}

function clampSize(n: number): number {
  return Number.isFinite(n) ? Math.max(1, Math.min(1000, Math.floor(n))) : 80;
}

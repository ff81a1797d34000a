/**
 * Flow control between a pty and the xterm that renders it, as VS Code's integrated terminal
 * does it: core counts the characters it sent, the renderer acknowledges characters once xterm's
 * `write` callback confirms it parsed them, and the pty is paused while too much is in flight.
 * Without this a `yes` floods the renderer faster than xterm can parse, memory grows without
 * bound and Ctrl-C takes seconds to show.
 */
import { TERMINAL_ACK_BATCH_CHARS, TERMINAL_FLOW } from '../contract/protocol';

export interface FlowControlLimits {
  /** Pause the pty once more than this many characters are unacknowledged. */
  highWatermark: number;
  /** Resume it once fewer than this many are unacknowledged. */
  lowWatermark: number;
  /** The renderer acknowledges in batches of this many characters. */
  ackBatch: number;
  /**
   * Hold what is in flight to about what the renderer parses in `windowMs`, measured from its
   * acknowledgements while the pty is held back, between `minHighWatermark` and the high mark
   * (the low mark keeps its ratio to the high one). Ctrl-C then shows within about `windowMs`
   * whatever the output: a `cat` of a log parses ~3x faster per character than `yes`.
   */
  adaptive?: { windowMs: number; minHighWatermark: number };
}

/**
 * VS Code pauses at 100 000 and resumes at 5 000; here a batch is acknowledged only once xterm
 * parsed it, so at most the high mark is in flight per round trip and low marks left xterm idle.
 * The window therefore holds about 200 ms of what this renderer parses, 4 MB at most, so Ctrl-C
 * shows quickly whatever the output (`npm run bench` measures throughput and Ctrl-C, and prints
 * the figures the limits were chosen from). A terminal in a background tab is held lower still
 * by its acks (the renderer's AckBatcher). The numbers live in the contract: both sides use them.
 */
export const DEFAULT_FLOW_LIMITS: FlowControlLimits = {
  highWatermark: TERMINAL_FLOW.highWatermark,
  lowWatermark: TERMINAL_FLOW.lowWatermark,
  ackBatch: TERMINAL_ACK_BATCH_CHARS,
  adaptive: { ...TERMINAL_FLOW.adaptive },
};

/** How long acknowledgements are counted before they update the measured rate. */
const RATE_SAMPLE_MS = 100;

export interface Pausable {
  pause(): void;
  resume(): void;
}

/**
 * Refuses limits that can leave a terminal paused forever. The renderer holds back up to
 * `ackBatch - 1` characters it has not acknowledged yet; if that remainder can be at or above the
 * low watermark, a paused pty never sees enough acks to resume, and no new output arrives that
 * would produce more acks: the known VS Code failure.
 */
export function validateFlowLimits(limits: FlowControlLimits): void {
  const { highWatermark, lowWatermark, ackBatch, adaptive } = limits;
  if (!(lowWatermark > 0 && highWatermark > lowWatermark)) {
    throw new RangeError(`flow control needs 0 < low (${lowWatermark}) < high (${highWatermark})`);
  }
  // An adaptive window can shrink to its minimum: the rule must hold for the smallest low mark.
  const smallestLow = adaptive ? Math.floor((adaptive.minHighWatermark * lowWatermark) / highWatermark) : lowWatermark;
  if (adaptive && !(adaptive.windowMs > 0 && adaptive.minHighWatermark > 0 && adaptive.minHighWatermark <= highWatermark)) {
    throw new RangeError(`an adaptive window needs 0 < minimum (${adaptive.minHighWatermark}) <= high (${highWatermark})`);
  }
  if (!(ackBatch > 0 && ackBatch <= smallestLow)) {
    throw new RangeError(
      `the ack batch (${ackBatch}) must not exceed the low watermark (${smallestLow}), or a paused terminal can stay paused forever`,
    );
  }
}

/** The state machine itself; callers check their limits with `validateFlowLimits` first. */
export class FlowControl {
  private unacked = 0;
  private pausedNow = false;
  private high: number;
  private low: number;
  /** Acknowledgements since `sampleStart`, and whether the pty was held back meanwhile. */
  private sampleStart: number;
  private sampleChars = 0;
  private sampleHeldBack = false;
  /** Characters per ms the renderer was measured to parse; null before the first measure. */
  private rate: number | null = null;

  constructor(
    private readonly target: Pausable,
    private readonly limits: FlowControlLimits = DEFAULT_FLOW_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    // Until measured, start between the bounds: a flood reaches the top in a few samples.
    this.high = limits.adaptive
      ? Math.max(limits.adaptive.minHighWatermark, Math.min(limits.highWatermark, 1_000_000))
      : limits.highWatermark;
    this.low = this.lowFor(this.high);
    this.sampleStart = now();
  }

  /** Core sent `chars` characters to the renderer. */
  sent(chars: number): void {
    this.unacked += chars;
    if (!this.pausedNow && this.unacked > this.high) {
      this.pausedNow = true;
      this.sampleHeldBack = true;
      this.target.pause();
    }
  }

  /** The renderer confirmed that xterm parsed `chars` characters. */
  acknowledged(chars: number): void {
    if (!Number.isFinite(chars) || chars <= 0) return;
    // An ack can never be for more than was sent; a late ack from before a reset must not drive
    // the count negative and so let the next flood through unchecked.
    this.unacked = Math.max(0, this.unacked - chars);
    this.measure(chars);
    if (this.pausedNow && this.unacked < this.low) {
      this.pausedNow = false;
      this.target.resume();
    }
  }

  /** The high mark in use now (the adaptive window's current size). */
  get highWatermark(): number {
    return this.high;
  }

  /**
   * Only samples in which the pty was held back say how fast the renderer can go; a slow
   * producer (a log trickling) says nothing, and leaves the window as it was.
   */
  private measure(chars: number): void {
    const adaptive = this.limits.adaptive;
    if (!adaptive) return;
    this.sampleChars += chars;
    const now = this.now();
    const elapsed = now - this.sampleStart;
    if (elapsed < RATE_SAMPLE_MS) return;
    if (this.sampleHeldBack) {
      const rate = this.sampleChars / elapsed;
      this.rate = this.rate === null ? rate : (this.rate + rate) / 2;
      this.high = Math.round(
        Math.max(adaptive.minHighWatermark, Math.min(this.limits.highWatermark, this.rate * adaptive.windowMs)),
      );
      this.low = this.lowFor(this.high);
    }
    this.sampleStart = now;
    this.sampleChars = 0;
    this.sampleHeldBack = this.pausedNow;
  }

  private lowFor(high: number): number {
    return Math.floor((high * this.limits.lowWatermark) / this.limits.highWatermark);
  }

  /** Forget what is in flight (the shell restarted, or nobody is rendering any more). */
  reset(): void {
    this.unacked = 0;
    if (this.pausedNow) {
      this.pausedNow = false;
      this.target.resume();
    }
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  get unacknowledged(): number {
    return this.unacked;
  }
}

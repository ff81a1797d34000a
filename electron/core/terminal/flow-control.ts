/**
 * Flow control between a pty and the xterm that renders it, as VS Code's integrated terminal
 * does it: core counts the characters it sent, the renderer acknowledges characters once xterm's
 * `write` callback confirms it parsed them, and the pty is paused while too much is in flight.
 * Without this a `yes` floods the renderer faster than xterm can parse, memory grows without
 * bound and Ctrl-C takes seconds to show.
 */

export interface FlowControlLimits {
  /** Pause the pty once more than this many characters are unacknowledged. */
  highWatermark: number;
  /** Resume it once fewer than this many are unacknowledged. */
  lowWatermark: number;
  /** The renderer acknowledges in batches of this many characters. */
  ackBatch: number;
}

/**
 * VS Code pauses at 100 000 and resumes at 5 000. Here that left xterm idle much of the time: a
 * batch is acknowledged only once xterm parsed it, so at most the high mark is in flight per
 * round trip (ack -> core -> pty -> batch -> socket -> xterm), and with a low mark of 5 000 the
 * whole pipe drained before each resume. Measured in headless Chromium: ~4 MB/s at 100K/5K,
 * ~8 at 200K/100K; 500K/250K gained little more and made keystroke echo beside a flood slower.
 * The high mark stays well under the ~500 KB the xterm.js guide allows, so Ctrl-C keeps responding.
 */
export const DEFAULT_FLOW_LIMITS: FlowControlLimits = { highWatermark: 200_000, lowWatermark: 100_000, ackBatch: 5_000 };

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
  const { highWatermark, lowWatermark, ackBatch } = limits;
  if (!(lowWatermark > 0 && highWatermark > lowWatermark)) {
    throw new RangeError(`flow control needs 0 < low (${lowWatermark}) < high (${highWatermark})`);
  }
  if (!(ackBatch > 0 && ackBatch <= lowWatermark)) {
    throw new RangeError(
      `the ack batch (${ackBatch}) must not exceed the low watermark (${lowWatermark}), or a paused terminal can stay paused forever`,
    );
  }
}

/** The state machine itself; callers check their limits with `validateFlowLimits` first. */
export class FlowControl {
  private unacked = 0;
  private pausedNow = false;

  constructor(
    private readonly target: Pausable,
    private readonly limits: FlowControlLimits = DEFAULT_FLOW_LIMITS,
  ) {}

  /** Core sent `chars` characters to the renderer. */
  sent(chars: number): void {
    this.unacked += chars;
    if (!this.pausedNow && this.unacked > this.limits.highWatermark) {
      this.pausedNow = true;
      this.target.pause();
    }
  }

  /** The renderer confirmed that xterm parsed `chars` characters. */
  acknowledged(chars: number): void {
    if (!Number.isFinite(chars) || chars <= 0) return;
    // An ack can never be for more than was sent; a late ack from before a reset must not drive
    // the count negative and so let the next flood through unchecked.
    this.unacked = Math.max(0, this.unacked - chars);
    if (this.pausedNow && this.unacked < this.limits.lowWatermark) {
      this.pausedNow = false;
      this.target.resume();
    }
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

/**
 * The renderer's half of flow control: count the characters xterm confirmed in its `write`
 * callbacks and acknowledge them to core in batches (one request per TERMINAL_ACK_BATCH_CHARS,
 * the contract's number that core checks its flow limits against, not one per write). Whatever is left below a batch is sent once output goes quiet, so a paused pty can
 * never wait forever for an ack that would only come with more output.
 *
 * A terminal in a background tab acknowledges at most BACKGROUND_ACK_CHARS every
 * BACKGROUND_ACK_MS (~1 MB/s): its pty then spends most of the time paused by flow control, so a
 * `yes` flooding a tab nobody looks at cannot take the page's main thread from the terminal the
 * learner is typing in. What it holds back is acknowledged in later intervals, so its output is
 * only slowed, never stuck, and it catches up the moment its tab is shown.
 */
import { TERMINAL_ACK_BATCH_CHARS } from '@contract/protocol';

export const ACK_IDLE_MS = 50;
export const BACKGROUND_ACK_MS = 250;
export const BACKGROUND_ACK_CHARS = 256_000;

export class AckBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private background = false;

  constructor(
    private readonly send: (chars: number) => void,
    private readonly batch = TERMINAL_ACK_BATCH_CHARS,
    private readonly idleMs = ACK_IDLE_MS,
    private readonly backgroundMs = BACKGROUND_ACK_MS,
    private readonly backgroundChars = BACKGROUND_ACK_CHARS,
  ) {}

  /** xterm parsed `chars` more characters. */
  written(chars: number): void {
    this.pending += chars;
    if (this.background) {
      this.timer ??= setTimeout(() => this.backgroundTick(), this.backgroundMs);
      return;
    }
    if (this.pending >= this.batch) {
      this.flush();
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.idleMs);
  }

  /** The terminal's tab was hidden (true) or shown again (false). */
  setBackground(background: boolean): void {
    if (this.background === background) return;
    this.background = background;
    if (!background) this.flush(); // shown: catch up at once
  }

  /** One capped ack per interval while hidden, until nothing is held back. */
  private backgroundTick(): void {
    this.timer = null;
    if (!this.background) return;
    const chars = Math.min(this.pending, this.backgroundChars);
    this.pending -= chars;
    if (chars > 0) this.send(chars);
    if (this.pending > 0) this.timer = setTimeout(() => this.backgroundTick(), this.backgroundMs);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === 0) return;
    const chars = this.pending;
    this.pending = 0;
    this.send(chars);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = 0;
  }
}

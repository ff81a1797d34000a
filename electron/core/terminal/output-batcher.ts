/**
 * Batches a session's output for a few milliseconds before it crosses to the renderer: a `cat`
 * of a big file produces thousands of small pty reads, and one message per read would cost more
 * than the data. A batch that grows large goes out at once so memory stays bounded.
 *
 * The first output after a quiet spell goes out at once (a keystroke's echo, the first read
 * after flow control resumed the pty): waiting would only add the delay to echo latency and to
 * every pause/resume round trip. Only output that follows closely is held and joined.
 */
export interface OutputBatcherOptions {
  /** How long output may wait to be joined with more (VS Code: ~5 ms). */
  delayMs: number;
  /** Flush immediately once this many characters are waiting. */
  maxChars: number;
}

export const DEFAULT_BATCH: OutputBatcherOptions = { delayMs: 5, maxChars: 64 * 1024 };

export class OutputBatcher {
  private parts: string[] = [];
  private size = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deliver: (data: string) => void,
    private readonly options: OutputBatcherOptions = DEFAULT_BATCH,
  ) {}

  push(data: string): void {
    if (data === '') return;
    this.parts.push(data);
    this.size += data.length;
    if (this.size >= this.options.maxChars) this.flush();
    else if (this.timer === null && performance.now() - this.lastFlush >= this.options.delayMs) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.delayMs);
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.size === 0) return;
    this.lastFlush = performance.now();
    const data = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.deliver(data);
  }

  /** Drop anything waiting (the session is gone). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.parts = [];
    this.size = 0;
  }
}

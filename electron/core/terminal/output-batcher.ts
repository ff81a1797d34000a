/**
 * Batches a session's output before it crosses to the renderer: a `cat` of a big file produces
 * thousands of small pty reads, and one message per read would cost more than the data.
 *
 * The first output after a quiet spell goes out at once (a keystroke's echo, the first read
 * after flow control resumed the pty): waiting would only add the delay to echo latency and to
 * every pause/resume round trip. Output that follows closely is held and joined for `delayMs`
 * (VS Code's ~5 ms). Once a batch came out big, the session is streaming (a `cat`, a build log):
 * then output is held for up to `streamDelayMs` and sent in batches of up to `maxChars`. Fewer,
 * larger batches are what let a browser keep up: each message and each frame xterm draws costs
 * the page the same whatever its size (`npm run bench` measures it and prints the runs that chose
 * these numbers).
 */
export interface OutputBatcherOptions {
  /** How long output may wait to be joined with more while the session is interactive. */
  delayMs: number;
  /** A batch at least this big means the session is streaming. */
  streamChars: number;
  /** How long output may wait while the session is streaming. */
  streamDelayMs: number;
  /** Flush immediately once this many characters are waiting. */
  maxChars: number;
}

export const DEFAULT_BATCH: OutputBatcherOptions = {
  delayMs: 5,
  streamChars: 64 * 1024,
  streamDelayMs: 50,
  maxChars: 1024 * 1024,
};

export class OutputBatcher {
  private parts: string[] = [];
  private size = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = Number.NEGATIVE_INFINITY;
  private lastFlushSize = 0;

  constructor(
    private readonly deliver: (data: string) => void,
    private readonly options: OutputBatcherOptions = DEFAULT_BATCH,
  ) {}

  push(data: string): void {
    if (data === '') return;
    this.parts.push(data);
    this.size += data.length;
    const delay = this.lastFlushSize >= this.options.streamChars ? this.options.streamDelayMs : this.options.delayMs;
    if (this.size >= this.options.maxChars) this.flush();
    else if (this.timer === null && performance.now() - this.lastFlush >= delay) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), delay);
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.size === 0) return;
    this.lastFlush = performance.now();
    this.lastFlushSize = this.size;
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

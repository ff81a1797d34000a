/**
 * The renderer's half of flow control: count the characters xterm confirmed in its `write`
 * callbacks and acknowledge them to core in batches (one request per ~5000 characters, not one
 * per write). Whatever is left below a batch is sent once output goes quiet, so a paused pty can
 * never wait forever for an ack that would only come with more output.
 */
export const ACK_BATCH_CHARS = 5_000;
export const ACK_IDLE_MS = 50;

export class AckBatcher {
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (chars: number) => void,
    private readonly batch = ACK_BATCH_CHARS,
    private readonly idleMs = ACK_IDLE_MS,
  ) {}

  /** xterm parsed `chars` more characters. */
  written(chars: number): void {
    this.pending += chars;
    if (this.pending >= this.batch) {
      this.flush();
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.idleMs);
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

/**
 * Rate-limit a stream of states per key: at most one every `intervalMs`, the latest one
 * winning, and a final state sent at once. A pull emits hundreds of progress messages a
 * second; the UI needs a few.
 */
export class ProgressThrottle<T> {
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, { value: T; timer: NodeJS.Timeout }>();

  constructor(
    private readonly intervalMs: number,
    private readonly send: (value: T) => void,
  ) {}

  push(key: string, value: T): void {
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.value = value;
      return;
    }
    const since = Date.now() - (this.lastSent.get(key) ?? 0);
    if (since >= this.intervalMs) {
      this.emit(key, value);
      return;
    }
    const timer = setTimeout(() => {
      const entry = this.pending.get(key);
      this.pending.delete(key);
      if (entry) this.emit(key, entry.value);
    }, this.intervalMs - since);
    timer.unref?.();
    this.pending.set(key, { value, timer });
  }

  /** Send this state now, dropping any that waited. */
  flush(key: string, value: T): void {
    const waiting = this.pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.delete(key);
    this.emit(key, value);
    this.lastSent.delete(key);
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private emit(key: string, value: T): void {
    this.lastSent.set(key, Date.now());
    this.send(value);
  }
}

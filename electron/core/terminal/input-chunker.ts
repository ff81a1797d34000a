/**
 * Writes input to a pty in small pieces. A large paste written at once can overflow the tty's
 * input buffer (and some shells drop what does not fit); VS Code sends ~50 characters every ~5 ms.
 * Escape sequences (bracketed-paste markers, arrow keys) and surrogate pairs are never cut.
 */
import { atoms } from './escape-sequences';

export const INPUT_CHUNK_CHARS = 50;
export const INPUT_CHUNK_DELAY_MS = 5;

/** Cut `data` into chunks of at most `size` characters, keeping escape sequences whole. */
export function chunkInput(data: string, size = INPUT_CHUNK_CHARS): string[] {
  if (data.length <= size) return data === '' ? [] : [data];
  const chunks: string[] = [];
  let current = '';
  for (const atom of atoms(data)) {
    if (current.length > 0 && current.length + atom.length > size) {
      chunks.push(current);
      current = '';
    }
    current += atom;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Queues input for one pty so that chunks of successive writes keep their order. */
export class InputChunker {
  private queue: string[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (chunk: string) => void,
    private readonly delayMs = INPUT_CHUNK_DELAY_MS,
    private readonly size = INPUT_CHUNK_CHARS,
  ) {}

  push(data: string): void {
    const chunks = chunkInput(data, this.size);
    if (chunks.length === 0) return;
    if (this.queue.length === 0 && this.timer === null) {
      // Typing: the first chunk goes out now, so keystrokes see no delay at all.
      this.write(chunks.shift()!);
    }
    this.queue.push(...chunks);
    this.schedule();
  }

  get pending(): number {
    return this.queue.length;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
  }

  private schedule(): void {
    if (this.timer !== null || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const chunk = this.queue.shift();
      if (chunk !== undefined) this.write(chunk);
      this.schedule();
    }, this.delayMs);
  }
}

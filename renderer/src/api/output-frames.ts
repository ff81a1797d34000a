/**
 * Decodes the browser-mode output stream (layout beside OUTPUT_STREAM_PATH in the contract;
 * encoded by electron/web/output-frames.ts) from the chunks `fetch` hands over, which split
 * frames anywhere. Chunks are kept as they came and copied only when a frame spans several.
 */
export interface OutputFrame {
  id: string;
  data: string;
}

export class OutputFrameReader {
  private chunks: Uint8Array[] = [];
  /** Bytes of chunks[0] already consumed. */
  private offset = 0;
  private buffered = 0;
  private readonly text = new TextDecoder();

  /** Add a chunk; returns every frame it completed, in order. */
  push(chunk: Uint8Array): OutputFrame[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: OutputFrame[] = [];
    for (let frame = this.next(); frame; frame = this.next()) frames.push(frame);
    return frames;
  }

  /** Bytes held for a frame that is not complete yet. */
  get pending(): number {
    return this.buffered;
  }

  private next(): OutputFrame | null {
    if (this.buffered < 1) return null;
    const idLength = this.peek(1)[0]!;
    const headerLength = 1 + idLength + 4;
    if (this.buffered < headerLength) return null;
    const header = this.peek(headerLength);
    const dataLength = new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(1 + idLength);
    if (this.buffered < headerLength + dataLength) return null;
    this.take(headerLength);
    // Each frame is one whole string from core, so its bytes are whole UTF-8 sequences.
    return { id: this.text.decode(header.subarray(1, 1 + idLength)), data: this.text.decode(this.take(dataLength)) };
  }

  /** The next `count` buffered bytes, without consuming them (count <= buffered). */
  private peek(count: number): Uint8Array {
    const first = this.chunks[0]!;
    if (first.length - this.offset >= count) return first.subarray(this.offset, this.offset + count);
    return this.gather(count, false);
  }

  /** Consume the next `count` buffered bytes (count <= buffered). */
  private take(count: number): Uint8Array {
    const first = this.chunks[0];
    if (first && first.length - this.offset >= count) {
      const bytes = first.subarray(this.offset, this.offset + count);
      this.advance(count);
      return bytes;
    }
    return this.gather(count, true);
  }

  private gather(count: number, consume: boolean): Uint8Array {
    const out = new Uint8Array(count);
    let filled = 0;
    let index = 0;
    let offset = this.offset;
    while (filled < count) {
      const chunk = this.chunks[index]!;
      const piece = chunk.subarray(offset, Math.min(chunk.length, offset + count - filled));
      out.set(piece, filled);
      filled += piece.length;
      index++;
      offset = 0;
    }
    if (consume) this.advance(count);
    return out;
  }

  private advance(count: number): void {
    this.buffered -= count;
    while (count > 0) {
      const first = this.chunks[0]!;
      const left = first.length - this.offset;
      if (count < left) {
        this.offset += count;
        return;
      }
      count -= left;
      this.chunks.shift();
      this.offset = 0;
    }
  }
}

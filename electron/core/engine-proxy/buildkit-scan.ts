/**
 * BuildKit reports the image a build made in its Solve answer, inside the HTTP/2 stream of
 * `/grpc`: an ExporterResponse map whose entry `containerimage.digest` (engine 20.10's moby
 * exporter; newer engines add `containerimage.config.digest`) holds the image id. Protobuf
 * writes map keys and values as plain length-prefixed bytes and gRPC does not compress by
 * default, so the key and the digest right after it can be found in the raw bytes without
 * decoding HTTP/2. The bytes are only read, never changed or held back.
 */
const KEYS = [Buffer.from('containerimage.digest'), Buffer.from('containerimage.config.digest')];
/** A length byte or two between the key and its value. */
const DIGEST = /^[\s\S]{1,4}?(sha256:[0-9a-f]{64})/;
/** The longest key, its value's length prefix and the digest: what may straddle two chunks. */
const TAIL = 28 + 4 + 71;

export class BuildkitImageScan {
  private tail: Buffer = Buffer.alloc(0);
  private readonly seen = new Set<string>();

  constructor(private readonly found: (imageId: string) => void) {}

  data(chunk: Buffer): void {
    const window = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    for (const key of KEYS) {
      for (let at = window.indexOf(key); at >= 0; at = window.indexOf(key, at + 1)) {
        const after = window.subarray(at + key.length, at + key.length + 80).toString('latin1');
        const id = DIGEST.exec(after)?.[1];
        if (id && !this.seen.has(id)) {
          this.seen.add(id);
          this.found(id);
        }
      }
    }
    this.tail = window.subarray(Math.max(0, window.length - TAIL));
  }
}

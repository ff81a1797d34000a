/**
 * The browser-mode output stream's framing: whatever way `fetch` cuts the bytes, the page gets
 * back exactly the events core sent, in order, with multi-byte characters intact.
 */
import { describe, expect, it } from 'vitest';
import { encodeOutputFrame } from '../../electron/web/output-frames';
import { OutputFrameReader, type OutputFrame } from '../../renderer/src/api/output-frames';

const events: OutputFrame[] = [
  { id: 'a1b2c3d4-0000-4000-8000-000000000001', data: 'hello\r\n' },
  { id: 'a1b2c3d4-0000-4000-8000-000000000002', data: '' },
  { id: 'a1b2c3d4-0000-4000-8000-000000000001', data: '\x1b[31mred\x1b[0m — ünïcödé, 日本語, 🐳 whales\r\n' },
  { id: 'x', data: 'y'.repeat(70_000) },
];

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function decodeIn(bytes: Uint8Array, cuts: number[]): OutputFrame[] {
  const reader = new OutputFrameReader();
  const frames: OutputFrame[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    frames.push(...reader.push(bytes.subarray(start, cut)));
    start = cut;
  }
  expect(reader.pending).toBe(0);
  return frames;
}

describe('output stream frames', () => {
  const stream = concat(events.map((e) => new Uint8Array(encodeOutputFrame(e.id, e.data))));

  it('round-trips events delivered in one chunk', () => {
    expect(decodeIn(stream, [])).toEqual(events);
  });

  it('round-trips whatever the first cut, including inside headers and multi-byte characters', () => {
    const small = concat(events.slice(0, 3).map((e) => new Uint8Array(encodeOutputFrame(e.id, e.data))));
    for (let cut = 1; cut < small.length; cut++) {
      expect(decodeIn(small, [cut])).toEqual(events.slice(0, 3));
    }
  });

  it('round-trips byte by byte and in uneven chunks spanning frames', () => {
    const small = concat(events.slice(0, 3).map((e) => new Uint8Array(encodeOutputFrame(e.id, e.data))));
    expect(
      decodeIn(
        small,
        Array.from({ length: small.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(events.slice(0, 3));
    const cuts: number[] = [];
    for (let at = 7; at < stream.length; at += 4093) cuts.push(at);
    expect(decodeIn(stream, cuts)).toEqual(events);
  });

  it('holds an incomplete frame until its last byte comes', () => {
    const reader = new OutputFrameReader();
    const frame = new Uint8Array(encodeOutputFrame('id', 'complete'));
    expect(reader.push(frame.subarray(0, frame.length - 1))).toEqual([]);
    expect(reader.pending).toBe(frame.length - 1);
    expect(reader.push(frame.subarray(frame.length - 1))).toEqual([{ id: 'id', data: 'complete' }]);
  });

  it('refuses an id that cannot fit its length byte', () => {
    expect(() => encodeOutputFrame('i'.repeat(256), 'x')).toThrow(/does not fit/);
  });
});

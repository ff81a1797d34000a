import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputChunker, chunkInput } from '../../electron/core/terminal/input-chunker';
import { escapeSequenceLength, plainText } from '../../electron/core/terminal/escape-sequences';

describe('chunking input', () => {
  it('leaves short input whole and cuts long input into pieces of at most 50', () => {
    expect(chunkInput('ls -la\r')).toEqual(['ls -la\r']);
    const long = 'x'.repeat(120);
    const chunks = chunkInput(long);
    expect(chunks.map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunks.join('')).toBe(long);
  });

  it('never cuts an escape sequence or a surrogate pair', () => {
    const paste = `\x1b[200~${'a'.repeat(46)}\x1b[201~${'é🐳'.repeat(30)}\x1b[A\x1b]633;x\x07`;
    const chunks = chunkInput(paste, 50);
    expect(chunks.join('')).toBe(paste);
    for (const chunk of chunks) {
      // a chunk that holds ESC holds its whole sequence
      for (let i = chunk.indexOf('\x1b'); i !== -1; i = chunk.indexOf('\x1b', i + 1)) {
        expect(escapeSequenceLength(chunk, i), JSON.stringify(chunk)).not.toBeNull();
      }
      const last = chunk.charCodeAt(chunk.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
    }
    expect(chunks[0]).toBe(`\x1b[200~${'a'.repeat(44)}`);
  });
});

describe('the input queue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a keystroke at once and a paste in paced chunks, keeping order', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const queue = new InputChunker((c) => written.push(c), 5, 50);
    queue.push('l');
    expect(written).toEqual(['l']);
    queue.push('y'.repeat(120));
    expect(written.length).toBe(2);
    queue.push('\r');
    expect(written.length).toBe(2); // waits behind the paste
    vi.advanceTimersByTime(5);
    expect(written.length).toBe(3);
    vi.advanceTimersByTime(10);
    expect(written).toEqual(['l', 'y'.repeat(50), 'y'.repeat(50), 'y'.repeat(20), '\r']);
    expect(queue.pending).toBe(0);
  });
});

describe('plain text of terminal output', () => {
  it('drops colours and titles and applies carriage-return overwrites', () => {
    expect(plainText('\x1b]0;title\x07\x1b[1;31mError\x1b[0m: bad\r\nprogress 10%\rprogress 100%\r\n')).toBe(
      'Error: bad\nprogress 100%\n',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Osc633Parser, unescapeValue, type ShellMark } from '../../electron/core/terminal/osc633-parser';

const NONCE = 'n0nce';
const seq = (body: string, nonce = NONCE, end = '\x07') => `\x1b]633;${body};${nonce}${end}`;

function run(chunks: string[], nonce = NONCE) {
  const parser = new Osc633Parser(nonce);
  let text = '';
  const marks: ShellMark[] = [];
  const order: string[] = [];
  for (const chunk of chunks) {
    const out = parser.push(chunk);
    text += out.text;
    for (const piece of out.pieces) {
      if ('mark' in piece) {
        marks.push(piece.mark);
        order.push(`<${piece.mark.kind}>`);
      } else order.push(piece.text);
    }
  }
  return { text, marks, order: order.join('') };
}

const stream =
  `${seq('P;Cwd=/home/me')}${seq('A')}$ ` +
  `${seq('E;docker run --name web busybox\\x3b echo \\\\done')}${seq('C')}` +
  `\x1b[31merror\x1b[0m\r\n${seq('D;125')}${seq('P;Cwd=/tmp/a\\x20b')}${seq('A')}$ `;

describe('the OSC 633 parser', () => {
  it('takes our sequences out and keeps everything else in order', () => {
    const { text, marks, order } = run([stream]);
    expect(text).toBe('$ \x1b[31merror\x1b[0m\r\n$ ');
    expect(marks).toEqual([
      { kind: 'property', key: 'Cwd', value: '/home/me' },
      { kind: 'promptStart' },
      { kind: 'commandLine', line: 'docker run --name web busybox; echo \\done' },
      { kind: 'commandExecuted' },
      { kind: 'commandFinished', exitCode: 125 },
      { kind: 'property', key: 'Cwd', value: '/tmp/a b' },
      { kind: 'promptStart' },
    ]);
    expect(order).toBe(
      '<property><promptStart>$ <commandLine><commandExecuted>\x1b[31merror\x1b[0m\r\n<commandFinished><property><promptStart>$ ',
    );
  });

  it('gives the same result however the stream is cut into chunks', () => {
    const whole = run([stream]);
    for (let cut = 1; cut < stream.length; cut++) {
      const split = run([stream.slice(0, cut), stream.slice(cut)]);
      expect(split.text, `cut at ${cut}`).toBe(whole.text);
      expect(split.marks, `cut at ${cut}`).toEqual(whole.marks);
    }
    // and one character at a time
    const single = run([...stream]);
    expect(single.marks).toEqual(whole.marks);
    expect(single.text).toBe(whole.text);
  });

  it('leaves a sequence without our nonce to xterm: a program printing one cannot fake a command', () => {
    const forged = `${seq('E;rm -rf /', 'guess')}${seq('C', 'guess')}${seq('D;0', 'guess')}`;
    const { text, marks } = run([forged]);
    expect(marks).toEqual([]);
    expect(text).toBe(forged);
    const bare = '\x1b]633;D;0\x07';
    expect(run([bare]).text).toBe(bare);
  });

  it('accepts ST as the terminator, and D without an exit code', () => {
    const { marks, text } = run([`a${seq('D', NONCE, '\x1b\\')}b`]);
    expect(marks).toEqual([{ kind: 'commandFinished', exitCode: null }]);
    expect(text).toBe('ab');
  });

  it('passes other OSC sequences and a lone ESC through untouched', () => {
    const title = '\x1b]0;my title\x07\x1b]8;;http://x\x07link\x1b]8;;\x07';
    expect(run([title]).text).toBe(title);
    const parser = new Osc633Parser(NONCE);
    expect(parser.push('abc\x1b').text).toBe('abc'); // held: it may begin one of ours
    expect(parser.push('[0m').text).toBe('\x1b[0m');
  });

  it('gives up on an unterminated sequence that grows past any command line', () => {
    const parser = new Osc633Parser(NONCE);
    expect(parser.push('\x1b]633;E;').text).toBe('');
    const out = parser.push('x'.repeat(70 * 1024));
    expect(out.text.startsWith('\x1b]633;')).toBe(true);
    expect(out.text.length).toBe(6 + 2 + 70 * 1024);
  });

  it('unescapes \\xAB and \\\\', () => {
    expect(unescapeValue('a\\x3bb\\x0ac\\\\d\\x5c')).toBe('a;b\nc\\d\\');
  });
});

/**
 * Just enough of the VT grammar to treat escape sequences as atoms: pastes are chunked without
 * cutting one in half, and command output is turned into plain text for feedback.
 */

const ESC = '\x1b';
const BEL = '\x07';

/**
 * Length of the escape sequence starting at `start` (which must hold ESC), or null when the text
 * ends before the sequence does.
 */
export function escapeSequenceLength(text: string, start: number): number | null {
  const next = text[start + 1];
  if (next === undefined) return null;
  if (next === '[') {
    // CSI: parameter and intermediate bytes, then one final byte in @..~
    for (let i = start + 2; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x40 && code <= 0x7e) return i - start + 1;
      if (code < 0x20 || code > 0x3f) return i - start; // malformed: stop before the stray byte
    }
    return null;
  }
  if (next === ']' || next === 'P' || next === '_' || next === '^') {
    // OSC / DCS / APC / PM: a string ended by BEL or ST (ESC \)
    for (let i = start + 2; i < text.length; i++) {
      if (text[i] === BEL) return i - start + 1;
      if (text[i] === ESC) return text[i + 1] === undefined ? null : i - start + (text[i + 1] === '\\' ? 2 : 0);
    }
    return null;
  }
  if (next === 'O' || next === '(' || next === ')' || next === '#') {
    // SS3 and charset designations carry exactly one more byte
    return text[start + 2] === undefined ? null : 3;
  }
  return 2;
}

/** Splits text into atoms: whole escape sequences, surrogate pairs, or single characters. */
export function* atoms(text: string): Generator<string> {
  let i = 0;
  while (i < text.length) {
    let length = 1;
    const code = text.charCodeAt(i);
    if (text[i] === ESC) length = escapeSequenceLength(text, i) ?? text.length - i;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) length = 2;
    yield text.slice(i, i + length);
    i += length;
  }
}

// CSI, OSC/DCS strings, two-byte escapes, and the C0 controls other than \n and \t.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]P_^][\s\S]*?(?:\x07|\x1b\\)|\x1b[()#O]?.|[\x00-\x08\x0b-\x1f\x7f]/g;

/** Terminal output as plain text: escape sequences removed, carriage-return overwrites applied. */
export function plainText(output: string): string {
  return output
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      // A bare \r returns to the line start: what follows overwrote what came before.
      const segments = line.split('\r');
      return segments[segments.length - 1]!.replace(ANSI, '');
    })
    .join('\n');
}

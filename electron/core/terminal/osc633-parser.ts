/**
 * Finds shell-integration sequences (OSC 633, as VS Code defines them) in a pty's output stream
 * and takes them out of it, in order with the text around them.
 *
 * Our scripts end every sequence with the session's nonce as its last field:
 *   ESC ] 633 ; <kind> [; <arg>]* ; <nonce> BEL      (ST = ESC \ is accepted in place of BEL)
 * Only sequences carrying the nonce are consumed; anything else — a program that merely printed
 * an OSC 633, e.g. `cat` of a recorded session — is left in the stream for xterm, which ignores
 * it, and so cannot fake a finished command.
 */

export type ShellMark =
  | { kind: 'promptStart' } // A
  | { kind: 'promptEnd' } // B
  | { kind: 'commandExecuted' } // C
  | { kind: 'commandFinished'; exitCode: number | null } // D[;exit]
  | { kind: 'commandLine'; line: string } // E;<line>
  | { kind: 'property'; key: string; value: string }; // P;<key>=<value>

export interface ParsedOutput {
  /** The output with our sequences removed: what the renderer gets. */
  text: string;
  /** Text and marks in stream order, for the command tracker. */
  pieces: Array<{ text: string } | { mark: ShellMark }>;
}

const PREFIX = '\x1b]633;';
/** Longer than any command line a learner types; past this it is not one of ours. */
const MAX_SEQUENCE = 64 * 1024;

export class Osc633Parser {
  /** The start of a possible sequence that the last chunk cut off. */
  private carry = '';

  constructor(private readonly nonce: string) {}

  push(chunk: string): ParsedOutput {
    const data = this.carry + chunk;
    this.carry = '';
    const pieces: ParsedOutput['pieces'] = [];
    const kept: string[] = [];
    let from = 0;
    const keep = (text: string) => {
      if (text === '') return;
      kept.push(text);
      pieces.push({ text });
    };

    while (from < data.length) {
      const start = data.indexOf(PREFIX, from);
      if (start === -1) {
        // Hold back a tail that may be the beginning of a prefix cut by the chunk boundary.
        const hold = partialPrefixLength(data, from);
        keep(data.slice(from, data.length - hold));
        this.carry = data.slice(data.length - hold);
        break;
      }
      keep(data.slice(from, start));
      const end = findTerminator(data, start + PREFIX.length);
      if (end === null) {
        if (data.length - start > MAX_SEQUENCE) {
          // Not ours (ours are short): give it to xterm and move on.
          keep(data.slice(start, start + PREFIX.length));
          from = start + PREFIX.length;
          continue;
        }
        this.carry = data.slice(start);
        break;
      }
      const body = data.slice(start + PREFIX.length, end.bodyEnd);
      const mark = this.decode(body);
      if (mark) pieces.push({ mark });
      else keep(data.slice(start, end.next));
      from = end.next;
    }
    return { text: kept.join(''), pieces };
  }

  private decode(body: string): ShellMark | null {
    const fields = body.split(';');
    if (fields.length < 2 || fields[fields.length - 1] !== this.nonce) return null;
    const [kind, ...args] = fields.slice(0, -1).map(unescapeValue);
    switch (kind) {
      case 'A':
        return { kind: 'promptStart' };
      case 'B':
        return { kind: 'promptEnd' };
      case 'C':
        return { kind: 'commandExecuted' };
      case 'D': {
        const code = args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) : null;
        return { kind: 'commandFinished', exitCode: code };
      }
      case 'E':
        return { kind: 'commandLine', line: args[0] ?? '' };
      case 'P': {
        const property = args[0] ?? '';
        const eq = property.indexOf('=');
        if (eq <= 0) return null;
        return { kind: 'property', key: property.slice(0, eq), value: property.slice(eq + 1) };
      }
      default:
        return null;
    }
  }
}

/** Where the sequence body ends, and where the text after the terminator starts. */
function findTerminator(data: string, from: number): { bodyEnd: number; next: number } | null {
  for (let i = from; i < data.length; i++) {
    const c = data[i];
    if (c === '\x07') return { bodyEnd: i, next: i + 1 };
    if (c === '\x1b') {
      if (i + 1 >= data.length) return null;
      // ST ends it; any other ESC aborts the string, and the ESC begins something new.
      return data[i + 1] === '\\' ? { bodyEnd: i, next: i + 2 } : { bodyEnd: i, next: i };
    }
  }
  return null;
}

/** How many characters at the end of `data` (after `from`) are a proper prefix of PREFIX. */
function partialPrefixLength(data: string, from: number): number {
  const max = Math.min(PREFIX.length - 1, data.length - from);
  for (let n = max; n > 0; n--) {
    if (data.endsWith(PREFIX.slice(0, n))) return n;
  }
  return 0;
}

/** Reverses the scripts' escaping: `\xAB` is a byte given in hex, `\\` a backslash. */
export function unescapeValue(value: string): string {
  return value.replace(/\\(?:x([0-9a-fA-F]{2})|\\)/g, (_, hex: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : '\\',
  );
}

import { describe, expect, it } from 'vitest';
import { normaliseCommand, quoteNewlines } from '../../renderer/src/terminal/paste-text';

describe('what Run and Paste type', () => {
  it('normalises line ends and drops trailing newlines (Enter is sent on its own)', () => {
    expect(normaliseCommand('docker ps\n')).toBe('docker ps');
    expect(normaliseCommand('a \\\r\n  --flag\r\n\n')).toBe('a \\\n  --flag');
    expect(normaliseCommand('\n')).toBe('');
  });

  it('quotes newlines with Ctrl-V for a shell without bracketed paste, so nothing runs', () => {
    expect(quoteNewlines('echo a\necho b')).toBe('echo a\x16\necho b');
    expect(quoteNewlines('single')).toBe('single');
  });
});

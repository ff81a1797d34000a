/**
 * What Run and Paste type into the shell. With bracketed paste (bash 5.1+, zsh, fish enable it),
 * xterm wraps the text so the shell inserts it as one edit, newlines included, and nothing runs
 * until Enter. Without it, each newline would run a line at once — so Paste sends Ctrl-V before
 * each newline ("insert the next character literally" in readline, zle and the tty driver alike).
 */

/** Text as it should be inserted: CRLF normalised, trailing newlines dropped (Enter is separate). */
export function normaliseCommand(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** For a shell without bracketed paste: newlines quoted so they do not run anything. */
export function quoteNewlines(text: string): string {
  return text.replace(/\n/g, '\x16\n');
}

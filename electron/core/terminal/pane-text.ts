/** Lines Dockside itself writes into a terminal pane (never the shell's), styled apart from it. */

export function notice(message: string): string {
  return `\x1b[33m${message}\x1b[0m\r\n`;
}

export function exitedLine(exitCode: number, signal: number | null): string {
  const how = signal ? `signal ${signal}` : `code ${exitCode}`;
  return `\r\n\x1b[2m[process exited with ${how}] — press Enter to restart\x1b[0m\r\n`;
}

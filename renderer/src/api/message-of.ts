/** The message of anything a request or callback rejected with, for a toast or an error line. */
export function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

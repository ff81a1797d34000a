/**
 * An error core means to show: its message is written for the learner, and `code` is stable
 * so the UI may branch on it. Anything else that escapes a handler is reported as an internal
 * error without its stack.
 */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** The message of anything thrown, for places that must turn an unknown into text. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

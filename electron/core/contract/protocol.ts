/**
 * Numbers both sides of the contract must agree on, in one place: core enforces them and the
 * renderer works within them. Plain values only (the renderer imports this file at run time).
 */

/**
 * Terminal flow control (core's terminal/flow-control.ts): the pty pauses once more than the high
 * watermark of characters is unacknowledged and resumes below the low one; the renderer
 * acknowledges what xterm parsed in batches of TERMINAL_ACK_BATCH_CHARS (terminal/ack-batcher.ts).
 * Core refuses limits where a held-back batch could keep a paused terminal paused forever.
 */
export const TERMINAL_FLOW = {
  highWatermark: 4_000_000,
  lowWatermark: 2_000_000,
  /** The in-flight window adapts to ~windowMs of what the renderer parses, never below minHighWatermark. */
  adaptive: { windowMs: 200, minHighWatermark: 256_000 },
} as const;

/** The renderer acknowledges parsed terminal output in batches of this many characters. */
export const TERMINAL_ACK_BATCH_CHARS = 5_000;

/** An output frame's id length is one byte (see wire.ts): session ids must fit it. */
export const OUTPUT_FRAME_MAX_ID_BYTES = 255;

/** The largest WebSocket message browser mode accepts (a `terminal.input` paste is far smaller). */
export const MAX_SOCKET_MESSAGE_BYTES = 8 * 1024 * 1024;

/**
 * Tracks whose lessons work against a Kubernetes cluster: core gives their terminals the lesson
 * kubeconfig and tool homes, the renderer shows their namespace as the live tree.
 */
export const CLUSTER_TRACKS: readonly string[] = ['kubernetes', 'k9s', 'helm'];

/** A lesson id of a cluster track ("helm/charts" -> true). */
export function isClusterLessonId(lessonId: string): boolean {
  return CLUSTER_TRACKS.some((track) => lessonId.startsWith(`${track}/`));
}

/**
 * Reads one socket's terminal-output stream (browser mode; see OUTPUT_STREAM_PATH in the
 * contract) and hands each frame on. The stream lives and dies with its socket: if it ends while
 * the socket is still open, output was lost in between, so `onLost` is called and the caller
 * drops the socket — the app then reconnects and says so in each terminal, as for any lost link.
 */
import { OUTPUT_STREAM_PATH } from '@contract/wire';
import { OutputFrameReader, type OutputFrame } from './output-frames';

export function readOutputStream(key: string, onFrame: (frame: OutputFrame) => void, onLost: () => void): () => void {
  const abort = new AbortController();
  const read = async () => {
    const response = await fetch(`${OUTPUT_STREAM_PATH}?key=${encodeURIComponent(key)}`, {
      signal: abort.signal,
      cache: 'no-store',
    });
    if (!response.ok || !response.body) throw new Error(`the output stream answered ${response.status}`);
    const reader = response.body.getReader();
    const frames = new OutputFrameReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const frame of frames.push(value)) onFrame(frame);
    }
  };
  read().then(
    () => {
      if (!abort.signal.aborted) onLost();
    },
    () => {
      if (!abort.signal.aborted) onLost();
    },
  );
  return () => abort.abort();
}

/**
 * Image prefetch: before a lesson starts, make sure the engine has its images, pulling the
 * missing ones through the engine (never the docker CLI) so the UI can draw the engine's own
 * per-layer progress. Pulls are shared: two windows asking for one image join one pull.
 */
import type Docker from 'dockerode';
import { normaliseImageRef } from '../checks/image-ref';
import type { ImagePull } from '../contract';
import { CoreError, messageOf } from '../errors';
import { explainPullError } from './explain-pull-error';
import { applyPullMessage, failPull, finishPull, startPull, type PullMessage } from './pull-progress';
import { ProgressThrottle } from './progress-throttle';

/** How often one image's progress may go out; the final state always goes at once. */
const PROGRESS_INTERVAL_MS = 100;

interface ActivePull {
  state: ImagePull;
  stream: (NodeJS.ReadableStream & { destroy?: () => void }) | null;
  /** Settles once the engine said whether it has the image. */
  checked: Promise<void>;
}

export interface ImagePrefetcher {
  /** Each image's state now; the missing ones are being pulled (progress goes to `onProgress`). */
  prefetch(docker: Docker, images: string[]): Promise<ImagePull[]>;
  dispose(): void;
}

export function createImagePrefetcher(onProgress: (pull: ImagePull) => void): ImagePrefetcher {
  const active = new Map<string, ActivePull>();
  const throttle = new ProgressThrottle<ImagePull>(PROGRESS_INTERVAL_MS, onProgress);
  let disposed = false;

  const update = (ref: string, state: ImagePull, final = false) => {
    const pull = active.get(ref);
    if (pull) pull.state = state;
    if (final) {
      active.delete(ref);
      throttle.flush(ref, state);
    } else {
      throttle.push(ref, state);
    }
  };

  const pull = (docker: Docker, entry: ActivePull) => {
    const { ref } = entry.state;
    entry.state = startPull(entry.state.image, ref, Date.now());
    const fail = (message: string) => update(ref, failPull(entry.state, explainPullError(ref, message), Date.now()), true);
    docker.pull(ref).then(
      (stream: NodeJS.ReadableStream) => {
        if (disposed) return;
        entry.stream = stream;
        followPull(
          docker,
          stream,
          (message) => update(ref, applyPullMessage(entry.state, message)),
          (failure) => {
            if (disposed) return;
            if (failure) fail(failure);
            else update(ref, finishPull(entry.state, Date.now()), true);
          },
        );
      },
      (error: unknown) => {
        if (!disposed) fail(engineMessageOf(error));
      },
    );
    return entry.state;
  };

  const ensure = async (docker: Docker, image: string): Promise<ImagePull> => {
    const ref = normaliseImageRef(image);
    const running = active.get(ref);
    if (running) return running.checked.then(() => running.state);
    // Registered before the engine is asked, so a second caller joins instead of pulling twice.
    const entry: ActivePull = {
      state: { ...startPull(image, ref, Date.now()), phase: 'checking' },
      stream: null,
      checked: Promise.resolve(),
    };
    active.set(ref, entry);
    const present = isPresent(docker, ref);
    entry.checked = present.then(
      () => undefined,
      () => undefined,
    );
    try {
      if (await present) {
        active.delete(ref);
        return { ...entry.state, phase: 'present', fraction: 1, startedAt: null, finishedAt: Date.now() };
      }
    } catch (error) {
      active.delete(ref);
      throw error;
    }
    return pull(docker, entry);
  };

  return {
    prefetch: (docker, images) => Promise.all([...new Set(images)].map((image) => ensure(docker, image))),
    dispose() {
      disposed = true;
      throttle.dispose();
      for (const { stream } of active.values()) stream?.destroy?.();
      active.clear();
    },
  };
}

/** Follow a pull's progress messages to its end: `onEnd` gets the failure (the engine's words), or null. */
function followPull(
  docker: Docker,
  stream: NodeJS.ReadableStream,
  onMessage: (message: PullMessage) => void,
  onEnd: (failure: string | null) => void,
): void {
  let streamError: string | null = null;
  docker.modem.followProgress(
    stream,
    (error) => onEnd(streamError ?? (error ? messageOf(error) : null)),
    (message: PullMessage) => {
      if (message.error) streamError = message.errorDetail?.message ?? message.error;
      else onMessage(message);
    },
  );
}

async function isPresent(docker: Docker, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw new CoreError('ENGINE_ERROR', `Could not ask the engine about ${ref}: ${engineMessageOf(error)}`);
  }
}

/** docker-modem puts the engine's JSON `{ message }` in `json`; fall back to the error's own text. */
function engineMessageOf(error: unknown): string {
  const json = (error as { json?: { message?: string } | null }).json;
  if (json && typeof json.message === 'string') return json.message;
  return messageOf(error).replace(/^\(HTTP code \d+\)\s*[\w ]*-\s*/, '');
}

/**
 * The contract's images domain: a lesson's images pulled through the engine before it starts, with real progress.
 *
 * Part of THE contract (see index.ts): shared with the renderer, so free of Node and electron.
 */

import { z } from 'zod';

/**
 * checking: asking the engine whether it has the image · present: it had it already ·
 * pulling: the engine is pulling it · pulled: the pull finished · failed: missing and not pullable.
 */
export type ImagePullPhase = 'checking' | 'present' | 'pulling' | 'pulled' | 'failed';

/** One layer of a pull, as the engine's progress messages describe it. */
export interface ImageLayerPull {
  /** The layer's short id as the engine reports it (12 hex characters). */
  id: string;
  phase: 'waiting' | 'downloading' | 'verifying' | 'extracting' | 'done';
  /** The engine's own words: "Downloading", "Extracting", "Pull complete", "Already exists". */
  status: string;
  /** Bytes downloaded so far and the layer's download size (0 while the engine has not said). */
  downloaded: number;
  size: number;
  /** 0 to 1 for this layer: downloading counts three quarters, extracting the last quarter. */
  fraction: number;
}

export interface ImagePull {
  /** As the lesson names it, e.g. "busybox". */
  image: string;
  /** What is pulled, with its tag: "busybox:latest". */
  ref: string;
  phase: ImagePullPhase;
  /** In the order the engine announced them; empty for an image that was present. */
  layers: ImageLayerPull[];
  /** 0 to 1 over all layers known so far, weighted by their size; 1 once present or pulled. */
  fraction: number;
  /** Bytes downloaded and to download over the layers known so far. */
  downloaded: number;
  size: number;
  /** Set when failed: one paragraph for the learner, what went wrong and what to do. */
  error: string | null;
  /** Unix ms the pull began and ended (null while not begun or under way). */
  startedAt: number | null;
  finishedAt: number | null;
}

export interface ImagesRequests {
  /**
   * Make sure the engine has these images: the missing ones are pulled (a pull already under
   * way is joined, a failed one retried). Resolves at once with each image's state; progress
   * follows as `images.progress` events.
   */
  'images.prefetch': { params: { images: string[] }; result: ImagePull[] };
}

export interface ImagesEvents {
  /** One image's pull moved on (throttled to a few per second; the last state always arrives). */
  'images.progress': ImagePull;
}

/** The shape of a reference (`[registry[:port]/]path[:tag][@sha256:digest]`), checked before the engine sees it. */
const IMAGE_REFERENCE =
  /^(?:(?:localhost|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+)(?::[0-9]{1,5})?\/|[a-zA-Z0-9-]+:[0-9]{1,5}\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** An image reference as a request may name it. */
export const imageReference = z.string().max(255).regex(IMAGE_REFERENCE, 'is not an image name like busybox or busybox:1.36');

/** Each request's params, validated in core before its handler runs. */
export const imagesParams = {
  'images.prefetch': z
    .object({
      images: z.array(imageReference).min(1).max(20),
    })
    .strict(),
} satisfies { [N in keyof ImagesRequests]: z.ZodType };

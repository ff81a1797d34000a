/**
 * Make sure the engine has a lesson's images: asks core to prefetch them (pulling what is
 * missing) and follows `images.progress`. `retry` asks again, which restarts failed pulls.
 */
import type { ImagePull } from '@contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/message-of';

export interface ImagePrefetch {
  pulls: ImagePull[];
  /** Every image is present or pulled. */
  ready: boolean;
  /** Some image could not be pulled. */
  failed: boolean;
  /** The request itself failed (the engine is away): one sentence. */
  error: string | null;
  retry: () => void;
}

export function useImagePrefetch(images: string[], enabled: boolean): ImagePrefetch {
  const key = images.join('\n');
  const [byRef, setByRef] = useState<Map<string, ImagePull>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled || key === '') return;
    let live = true;
    const stop = api.on('images.progress', (pull) => {
      setByRef((previous) => {
        if (!previous.has(pull.ref)) return previous;
        const next = new Map(previous);
        next.set(pull.ref, pull);
        return next;
      });
    });
    api.images.prefetch({ images: key.split('\n') }).then(
      (pulls) => {
        if (!live) return;
        setError(null);
        setByRef((previous) => {
          const next = new Map<string, ImagePull>();
          for (const pull of pulls) {
            // A progress event may have overtaken the reply: keep whichever moved further.
            const seen = previous.get(pull.ref);
            next.set(pull.ref, seen && seen.phase !== 'failed' && seen.fraction > pull.fraction ? seen : pull);
          }
          return next;
        });
      },
      (reason: unknown) => live && setError(messageOf(reason)),
    );
    return () => {
      live = false;
      stop();
    };
  }, [key, enabled, attempt]);

  const pulls = useMemo(() => [...byRef.values()], [byRef]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    pulls,
    ready: images.length === 0 || (pulls.length > 0 && pulls.every((p) => p.phase === 'present' || p.phase === 'pulled')),
    failed: pulls.some((p) => p.phase === 'failed'),
    error,
    retry,
  };
}

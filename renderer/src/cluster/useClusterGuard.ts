/**
 * The context guard, before a Kubernetes lesson starts: when the learner's current context is
 * not on this machine (and they have not answered for it yet), the start waits for the dialog.
 * `check` resolves true once a context is chosen (remembered in settings by core), false when
 * the learner closed the dialog without choosing: the lesson then does not start.
 */
import type { ClusterGuardQuestion, Lesson } from '@contract';
import { useCallback, useRef, useState } from 'react';
import { api } from '../api';

export interface ClusterGuard {
  question: ClusterGuardQuestion | null;
  check: (lesson: Lesson | null) => Promise<boolean>;
  /** Sends the choice through `cluster.choose`; throws the core's sentence when it is refused. */
  answer: (context: string, typedName?: string) => Promise<void>;
  dismiss: () => void;
}

export function useClusterGuard(): ClusterGuard {
  const [question, setQuestion] = useState<ClusterGuardQuestion | null>(null);
  const waiting = useRef<((chosen: boolean) => void) | null>(null);

  const settle = useCallback((chosen: boolean) => {
    setQuestion(null);
    waiting.current?.(chosen);
    waiting.current = null;
  }, []);

  const check = useCallback(async (lesson: Lesson | null) => {
    if (!lesson?.requires.includes('kubernetes')) return true;
    const status = await api.cluster.status();
    if (!status.guard) return true;
    setQuestion(status.guard);
    return new Promise<boolean>((resolve) => {
      waiting.current = resolve;
    });
  }, []);

  const answer = useCallback(
    async (context: string, typedName?: string) => {
      await api.cluster.choose({ context, ...(typedName !== undefined ? { typedName } : {}) });
      settle(true);
    },
    [settle],
  );

  return { question, check, answer, dismiss: useCallback(() => settle(false), [settle]) };
}

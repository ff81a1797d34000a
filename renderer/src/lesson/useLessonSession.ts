/**
 * Opening a lesson: load it, and get its run going. If this lesson's run is already active it
 * is simply shown. Otherwise preflight asks what stands in the way; when nothing does the run
 * starts at once (so everything the learner creates from now on is attributed to it), else the
 * page shows the setup card — missing images being pulled, conflicts to resolve — until it can.
 */
import type { EngineStatus, Lesson, Preflight, RemoveConflictsResult, RunState } from '@contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/message-of';
import { forLesson } from '../hooks/for-lesson';
import { useClusterGuard, type ClusterGuard } from '../cluster/useClusterGuard';

/** Shown on the setup card after the learner closed the context guard dialog without choosing. */
const GUARD_DISMISSED = 'This lesson needs a Kubernetes cluster: choose which one when you start it.';

export type SessionPhase = 'loading' | 'setup' | 'starting' | 'running' | 'error';

export interface LessonSession {
  lesson: Lesson | null;
  phase: SessionPhase;
  preflight: Preflight | null;
  /** Why the lesson could not be loaded or started. */
  error: string | null;
  /** This lesson's run when it is the active one. */
  run: RunState | null;
  start: (options?: { restart?: boolean }) => Promise<void>;
  recheck: () => Promise<void>;
  removeConflicts: (keys: string[]) => Promise<RemoveConflictsResult>;
  /** The context guard's question, while a Kubernetes lesson waits for the learner's choice. */
  guard: ClusterGuard;
}

export function useLessonSession(
  lessonId: string,
  activeRun: RunState | null,
  runLoaded: boolean,
  engine: EngineStatus,
): LessonSession {
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [phase, setPhase] = useState<SessionPhase>('loading');
  const [error, setError] = useState<string | null>(null);
  const attempted = useRef<string | null>(null);
  const run = forLesson(activeRun, lessonId);
  const guard = useClusterGuard();
  const checkCluster = guard.check;

  // The page is keyed by lesson id: a new lesson is a new mount, so no state needs resetting here.
  useEffect(() => {
    let live = true;
    api.lessons.get({ lessonId }).then(
      (loaded) => live && setLesson(loaded),
      (reason: unknown) => {
        if (!live) return;
        setError(messageOf(reason));
        setPhase('error');
      },
    );
    return () => {
      live = false;
    };
  }, [lessonId]);

  const start = useCallback(
    async (options: { restart?: boolean } = {}) => {
      setPhase('starting');
      try {
        if (!(await checkCluster(lesson))) {
          setError(GUARD_DISMISSED);
          setPhase('setup');
          return;
        }
        await api.run.start({ lessonId, ...(options.restart ? { restart: true } : {}) });
        setError(null);
        setPhase('running');
      } catch (reason) {
        setError(messageOf(reason));
        setPhase('setup');
      }
    },
    [lessonId, lesson, checkCluster],
  );

  const afterPreflight = useCallback(
    async (result: Preflight) => {
      setPreflight(result);
      setError(null);
      if (result.ok) await start();
      else setPhase('setup');
    },
    [start],
  );

  const preflightFailed = useCallback((reason: unknown) => {
    setError(messageOf(reason));
    setPhase('setup');
  }, []);

  // The guard asks before preflight: preflight cannot judge a cluster until a context is chosen.
  const recheck = useCallback(
    () =>
      checkCluster(lesson).then((chosen) => {
        if (chosen) return api.run.preflight({ lessonId }).then(afterPreflight, preflightFailed);
        setError(GUARD_DISMISSED);
        setPhase('setup');
      }),
    [lessonId, lesson, checkCluster, afterPreflight, preflightFailed],
  );

  // First arrival on the lesson: its active run is simply shown, else preflight (and start if clear).
  useEffect(() => {
    if (!lesson || !runLoaded || attempted.current === lessonId) return;
    attempted.current = lessonId;
    if (!run) {
      void checkCluster(lesson).then((chosen) => {
        if (chosen) return api.run.preflight({ lessonId }).then(afterPreflight, preflightFailed);
        setError(GUARD_DISMISSED);
        setPhase('setup');
      });
    }
  }, [lesson, runLoaded, run, lessonId, checkCluster, afterPreflight, preflightFailed]);

  // The engine came back while the setup card waited on it: ask again.
  const engineState = engine.state;
  const previousEngine = useRef(engineState);
  useEffect(() => {
    const was = previousEngine.current;
    previousEngine.current = engineState;
    if (was !== 'connected' && engineState === 'connected' && phase === 'setup') void recheck();
  }, [engineState, phase, recheck]);

  const removeConflicts = useCallback(
    async (keys: string[]) => {
      const result = await api.run.removeConflicts({ lessonId, keys, confirmed: true });
      await recheck();
      return result;
    },
    [lessonId, recheck],
  );

  // The run decides: while this lesson's run is active the page runs; if it went away under us
  // (another window started another lesson), the setup card comes back.
  const shownPhase: SessionPhase = run
    ? 'running'
    : phase === 'running'
      ? 'setup'
      : lesson && phase === 'loading' && runLoaded
        ? 'loading'
        : phase;
  return { lesson, phase: shownPhase, preflight, error, run, start, recheck, removeConflicts, guard };
}

/** What a lesson run is given: the lesson, the saved attempt, its listener and its timing. */
import type { CallCounter } from '../checks/engine-reader';
import type { CoreContext } from '../context';
import type { RunState, StepState } from '../contract';
import type { LoadedLesson } from '../lessons/types';
import type { CreatedObject, IgnorePredicate } from './attribution';
import type { RunClusterSource } from './cluster-feed';

export interface RunTiming {
  /** Quiet time after an event before evaluating (a `docker run` sends several events at once). */
  debounceMs: number;
  /** Interval for checks no event announces, while their step is current. */
  pollMs: number;
}

export const defaultTiming: RunTiming = { debounceMs: 15, pollMs: 1000 };

export interface RunListener {
  step(state: StepState): void;
  changed(state: RunState): void;
  /** The attempt changed (a step passed, a hint, created objects): save it. */
  persist(): void;
  /** Objects this run created may look different now. */
  objects(): void;
}

export interface LessonRunOptions {
  lesson: LoadedLesson;
  context: Pick<CoreContext, 'engine' | 'events' | 'commands' | 'containers' | 'ledger'>;
  workspaceDir: string;
  runId: string;
  startedAt: number;
  created: CreatedObject[];
  /** Step id -> unix ms, from progress. */
  passed: Record<string, number>;
  hintsRevealed: Record<string, number>;
  listener: RunListener;
  timing?: Partial<RunTiming>;
  /** Objects never to attribute to the learner (test harnesses exclude other tools' objects). */
  ignore?: IgnorePredicate;
  counter?: CallCounter;
  /**
   * A Kubernetes lesson's cluster: its watches are the run's second source of state beside engine
   * events; or why it could not be set up (its checks show that, on hold).
   */
  cluster?: RunClusterSource | { error: string };
}

/**
 * The active run, live: `run.changed` replaces it, `run.step` updates one step in place. A step
 * event for another run (an older attempt) is ignored.
 */
import type { RunState } from '@contract';
import { useEffect, useState } from 'react';
import { api } from '../api';

export function useRun(): { run: RunState | null; loaded: boolean } {
  const [state, setState] = useState<{ run: RunState | null; loaded: boolean }>({ run: null, loaded: false });
  useEffect(() => {
    let live = true;
    let heard = false;
    const stopChanged = api.on('run.changed', (run) => {
      heard = true;
      setState({ run, loaded: true });
    });
    const stopStep = api.on('run.step', ({ runId, step }) => {
      setState((previous) => {
        const run = previous.run;
        if (!run || run.runId !== runId) return previous;
        const steps = run.steps.map((s) => (s.index === step.index ? step : s));
        return { ...previous, run: { ...run, steps } };
      });
    });
    api.run.state().then(
      (run) => {
        if (live && !heard) setState({ run, loaded: true });
      },
      () => {
        if (live && !heard) setState({ run: null, loaded: true });
      },
    );
    return () => {
      live = false;
      stopChanged();
      stopStep();
    };
  }, []);
  return state;
}

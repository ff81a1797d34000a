/** The terminals' state for React: re-renders when a tab opens, closes, starts or exits. */
import { useSyncExternalStore } from 'react';
import type { TerminalsSnapshot } from './inspector-types';
import { terminals } from './window-terminals';

export function useTerminals(): TerminalsSnapshot {
  const controller = terminals();
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot);
}

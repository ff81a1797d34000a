/** The active Kubernetes run's namespace as a tree (the live state panel), kept live from `run.kube`. */
import type { KubeLiveState } from '@contract';
import { api } from '../api';
import { useLiveValue } from './useLiveValue';

export function useKubeLive(): KubeLiveState | null {
  const { value } = useLiveValue<KubeLiveState | null, 'run.kube'>(
    () => api.run.kube(),
    'run.kube',
    (state) => state,
  );
  return value ?? null;
}

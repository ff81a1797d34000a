/** What the active run created, as it is now (the live state panel), kept live from `run.objects`. */
import type { LiveObjects } from '@contract';
import { api } from '../api';
import { useLiveValue } from './useLiveValue';

export function useLiveObjects(): LiveObjects | null {
  const { value } = useLiveValue<LiveObjects | null, 'run.objects'>(
    () => api.run.objects(),
    'run.objects',
    (objects) => objects,
  );
  return value ?? null;
}

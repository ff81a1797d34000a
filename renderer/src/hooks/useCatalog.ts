/** The lesson catalog, kept live from `catalog.changed` (authors editing lessons). */
import type { LessonCatalog } from '@contract';
import { api } from '../api';
import { useLiveValue, type LiveValue } from './useLiveValue';

export function useCatalog(): LiveValue<LessonCatalog> {
  return useLiveValue(
    () => api.lessons.catalog(),
    'catalog.changed',
    (catalog) => catalog,
  );
}

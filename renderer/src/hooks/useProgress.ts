/** The learner's progress over every lesson, kept live from `progress.changed`. */
import type { LessonProgress, ProgressSummary } from '@contract';
import { useMemo } from 'react';
import { api } from '../api';
import { useLiveValue } from './useLiveValue';

export function useProgress(): Map<string, LessonProgress> {
  const { value } = useLiveValue<ProgressSummary, 'progress.changed'>(
    () => api.progress.get(),
    'progress.changed',
    (summary) => summary,
  );
  return useMemo(() => new Map((value?.lessons ?? []).map((p) => [p.lessonId, p])), [value]);
}

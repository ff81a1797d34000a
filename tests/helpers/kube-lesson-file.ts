/**
 * A one-step Kubernetes lesson file for UI, preflight and loader tests. Its check (line 13 of the
 * file) waits, unless given another, for a namespace nobody makes.
 */
export function kubeLessonFile(lesson: {
  id: string;
  title: string;
  track: string;
  images?: string[];
  minutes?: number;
  check?: string;
}): string {
  return [
    '---',
    `id: ${lesson.id}`,
    `title: ${lesson.title}`,
    `summary: One step against the cluster (${lesson.track} track).`,
    `track: ${lesson.track}`,
    'order: 1',
    `minutes: ${lesson.minutes ?? 5}`,
    ...(lesson.images ? [`images: [${lesson.images.join(', ')}]`] : []),
    'requires: [kubernetes]',
    '---',
    '## A step',
    '',
    '```check',
    lesson.check ?? 'namespace: { name: dockside-test-never }',
    '```',
    '',
    '```solution',
    'true',
    '```',
    '',
  ].join('\n');
}

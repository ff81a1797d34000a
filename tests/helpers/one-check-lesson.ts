/** A lesson file with one step whose check block is `yaml` (its first line is line 11). */
export function oneCheckLesson(yaml: string): string {
  return [
    '---',
    'id: t/x',
    'title: x',
    'summary: s',
    'track: t',
    'order: 1',
    'minutes: 1',
    '---',
    '## S',
    '```check',
    yaml,
    '```',
    '```solution',
    'true',
    '```',
  ].join('\n');
}

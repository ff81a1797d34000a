/** Small pieces of English the explanations share. */

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** 67108864 -> "64 MiB" (binary units, as `docker run -m` counts). */
export function bytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1 && Number.isInteger(amount / 1024)) {
    amount /= 1024;
    unit += 1;
  }
  return `${amount} ${units[unit]!}`;
}

/** Shorten text quoted in an explanation, so one sentence stays one sentence. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/** Names of objects the learner created instead, as a tail: " (you created web2 during this lesson)". */
export function createdInstead(kind: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, 3).join(', ');
  return ` (the ${kind}${names.length === 1 ? '' : 's'} you created during this lesson: ${shown}${names.length > 3 ? ', …' : ''})`;
}

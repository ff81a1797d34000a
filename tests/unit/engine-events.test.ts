/** The pieces of the events stream that need no engine: splitting, normalising, dedupe, since. */
import { describe, expect, it } from 'vitest';
import { rfc3339ToNano } from '../../electron/core/engine/docker-client';
import { eventKey, NdjsonSplitter, normaliseEvent, RecentKeys, sinceParam } from '../../electron/core/engine/events';

describe('NdjsonSplitter', () => {
  it('handles several events in one chunk and one event across chunks', () => {
    const splitter = new NdjsonSplitter();
    expect(splitter.push('{"a":1}\n{"a":2}\n{"a"')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(splitter.push(':3}')).toEqual([]);
    expect(splitter.push('\n')).toEqual([{ a: 3 }]);
  });

  it('skips a garbled line and goes on', () => {
    const splitter = new NdjsonSplitter();
    expect(splitter.push('{oops\n{"ok":true}\n')).toEqual([{ ok: true }]);
  });
});

describe('normaliseEvent', () => {
  it('reads the modern fields and splits the verb off actions with details', () => {
    const event = normaliseEvent({
      Type: 'container',
      Action: 'exec_start: sh -c ls',
      Actor: { ID: 'abc', Attributes: { name: 'web' } },
      time: 1700000000,
      timeNano: 1700000000123456000,
    });
    expect(event).toMatchObject({
      type: 'container',
      action: 'exec_start',
      rawAction: 'exec_start: sh -c ls',
      id: 'abc',
      attributes: { name: 'web' },
    });
  });

  it('keeps nanosecond precision from a string timeNano', () => {
    const event = normaliseEvent({ Type: 'image', Action: 'tag', Actor: { ID: 'x' }, timeNano: '1700000000123456789' });
    expect(event?.timeNano).toBe('1700000000123456789');
    expect(event?.time).toBe(1700000000123);
  });

  it('falls back to the old fields dropped in API 1.52', () => {
    expect(normaliseEvent({ status: 'die', id: 'old', time: 1 })).toMatchObject({ type: 'container', action: 'die', id: 'old' });
  });

  it('ignores an event without an action', () => {
    expect(normaliseEvent({ Type: 'container' })).toBeNull();
  });
});

describe('RecentKeys', () => {
  it('admits a key once, and forgets the oldest beyond its capacity', () => {
    const keys = new RecentKeys(2);
    expect(keys.add('a')).toBe(true);
    expect(keys.add('a')).toBe(false);
    keys.add('b');
    keys.add('c');
    expect(keys.add('a')).toBe(true);
  });

  it('tells apart events that differ only in action', () => {
    const base = normaliseEvent({ Type: 'container', Action: 'start', Actor: { ID: 'x' }, timeNano: '5' })!;
    const other = normaliseEvent({ Type: 'container', Action: 'die', Actor: { ID: 'x' }, timeNano: '5' })!;
    expect(eventKey(base)).not.toBe(eventKey(other));
  });
});

describe('since', () => {
  it('writes seconds.nanoseconds as the engine expects', () => {
    expect(sinceParam('1700000000000000042')).toBe('1700000000.000000042');
  });

  it('reads the engine clock with all its digits', () => {
    expect(rfc3339ToNano('2023-11-14T22:13:20.123456789Z')).toBe('1700000000123456789');
    expect(rfc3339ToNano('2023-11-14T23:13:20.5+01:00')).toBe('1700000000500000000');
    expect(rfc3339ToNano('garbage')).toBeNull();
  });
});

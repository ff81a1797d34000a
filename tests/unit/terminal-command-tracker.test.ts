import { describe, expect, it } from 'vitest';
import { CommandFeed } from '../../electron/core/terminal/command-feed';
import { CommandTracker, type TrackedCommand } from '../../electron/core/terminal/command-tracker';
import { Osc633Parser } from '../../electron/core/terminal/osc633-parser';

const seq = (body: string) => `\x1b]633;${body};N\x07`;

function tracker() {
  let clock = 1000;
  const finished: TrackedCommand[] = [];
  const parser = new Osc633Parser('N');
  const started: string[] = [];
  const t = new CommandTracker(
    (c) => finished.push(c),
    () => clock,
    (line) => started.push(line),
  );
  return {
    finished,
    started,
    tracker: t,
    feed: (data: string, advance = 0) => {
      clock += advance;
      t.consume(parser.push(data).pieces);
    },
  };
}

describe('the command tracker', () => {
  it('reports line, exit code, cwd where it ran, times and output', () => {
    const { finished, started, feed, tracker: t } = tracker();
    expect(t.active).toBe(false);
    feed(`${seq('P;Cwd=/w')}${seq('A')}$ `);
    expect(t.active).toBe(true);
    feed(`${seq('E;cd /tmp && false')}${seq('C')}`, 5);
    expect(t.runningLine).toBe('cd /tmp && false');
    expect(started).toEqual(['cd /tmp && false']); // announced as it starts, before it ends
    feed('some output\r\n', 10);
    feed(`${seq('D;1')}${seq('P;Cwd=/tmp')}${seq('A')}$ `, 20);
    expect(finished).toEqual([
      { line: 'cd /tmp && false', exitCode: 1, cwd: '/w', startedAt: 1005, endedAt: 1035, outputTail: 'some output\r\n' },
    ]);
    expect(t.currentCwd).toBe('/tmp');
  });

  it('reports nothing for a prompt that ran no command, or a D without a C', () => {
    const { finished, feed } = tracker();
    feed(`${seq('P;Cwd=/w')}${seq('A')}$ ${seq('D;0')}${seq('A')}$ ${seq('D;130')}`);
    expect(finished).toEqual([]);
  });

  it('keeps only the tail of a flood of output', () => {
    const { finished, feed } = tracker();
    feed(`${seq('E;yes')}${seq('C')}`);
    for (let i = 0; i < 1000; i++) feed('y\n'.repeat(100));
    feed(`^C${seq('D;130')}`);
    expect(finished[0]!.exitCode).toBe(130);
    expect(finished[0]!.outputTail.length).toBe(8 * 1024);
    expect(finished[0]!.outputTail.endsWith('y\n^C')).toBe(true);
  });

  it('forgets a running command when the shell goes away', () => {
    const { finished, feed, tracker: t } = tracker();
    feed(`${seq('E;sleep 100')}${seq('C')}`);
    t.reset();
    feed(seq('D;0'));
    expect(finished).toEqual([]);
  });
});

describe('the command feed knows what is still running', () => {
  it('counts a started command as running until it finishes or its shell ends', () => {
    const feed = new CommandFeed();
    feed.started('a', 1_000);
    feed.started('b', 5_000);
    expect(feed.runningSince(0)).toBe(true);
    expect(feed.runningSince(2_000)).toBe(true); // b started after
    feed.publish({ sessionId: 'b', line: 'docker stop web', exitCode: 0, cwd: null, startedAt: 5_000, endedAt: 6_000 });
    expect(feed.runningSince(2_000)).toBe(false); // a started before the step: not counted
    expect(feed.runningSince(0)).toBe(true);
    feed.ended('a');
    expect(feed.runningSince(0)).toBe(false);
  });
});

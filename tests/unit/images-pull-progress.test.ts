/** The pull progress fold: engine messages in, per-layer and size-weighted image progress out. */
import { describe, expect, it } from 'vitest';
import { explainPullError } from '../../electron/core/images/explain-pull-error';
import { applyPullMessage, failPull, finishPull, startPull, type PullMessage } from '../../electron/core/images/pull-progress';
import { ProgressThrottle } from '../../electron/core/images/progress-throttle';

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';

function fold(messages: PullMessage[]) {
  return messages.reduce(applyPullMessage, startPull('busybox', 'busybox:latest', 0));
}

describe('applyPullMessage', () => {
  it('ignores messages that are about the image, not a layer', () => {
    const pull = fold([{ status: 'Pulling from library/busybox', id: 'latest' }, { status: 'Digest: sha256:abc' }]);
    expect(pull.layers).toEqual([]);
    expect(pull.fraction).toBe(0);
  });

  it('weighs layers by size: half of a big layer counts more than all of a small one', () => {
    const pull = fold([
      { status: 'Pulling fs layer', id: A },
      { status: 'Pulling fs layer', id: B },
      { status: 'Downloading', id: A, progressDetail: { current: 500, total: 1000 } },
      { status: 'Downloading', id: B, progressDetail: { current: 100, total: 100 } },
    ]);
    expect(pull.layers.map((l) => l.phase)).toEqual(['downloading', 'downloading']);
    expect(pull.downloaded).toBe(600);
    expect(pull.size).toBe(1100);
    // A: 0.75 * 0.5 weighted 1000, B: 0.75 weighted 100.
    expect(pull.fraction).toBeCloseTo((1000 * 0.375 + 100 * 0.75) / 1100, 6);
  });

  it('walks a layer through verify, extract and complete, ending at 1', () => {
    const steps: PullMessage[] = [
      { status: 'Downloading', id: A, progressDetail: { current: 1000, total: 1000 } },
      { status: 'Verifying Checksum', id: A },
      { status: 'Download complete', id: A },
      { status: 'Extracting', id: A, progressDetail: { current: 500, total: 1000 } },
    ];
    const extracting = fold(steps);
    expect(extracting.layers[0]).toMatchObject({ phase: 'extracting', downloaded: 1000, size: 1000 });
    expect(extracting.fraction).toBeCloseTo(0.875, 6);
    const done = applyPullMessage(extracting, { status: 'Pull complete', id: A });
    expect(done.layers[0]).toMatchObject({ phase: 'done', fraction: 1 });
    expect(done.fraction).toBe(1);
  });

  it('counts a layer the engine already has as done', () => {
    const pull = fold([
      { status: 'Already exists', id: A },
      { status: 'Downloading', id: B, progressDetail: { current: 0, total: 10 } },
    ]);
    expect(pull.layers[0]).toMatchObject({ phase: 'done', fraction: 1 });
    expect(pull.fraction).toBeGreaterThan(0);
    expect(pull.fraction).toBeLessThan(1);
  });

  it('finish and fail set the phase and the end time', () => {
    const pull = fold([{ status: 'Downloading', id: A, progressDetail: { current: 1, total: 4 } }]);
    expect(finishPull(pull, 9)).toMatchObject({ phase: 'pulled', fraction: 1, finishedAt: 9 });
    expect(failPull(pull, 'nope', 9)).toMatchObject({ phase: 'failed', error: 'nope', finishedAt: 9 });
  });
});

describe('explainPullError', () => {
  it('names an unreachable registry and how to get the image anyway', () => {
    const text = explainPullError(
      'busybox:1.36',
      'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.1:53: no such host',
    );
    expect(text).toContain('`busybox:1.36` is not on this engine and could not be pulled');
    expect(text).toContain('registry-1.docker.io cannot be reached');
    expect(text).toContain('docker load -i image.tar');
    expect(text).toContain('the engine said: Get "https://registry-1.docker.io/v2/"');
  });

  it('tells a missing tag from a network problem', () => {
    const text = explainPullError('busybox:9.9', 'manifest for busybox:9.9 not found: manifest unknown: manifest unknown');
    expect(text).toMatch(/has no image by that name and tag/);
    expect(text).toContain('Docker Hub');
  });

  it('tells a rate limit apart', () => {
    expect(explainPullError('x:1', 'toomanyrequests: You have reached your pull rate limit.')).toMatch(/rate limit/);
  });
});

describe('ProgressThrottle', () => {
  it('sends the first at once, coalesces the rest, and flushes a final one immediately', async () => {
    const sent: number[] = [];
    const throttle = new ProgressThrottle<number>(50, (v) => sent.push(v));
    throttle.push('k', 1);
    throttle.push('k', 2);
    throttle.push('k', 3);
    expect(sent).toEqual([1]);
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toEqual([1, 3]);
    throttle.push('k', 4);
    throttle.flush('k', 5);
    expect(sent).toEqual([1, 3, 5]);
    await new Promise((r) => setTimeout(r, 80));
    expect(sent).toEqual([1, 3, 5]);
    throttle.dispose();
  });
});

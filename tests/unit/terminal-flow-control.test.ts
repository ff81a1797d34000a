import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_FLOW_LIMITS,
  FlowControl,
  validateFlowLimits,
  type FlowControlLimits,
} from '../../electron/core/terminal/flow-control';
import { AckBatcher } from '../../renderer/src/terminal/ack-batcher';

function recorder() {
  const calls: string[] = [];
  return { calls, target: { pause: () => calls.push('pause'), resume: () => calls.push('resume') } };
}

/**
 * A pty flooding output (like `yes`) into a renderer that acknowledges only whole batches, as
 * VS Code's does. Returns whether the pty ended up paused with nothing left that could resume it.
 */
function flood(limits: FlowControlLimits, chunkSize: number, totalChars: number) {
  let paused = false;
  const flow = new FlowControl({ pause: () => (paused = true), resume: () => (paused = false) }, limits);
  let produced = 0;
  let rendererPending = 0;
  for (let round = 0; round < 20_000_000 && produced < totalChars; round++) {
    if (!paused) {
      const n = Math.min(chunkSize, totalChars - produced);
      produced += n;
      flow.sent(n);
      rendererPending += n;
    } else if (rendererPending >= limits.ackBatch) {
      // xterm parsed what it had; the renderer acks whole batches only.
      const batches = Math.floor(rendererPending / limits.ackBatch) * limits.ackBatch;
      rendererPending -= batches;
      flow.acknowledged(batches);
    } else {
      return { stuck: true, produced, unacked: flow.unacknowledged };
    }
  }
  return { stuck: false, produced, unacked: flow.unacknowledged };
}

describe('flow control', () => {
  it('pauses above the high watermark and resumes below the low one', () => {
    const { calls, target } = recorder();
    const flow = new FlowControl(target, { highWatermark: 100, lowWatermark: 10, ackBatch: 10 });
    flow.sent(100);
    expect(flow.paused).toBe(false);
    flow.sent(1);
    expect(calls).toEqual(['pause']);
    flow.sent(500); // already paused: no second pause
    expect(calls).toEqual(['pause']);
    flow.acknowledged(590);
    expect(flow.paused).toBe(true); // 11 left, not below 10
    flow.acknowledged(2);
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.unacknowledged).toBe(9);
  });

  it('ignores nonsense acks and never counts below zero', () => {
    const { target } = recorder();
    const flow = new FlowControl(target, DEFAULT_FLOW_LIMITS);
    flow.sent(10);
    flow.acknowledged(-5);
    flow.acknowledged(Number.NaN);
    expect(flow.unacknowledged).toBe(10);
    flow.acknowledged(1_000_000); // a late ack from before a restart
    expect(flow.unacknowledged).toBe(0);
    flow.sent(DEFAULT_FLOW_LIMITS.highWatermark + 1);
    expect(flow.paused).toBe(true);
  });

  it('reset resumes a paused pty and forgets what was in flight', () => {
    const { calls, target } = recorder();
    const flow = new FlowControl(target, DEFAULT_FLOW_LIMITS);
    flow.sent(DEFAULT_FLOW_LIMITS.highWatermark + 1);
    flow.reset();
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.unacknowledged).toBe(0);
  });

  it('the known failure: an ack batch larger than the low watermark leaves a flood paused forever', () => {
    const bad = { highWatermark: 100_000, lowWatermark: 5_000, ackBatch: 10_000 };
    const outcome = flood(bad, 7_000, 10_000_000); // paused at 105000: whole batches leave 5000
    expect(outcome.stuck).toBe(true);
    expect(outcome.unacked).toBeGreaterThanOrEqual(bad.lowWatermark);
    expect(() => validateFlowLimits(bad)).toThrow(/paused forever/);
  });

  it('with the limits in use a flood always drains, whatever the chunk size', () => {
    expect(() => validateFlowLimits(DEFAULT_FLOW_LIMITS)).not.toThrow();
    for (const chunk of [1, 7, 999, 4_096, 5_000, 5_001, 65_536, 99_999, 100_001, 250_000, 1_000_000]) {
      const outcome = flood(DEFAULT_FLOW_LIMITS, chunk, 1_000_000);
      expect({ chunk, stuck: outcome.stuck, produced: outcome.produced }).toEqual({ chunk, stuck: false, produced: 1_000_000 });
    }
  });

  it('rejects limits that cannot work', () => {
    expect(() => validateFlowLimits({ highWatermark: 10, lowWatermark: 10, ackBatch: 5 })).toThrow();
    expect(() => validateFlowLimits({ highWatermark: 10, lowWatermark: 0, ackBatch: 0 })).toThrow();
  });
});

/**
 * A flood against a renderer that parses `charsPerMs`, in 10 ms steps of a fake clock: the pty
 * writes 64K batches whenever it is not paused (or `producerPerMs` when it is a slow producer).
 */
function adaptiveRun(charsPerMs: number, ms: number, producerPerMs = Infinity) {
  let clock = 0;
  let paused = false;
  const flow = new FlowControl(
    { pause: () => (paused = true), resume: () => (paused = false) },
    DEFAULT_FLOW_LIMITS,
    () => clock,
  );
  let inRenderer = 0;
  let maxInFlight = 0;
  for (; clock < ms; clock += 10) {
    let budget = Math.min(producerPerMs * 10, 64 * 1024 * 64);
    while (!paused && budget > 0) {
      const n = Math.min(65_536, budget);
      flow.sent(n);
      inRenderer += n;
      budget -= n;
    }
    maxInFlight = Math.max(maxInFlight, flow.unacknowledged);
    const parsed = Math.min(inRenderer, charsPerMs * 10);
    inRenderer -= parsed;
    if (parsed > 0) flow.acknowledged(parsed);
  }
  return { high: flow.highWatermark, maxInFlight };
}

describe('the adaptive flow-control window', () => {
  const { adaptive, highWatermark } = DEFAULT_FLOW_LIMITS;

  it('grows to the high mark for a renderer that parses fast', () => {
    // ~25 MB/s, a log through xterm: 200 ms of it is more than the cap.
    expect(adaptiveRun(25_000, 3_000).high).toBe(highWatermark);
  });

  it('shrinks to about windowMs of parsing for a slow renderer, so Ctrl-C shows soon', () => {
    // ~5 MB/s, `yes` on a slow machine: 200 ms of it is ~1 MB in flight, not 4.
    const { high } = adaptiveRun(5_000, 3_000);
    expect(high).toBeGreaterThan(5_000 * adaptive!.windowMs * 0.7);
    expect(high).toBeLessThan(5_000 * adaptive!.windowMs * 1.3);
    expect(adaptiveRun(100, 3_000).high).toBe(adaptive!.minHighWatermark); // never below the floor
  });

  it('is left alone by a producer slower than the renderer', () => {
    const slow = adaptiveRun(25_000, 3_000, 50); // a log trickling at 50 KB/s never fills the window
    expect(slow.high).toBe(1_000_000); // the starting size, unchanged
    expect(slow.maxInFlight).toBeLessThan(1_000);
  });

  it('refuses a minimum whose low mark would fall below the ack batch', () => {
    expect(() =>
      validateFlowLimits({
        highWatermark: 4_000_000,
        lowWatermark: 2_000_000,
        ackBatch: 5_000,
        adaptive: { windowMs: 200, minHighWatermark: 8_000 },
      }),
    ).toThrow(/paused forever/);
  });
});

describe('the renderer ack batcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('acks whole batches at once and the remainder once output goes quiet', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const acks = new AckBatcher((n) => sent.push(n), 5_000, 50);
    acks.written(3_000);
    acks.written(3_000);
    expect(sent).toEqual([6_000]);
    acks.written(1_234);
    expect(sent).toEqual([6_000]);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([6_000]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([6_000, 1_234]);
  });

  it('unsticks even the bad limits: the idle flush delivers what whole batches would hold back', () => {
    vi.useFakeTimers();
    const bad = { highWatermark: 100_000, lowWatermark: 5_000, ackBatch: 10_000 };
    let paused = false;
    const flow = new FlowControl({ pause: () => (paused = true), resume: () => (paused = false) }, bad);
    const acks = new AckBatcher((n) => flow.acknowledged(n), bad.ackBatch, 50);
    // Core sent a burst; then xterm parses it, write by write.
    for (let i = 0; i < 32; i++) flow.sent(4_096);
    expect(paused).toBe(true);
    for (let i = 0; i < 32; i++) acks.written(4_096);
    // Whole batches went out; 8192 characters are held back, above the low watermark.
    expect(flow.unacknowledged).toBe(8_192);
    expect(paused).toBe(true);
    vi.advanceTimersByTime(50);
    expect(paused).toBe(false);
    expect(flow.unacknowledged).toBe(0);
  });

  it('in a background tab acks a capped amount per interval, never holds anything forever, and catches up when shown', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const acks = new AckBatcher((n) => sent.push(n), 5_000, 50, 250, 256_000);
    acks.setBackground(true);
    for (let i = 0; i < 10; i++) acks.written(64_000); // a flood: ten whole batches at once
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(249);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([256_000]); // capped: the pty stays paused most of the time
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([256_000, 256_000, 128_000]); // and the rest follows, interval by interval
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(3); // nothing left, no more timers firing
    acks.written(300_000);
    vi.advanceTimersByTime(250);
    expect(sent.at(-1)).toBe(256_000);
    acks.setBackground(false);
    expect(sent.at(-1)).toBe(44_000); // shown: everything held back goes at once
    acks.written(6_000);
    expect(sent.at(-1)).toBe(6_000); // back to batches at once
  });

  it('a hidden flood against the limits in use always drains', () => {
    vi.useFakeTimers();
    let paused = false;
    const flow = new FlowControl({ pause: () => (paused = true), resume: () => (paused = false) }, DEFAULT_FLOW_LIMITS);
    const acks = new AckBatcher((n) => flow.acknowledged(n));
    acks.setBackground(true);
    let produced = 0;
    // The pty writes 64K batches whenever it is not paused; xterm parses each at once.
    for (let tick = 0; tick < 2_000 && produced < 20_000_000; tick++) {
      while (!paused && produced < 20_000_000) {
        flow.sent(65_536);
        acks.written(65_536);
        produced += 65_536;
      }
      vi.advanceTimersByTime(250);
    }
    expect(produced).toBeGreaterThanOrEqual(20_000_000);
    vi.advanceTimersByTime(60_000);
    expect(flow.unacknowledged).toBe(0);
    expect(paused).toBe(false);
  });
});

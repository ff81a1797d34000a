/** Where a request goes and what is told about it: shared by the plain, raw and upgrade paths. */
import type { Duplex } from 'node:stream';
import type { Dial } from '../engine/endpoint';
import type { RecorderSink } from './call-recorder';

/** Headers about one hop only: each side of the proxy sets its own. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade']);

export function endToEndHeaders(raw: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

export interface ForwardTarget {
  dial: Dial;
  /** Every connection to the engine, so closing the proxy can cut them and tests can count them. */
  track(socket: Duplex): void;
  sink: RecorderSink;
}

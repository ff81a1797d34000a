/**
 * The app's one stream of engine events. Everyone who needs to know that the engine's state
 * changed subscribes here; nobody opens a stream of their own.
 *
 * The stream ends when the engine restarts or goes away. Then it asks the connection to check
 * at once, reopens with `since` = the last event it saw, drops the duplicates that `since`
 * replays, and announces a resync: the daemon keeps only its last 256 events and forgets them
 * all on restart, so subscribers must re-list after any gap rather than trust the replay.
 */
import type { Readable } from 'node:stream';
import { Listeners } from '../util/listeners';
import type { Connected, EngineConnection } from './connection';
import { openEventStream } from './timed-calls';

/** One engine event, normalised across API versions (1.52 dropped `status`, `id`, `from`). */
export interface EngineEvent {
  /** container, image, volume, network, plugin, daemon, ... */
  type: string;
  /** The action's verb: "exec_start: sh -c ls" becomes "exec_start", "health_status: healthy" becomes "health_status". */
  action: string;
  /** The full Action as the engine sent it. */
  rawAction: string;
  /** Actor.ID: container/image/volume/network id (an image's may be its name). */
  id: string;
  attributes: Record<string, string>;
  /** Unix time in nanoseconds, as a decimal string (too big for a double). */
  timeNano: string;
  /** Unix time in milliseconds. */
  time: number;
}

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number | string;
}

export function normaliseEvent(raw: RawEvent): EngineEvent | null {
  const rawAction = raw.Action ?? raw.status ?? '';
  const type = raw.Type ?? 'container';
  if (rawAction === '') return null;
  const timeNano = raw.timeNano !== undefined ? BigInt(raw.timeNano).toString() : `${(raw.time ?? 0) * 1e9}`;
  return {
    type,
    action: rawAction.split(':')[0]!.trim(),
    rawAction,
    id: raw.Actor?.ID ?? raw.id ?? '',
    attributes: raw.Actor?.Attributes ?? {},
    timeNano,
    time: Number(BigInt(timeNano) / 1_000_000n),
  };
}

/** Splits a byte stream into newline-delimited JSON values; one chunk may hold several or part of one. */
export class NdjsonSplitter {
  private buffer = '';

  push(chunk: string): unknown[] {
    this.buffer += chunk;
    const lines = this.buffer.split('\n');
    this.buffer = lines.pop() ?? '';
    const values: unknown[] = [];
    for (const line of lines) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      try {
        values.push(JSON.parse(trimmed));
      } catch {
        // A garbled line cannot be acted on; the resync after the next gap covers what it said.
      }
    }
    return values;
  }
}

/** Remembers recently seen event keys, so a `since` replay after reconnecting is not delivered twice. */
export class RecentKeys {
  private readonly order: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 2048) {}

  /** True the first time a key is offered. */
  add(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.order.push(key);
    if (this.order.length > this.capacity) this.seen.delete(this.order.shift()!);
    return true;
  }
}

export function eventKey(event: EngineEvent): string {
  return `${event.timeNano}|${event.type}|${event.rawAction}|${event.id}`;
}

/** `since` in the engine's "seconds.nanoseconds" form. */
export function sinceParam(timeNano: string): string {
  const ns = BigInt(timeNano);
  return `${ns / 1_000_000_000n}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;
}

export interface ResyncReason {
  /** Why subscribers should re-list: the stream reopened after a gap, or the engine changed. */
  reason: 'reconnected' | 'engine-changed';
}

export class EngineEventStream {
  private readonly events = new Listeners<EngineEvent>();
  private readonly resyncs = new Listeners<ResyncReason>();
  private readonly recent = new RecentKeys();
  private lastTimeNano: string | null = null;
  private stream: Readable | null = null;
  private streamGeneration = -1;
  private endpointHost: string | null = null;
  private opening = false;
  private wanted: Connected | null = null;
  private disposed = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly connection: EngineConnection) {
    this.unsubscribe = connection.onConnected((connected) => this.open(connected));
    const live = connection.connected;
    if (live) this.open(live);
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    return this.events.add(listener);
  }

  /** Called after every gap in the stream: re-list instead of trusting what was replayed. */
  onResync(listener: (reason: ResyncReason) => void): () => void {
    return this.resyncs.add(listener);
  }

  /** True while a stream is open and delivering. */
  get isOpen(): boolean {
    return this.stream !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.closeStream();
  }

  private closeStream(): void {
    const stream = this.stream;
    this.stream = null;
    stream?.removeAllListeners();
    stream?.on('error', () => undefined);
    stream?.destroy();
  }

  /**
   * Ask for a stream on this client. Requests that arrive while one is being opened are not
   * dropped: the newest is remembered and served next, so a reconnect that lands mid-open
   * still ends with a stream on the live client.
   */
  private open(connected: Connected): void {
    this.wanted = connected;
    if (!this.opening) void this.drain();
  }

  private async drain(): Promise<void> {
    this.opening = true;
    try {
      while (this.wanted && !this.disposed) {
        const target = this.wanted;
        this.wanted = null;
        if (this.stream && this.streamGeneration === target.generation) continue;
        await this.openOn(target);
      }
    } finally {
      this.opening = false;
    }
  }

  private async openOn(connected: Connected): Promise<void> {
    this.closeStream();
    const switched = this.endpointHost !== null && this.endpointHost !== connected.endpoint.host;
    if (switched) this.lastTimeNano = null; // another engine's clock: its `since` means nothing here
    const isReopen = this.endpointHost !== null;
    try {
      // From the last event seen; before any, from the moment this client connected (in the
      // engine's clock), so nothing that happened while the stream was opening is missed.
      const from = this.lastTimeNano ?? connected.engineTimeNano;
      const since = from ? sinceParam(from) : undefined;
      const stream = (await openEventStream(connected.docker, since)) as Readable;
      if (this.disposed) {
        stream.destroy();
        return;
      }
      this.stream = stream;
      this.streamGeneration = connected.generation;
      this.endpointHost = connected.endpoint.host;
      this.attach(stream);
      if (isReopen) this.resyncs.emit({ reason: switched ? 'engine-changed' : 'reconnected' });
    } catch {
      // The engine went away between connecting and opening. A fresh client (now, or when the
      // engine is back) comes through onConnected and opens the stream again.
      if (!this.disposed) void this.connection.reconnect();
    }
  }

  private attach(stream: Readable): void {
    const splitter = new NdjsonSplitter();
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      for (const value of splitter.push(chunk)) this.deliver(value as RawEvent);
    });
    const ended = () => {
      if (this.stream !== stream) return;
      this.stream = null;
      this.streamGeneration = -1;
      // The engine restarted or vanished: let the connection find out which, now.
      void this.connection.reconnect();
    };
    stream.on('end', ended);
    stream.on('close', ended);
    stream.on('error', ended);
  }

  private deliver(raw: RawEvent): void {
    const event = normaliseEvent(raw);
    if (!event) return;
    if (!this.recent.add(eventKey(event))) return;
    if (this.lastTimeNano === null || BigInt(event.timeNano) > BigInt(this.lastTimeNano)) this.lastTimeNano = event.timeNano;
    this.events.emit(event);
  }
}

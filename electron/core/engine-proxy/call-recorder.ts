/**
 * Reads the engine's answer to a creating call as it streams past (the client gets every byte
 * unchanged and at once; this only looks) and records what was made in the terminal ledger.
 * Plain JSON answers (`{"Id": ...}`) are read whole; streams (build, pull, load) line by line.
 */
import type { CreatingCall } from './api-call';
import type { LedgerRecord } from './terminal-ledger';

/** A creating call's JSON answer is a few hundred bytes; stop collecting well past that. */
const MAX_JSON_BYTES = 256 * 1024;
/** One line of a progress stream; longer lines are progress bars nobody needs to read here. */
const MAX_LINE_BYTES = 64 * 1024;

export interface RecorderSink {
  record(record: LedgerRecord): void;
  /** A container was made: find the volumes it created (named or anonymous) by inspecting it. */
  containerMade(id: string): void;
  /** An image reference was set (tag, pull, build -t, load): record the image it names now. */
  imageNamed(ref: string): void;
}

export class CallRecorder {
  private json = '';
  private line = '';
  private failed = false;
  private readonly found: LedgerRecord[] = [];
  private readonly named: string[] = [];

  constructor(
    private readonly call: CreatingCall,
    private readonly status: number,
    private readonly sink: RecorderSink,
  ) {}

  private get streaming(): boolean {
    return this.call.kind === 'build' || this.call.kind === 'pull' || this.call.kind === 'load';
  }

  /** A chunk of the response body, exactly as forwarded. */
  data(chunk: Buffer): void {
    if (this.status >= 300) return;
    if (!this.streaming) {
      if (this.json.length < MAX_JSON_BYTES) this.json += chunk.toString('utf8');
      return;
    }
    this.line += chunk.toString('utf8');
    let newline = this.line.indexOf('\n');
    while (newline >= 0) {
      this.streamLine(this.line.slice(0, newline));
      this.line = this.line.slice(newline + 1);
      newline = this.line.indexOf('\n');
    }
    if (this.line.length > MAX_LINE_BYTES) this.line = '';
  }

  /** The response ended completely (not cut off): record what it made. */
  end(): void {
    if (this.status >= 300) return;
    if (this.line.trim() !== '') this.streamLine(this.line);
    const { call } = this;
    if (call.kind === 'container-create' || call.kind === 'network-create' || call.kind === 'volume-create') {
      const body = parseObject(this.json);
      const id = call.kind === 'volume-create' ? body?.Name : body?.Id;
      if (typeof id !== 'string') return;
      const type = call.kind === 'container-create' ? 'container' : call.kind === 'network-create' ? 'network' : 'volume';
      this.sink.record({ type, id });
      if (type === 'container') this.sink.containerMade(id);
      return;
    }
    if (call.kind === 'commit') {
      const id = parseObject(this.json)?.Id;
      if (typeof id === 'string') this.sink.record({ type: 'image', id });
    }
    if (this.failed) return;
    for (const record of this.found) this.sink.record(record);
    const refs = call.kind === 'load' ? this.named : call.refs;
    for (const ref of refs) this.sink.imageNamed(ref);
  }

  private streamLine(text: string): void {
    const message = parseObject(text.trim());
    if (!message) return;
    if (message.error || message.errorDetail) this.failed = true;
    const aux = message.aux as { ID?: unknown } | undefined;
    if (typeof aux?.ID === 'string' && aux.ID.startsWith('sha256:')) this.found.push({ type: 'image', id: aux.ID });
    const stream = typeof message.stream === 'string' ? message.stream : '';
    const loadedId = /Loaded image ID: (sha256:[0-9a-f]{64})/.exec(stream);
    if (loadedId) this.found.push({ type: 'image', id: loadedId[1]! });
    const loadedRef = /Loaded image: (\S+)/.exec(stream);
    if (loadedRef) this.named.push(loadedRef[1]!);
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  if (text === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * JSON files that survive crashes and corruption: writes go to a temporary file that is then
 * renamed over the old one (atomic on one filesystem), and a file that cannot be parsed or fails
 * validation is moved aside with a timestamp instead of being crashed on or overwritten.
 */
import { readFileSync, renameSync } from 'node:fs';
import { rename, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type ReadOutcome<T> =
  | { kind: 'missing' }
  | { kind: 'ok'; value: T }
  /** The file was unreadable; it now lives at `movedTo` and the caller starts clean. */
  | { kind: 'corrupt'; movedTo: string; reason: string };

/**
 * Read and validate a JSON file. `validate` returns the typed value or throws with a reason.
 * A corrupt file is renamed to `<name>.corrupt-<timestamp>` beside it.
 */
export function readJsonFile<T>(path: string, validate: (value: unknown) => T): ReadOutcome<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'ok', value: validate(JSON.parse(text)) };
  } catch (error) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const movedTo = join(dirname(path), `${basename(path)}.corrupt-${stamp}`);
    renameSync(path, movedTo);
    return { kind: 'corrupt', movedTo, reason: (error as Error).message };
  }
}

let sequence = 0;
function temporaryPath(path: string): string {
  sequence += 1;
  return `${path}.tmp-${process.pid}-${sequence}`;
}

/** Write atomically: a reader sees the old file or the new one, never half of one. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryPath(path);
  await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}

/**
 * Serialises writes to one file: each `save` waits for the one before, and saves that pile up
 * while a write is running collapse into one write of the newest value.
 */
export class JsonFileWriter {
  private running: Promise<void> = Promise.resolve();
  private pending: { value: unknown } | null = null;

  constructor(private readonly path: string) {}

  save(value: unknown): Promise<void> {
    const queued = this.pending !== null;
    this.pending = { value };
    if (queued) return this.running;
    this.running = this.running.then(async () => {
      const next = this.pending;
      this.pending = null;
      if (next) await writeJsonFile(this.path, next.value);
    });
    return this.running;
  }

  /** Resolves once everything saved so far is on disk. */
  flush(): Promise<void> {
    return this.running;
  }
}

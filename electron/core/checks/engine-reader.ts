/**
 * The engine reads one evaluation pass makes, shared by every check in the pass. Each distinct
 * read is made once per pass (memoised), so evaluating a whole lesson costs a fixed number of
 * list calls plus inspects of the candidates the checks name — never one call per object on the
 * engine. Every call is bounded by a timeout and counted (the bench reports the count).
 *
 * A 404 reads as "absent" (null). Anything else that fails is thrown as `EngineUnavailable`:
 * the step shows an error, never a failed check.
 */
import type Docker from 'dockerode';
import { messageOf } from '../errors';
import type { ContainerIndex } from '../engine/container-index';

/** Reading the engine failed: the step is in an error state, not failed. */
export class EngineUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineUnavailable';
  }
}

export type Filters = Record<string, string[]>;

/**
 * A container that was killed or died (and has not started since): its name, when the event
 * arrived (unix ms), and the exit code once its `die` event said it.
 */
export interface Died {
  exitCode: number | null;
  name: string;
  at: number;
}

/** Counts calls across passes (the runner keeps one per run, the bench reads it). */
export class CallCounter {
  total = 0;
  lists = 0;
  inspects = 0;
}

interface HttpError {
  statusCode?: number;
  json?: { message?: string } | null;
}

function statusOf(error: unknown): number | undefined {
  return (error as HttpError | null)?.statusCode;
}

type WithSignal<T> = T & { abortSignal: AbortSignal };

export class EngineReader {
  private readonly memo = new Map<string, Promise<unknown>>();
  private pendingNames: Set<string> | null = null;
  private namedBatch: Promise<Docker.ContainerInfo[]> | null = null;

  /** Why there is no engine to read, for a reader made by `unreachable` (its every read throws it). */
  private absent: string | null = null;

  constructor(
    /** Null only through `unreachable`. */
    private readonly docker: Docker | null,
    private readonly counter: CallCounter = new CallCounter(),
    private readonly timeoutMs = 5000,
    /** Containers whose `die` event arrived (and no `start` since), by id. */
    private readonly lifecycle: ReadonlyMap<string, Died> = new Map(),
    /** Labels of every container, kept from events: label selections need no filtered list. */
    private readonly index: ContainerIndex | null = null,
  ) {}

  /**
   * A reader for a run that does without an engine (a Kubernetes lesson while none is
   * connected): every read throws `EngineUnavailable` with this reason, so only the Docker
   * checks of the run say the engine is not reachable.
   */
  static unreachable(why: string, counter?: CallCounter): EngineReader {
    const reader = new EngineReader(null, counter);
    reader.absent = why;
    return reader;
  }

  /** The engine, or `EngineUnavailable` for a reader made by `unreachable`. */
  private get engine(): Docker {
    if (!this.docker) throw this.notConnected();
    return this.docker;
  }

  private notConnected(): EngineUnavailable {
    return new EngineUnavailable(`the Docker engine is not reachable (${this.absent ?? 'not connected'})`);
  }

  get calls(): CallCounter {
    return this.counter;
  }

  /** A container by exact name or id, or null. Docker also resolves id prefixes: the name is verified. */
  container(nameOrId: string): Promise<Docker.ContainerInspectInfo | null> {
    return this.once(`container:${nameOrId}`, 'inspect', async (signal) => {
      const info = await this.getOrNull<Docker.ContainerInspectInfo>(
        `/containers/${encodeURIComponent(nameOrId)}/json`,
        {},
        signal,
      );
      if (info && info.Name !== `/${nameOrId}` && !info.Id.startsWith(nameOrId)) return null;
      return info;
    });
  }

  /**
   * A container's list entry by exact name, or null. Every name asked for in the same tick goes
   * into one list call (`name` filters are ORed), so a pass costs one list however many named
   * containers its checks look at. A list reads the engine's snapshot of its containers and never
   * waits on a container that is busy stopping, as an inspect does.
   */
  containerByName(name: string): Promise<Docker.ContainerInfo | null> {
    if (!this.pendingNames) {
      const names = new Set<string>();
      this.pendingNames = names;
      this.namedBatch = Promise.resolve().then(async () => {
        this.pendingNames = null;
        const filters = { name: [...names].map((n) => `^/${escapeRegExp(n)}$`) };
        return this.containers(filters);
      });
    }
    this.pendingNames.add(name);
    const batch = this.namedBatch!;
    return batch.then((listed) => {
      const info = listed.find((c) => c.Names?.includes(`/${name}`));
      return info ? this.withLifecycle(info) : null;
    });
  }

  /**
   * True while a container of this name is likely dying or being cleaned up after its death:
   * the engine answers an inspect of it only once that is done (tens to hundreds of ms), while
   * its list entry can be read at once (and corrected with the event, see `withLifecycle`).
   */
  recentlyDied(name: string, withinMs = 2000): boolean {
    const now = Date.now();
    for (const died of this.lifecycle.values()) if (died.name === name && now - died.at < withinMs) return true;
    return false;
  }

  /**
   * A list entry as of the latest events: the engine's list lags a container's death by its
   * clean-up (the network teardown, tens of ms), while its `die` event does not.
   */
  private withLifecycle(info: Docker.ContainerInfo): Docker.ContainerInfo {
    const died = this.lifecycle.get(info.Id);
    if (!died || died.exitCode === null || info.State !== 'running') return info;
    return { ...info, State: 'exited', Status: `Exited (${died.exitCode}) just now` };
  }

  /**
   * The containers carrying every one of these labels, inspected. With the events-fed index the
   * candidates come from memory and only they are read; without it, one filtered list finds them.
   */
  async containersLabelled(wanted: Record<string, string>): Promise<Docker.ContainerInspectInfo[]> {
    let ids: string[];
    if (this.index) {
      if (!this.index.isBuilt) this.count('list'); // building it reads the engine's list once
      try {
        ids = await this.index.idsWithLabels(this.engine, wanted, AbortSignal.timeout(this.timeoutMs));
      } catch (error) {
        throw this.unavailable(error);
      }
    } else {
      ids = (await this.containers({ label: Object.entries(wanted).map(([key, value]) => `${key}=${value}`) })).map((c) => c.Id);
    }
    const inspected = await Promise.all(ids.map((id) => this.container(id)));
    return inspected.filter((info): info is Docker.ContainerInspectInfo => info !== null);
  }

  /** `GET /containers/json?all=1` with filters (server-side, so 1000 other containers cost little). */
  containers(filters: Filters): Promise<Docker.ContainerInfo[]> {
    return this.once(`containers:${stableKey(filters)}`, 'list', (signal) =>
      this.get<Docker.ContainerInfo[]>('/containers/json', { all: true, filters: JSON.stringify(filters) }, signal),
    );
  }

  /** An image by reference (repo:tag or id), or null. */
  image(reference: string): Promise<Docker.ImageInspectInfo | null> {
    return this.once(`image:${reference}`, 'inspect', (signal) =>
      this.getOrNull<Docker.ImageInspectInfo>(`/images/${reference}/json`, {}, signal),
    );
  }

  imageHistory(id: string): Promise<ImageHistoryEntry[]> {
    return this.once(
      `history:${id}`,
      'inspect',
      async (signal) => (await this.getOrNull<ImageHistoryEntry[]>(`/images/${id}/history`, {}, signal)) ?? [],
    );
  }

  images(filters: Filters): Promise<Docker.ImageInfo[]> {
    return this.once(`images:${stableKey(filters)}`, 'list', (signal) =>
      this.get<Docker.ImageInfo[]>('/images/json', { filters: JSON.stringify(filters) }, signal),
    );
  }

  volume(name: string): Promise<Docker.VolumeInspectInfo | null> {
    return this.once(`volume:${name}`, 'inspect', (signal) =>
      this.getOrNull<Docker.VolumeInspectInfo>(`/volumes/${encodeURIComponent(name)}`, {}, signal),
    );
  }

  volumes(filters: Filters): Promise<Docker.VolumeInspectInfo[]> {
    return this.once(`volumes:${stableKey(filters)}`, 'list', async (signal) => {
      const result = await this.get<{ Volumes: Docker.VolumeInspectInfo[] | null }>(
        '/volumes',
        { filters: JSON.stringify(filters) },
        signal,
      );
      return result.Volumes ?? [];
    });
  }

  /** A network by exact name or id, or null (the engine also resolves id prefixes: verified). */
  network(nameOrId: string): Promise<Docker.NetworkInspectInfo | null> {
    return this.once(`network:${nameOrId}`, 'inspect', async (signal) => {
      const info = await this.getOrNull<Docker.NetworkInspectInfo>(`/networks/${encodeURIComponent(nameOrId)}`, {}, signal);
      if (info && info.Name !== nameOrId && !info.Id.startsWith(nameOrId)) return null;
      return info;
    });
  }

  networks(filters: Filters): Promise<Docker.NetworkInspectInfo[]> {
    return this.once(`networks:${stableKey(filters)}`, 'list', (signal) =>
      this.get<Docker.NetworkInspectInfo[]>('/networks', { filters: JSON.stringify(filters) }, signal),
    );
  }

  /** Not memoised: runs a command in a container; output is capped, time is bounded. */
  async exec(containerId: string, command: string[], timeoutMs = 5000): Promise<ExecOutcome> {
    this.count('inspect');
    try {
      const exec = await this.engine
        .getContainer(containerId)
        .exec({ Cmd: command, AttachStdout: true, AttachStderr: true, Tty: true });
      const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
      const { output, timedOut } = await readAll(stream, timeoutMs, 64 * 1024);
      if (timedOut) return { exitCode: null, output, timedOut };
      // The stream can end a moment before the engine records the exit code.
      for (let attempt = 0; ; attempt += 1) {
        const info = await exec.inspect({ abortSignal: AbortSignal.timeout(this.timeoutMs) } as WithSignal<object>);
        if (!info.Running || attempt >= 20) return { exitCode: info.Running ? null : info.ExitCode, output, timedOut };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /** A read shared by every check of this pass. */
  private once<T>(key: string, kind: 'list' | 'inspect', read: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const existing = this.memo.get(key);
    if (existing) return existing as Promise<T>;
    if (!this.docker) return Promise.reject(this.notConnected());
    this.count(kind);
    const promise = read(AbortSignal.timeout(this.timeoutMs)).catch((error: unknown) => {
      throw this.unavailable(error);
    });
    this.memo.set(key, promise);
    return promise;
  }

  private count(kind: 'list' | 'inspect'): void {
    this.counter.total += 1;
    if (kind === 'list') this.counter.lists += 1;
    else this.counter.inspects += 1;
  }

  /** One GET through dockerode's transport (its typed wrappers drop the abort signal on some calls). */
  private get<T>(path: string, query: Record<string, unknown>, signal: AbortSignal): Promise<T> {
    return new Promise((resolve, reject) => {
      this.engine.modem.dial(
        {
          // docker-modem appends the query only to a path that ends in `?`.
          path: `${path}?`,
          method: 'GET',
          options: query,
          abortSignal: signal,
          statusCodes: { 200: true, 400: 'bad request', 404: 'not found', 500: 'engine error' },
        },
        (error: unknown, data: unknown) =>
          error ? reject(error instanceof Error ? error : new Error(messageOf(error))) : resolve(data as T),
      );
    });
  }

  private async getOrNull<T>(path: string, query: Record<string, unknown>, signal: AbortSignal): Promise<T | null> {
    try {
      return await this.get<T>(path, query, signal);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  private unavailable(error: unknown): EngineUnavailable {
    if (error instanceof EngineUnavailable) return error;
    const status = statusOf(error);
    if (status !== undefined) {
      const detail = (error as HttpError).json?.message ?? messageOf(error);
      return new EngineUnavailable(`the engine answered ${status}: ${detail}`);
    }
    return new EngineUnavailable(`the Docker engine is not reachable (${messageOf(error)})`);
  }
}

export interface ImageHistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stableKey(filters: Filters): string {
  return JSON.stringify(
    Object.keys(filters)
      .sort()
      .map((key) => [key, [...(filters[key] ?? [])].sort()]),
  );
}

export interface ExecOutcome {
  exitCode: number | null;
  /** stdout and stderr together, as a terminal would show them (newlines normalised). */
  output: string;
  timedOut: boolean;
}

function readAll(
  stream: NodeJS.ReadableStream,
  timeoutMs: number,
  limit: number,
): Promise<{ output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const text = () => Buffer.concat(chunks).toString('utf8').replace(/\r\n/g, '\n');
    const timer = setTimeout(() => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolve({ output: text(), timedOut: true });
    }, timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      if (size < limit) chunks.push(chunk);
      size += chunk.length;
    });
    stream.on('end', () => {
      clearTimeout(timer);
      resolve({ output: text(), timedOut: false });
    });
    stream.on('error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

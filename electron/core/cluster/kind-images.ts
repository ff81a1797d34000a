/**
 * A kind cluster runs its own containerd, which cannot see the Docker engine's images: a lesson's
 * images are copied in with `kind load docker-image`, so the lesson works offline once they are on
 * the machine. One image per kind run, one after another, so progress is per image; one load at
 * a time; cancel ends kind's whole process group. Nothing is ever pulled here: an image the
 * engine lacks is reported, not fetched.
 */
import type { KindLoadJob } from '../contract';
import { CoreError } from '../errors';
import { kindInstallHintFor } from './kind-install';
import { describeKindLoadFailure } from './kind-load-output';
import { runKind, type KindProcess } from './kind-process';
import { findKind, kindEnv } from './practice-cluster';

const KEPT_LINES = 200;

export interface KindImageLoaderOptions {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The Docker endpoint Dockside uses now (kind must copy from the same engine), null when none. */
  endpoint: () => { host: string; context: string } | null;
  onChange: (job: KindLoadJob) => void;
}

export class KindImageLoader {
  private current: KindLoadJob | null = null;
  private child: KindProcess | null = null;
  private finished: Promise<KindLoadJob | null> = Promise.resolve(null);

  constructor(private readonly options: KindImageLoaderOptions) {}

  get job(): KindLoadJob | null {
    return this.current;
  }

  /** The running kind's pid (its process group's id), for tests. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Resolves when the running load (if any) has ended, with its final state. */
  settled(): Promise<KindLoadJob | null> {
    return this.finished;
  }

  /** Starts copying `images` into kind cluster `cluster`; resolves at once with the job, progress follows. */
  async start(cluster: string, images: readonly string[]): Promise<KindLoadJob> {
    if (this.current?.state === 'running')
      throw new CoreError('BUSY', `kind is still copying images into cluster ${this.current.cluster}.`);
    const unique = [...new Set(images)];
    const job: KindLoadJob = {
      cluster,
      state: 'running',
      images: unique.map((name) => ({ name, state: 'waiting' })),
      progress: 0,
      lines: [],
      error: null,
    };
    this.current = job;
    const kind = await findKind(this.options.env, this.options.platform);
    if (!kind) {
      const hint = await kindInstallHintFor(this.options.env, this.options.platform);
      this.finish(
        job,
        'failed',
        `The kind CLI is not on your PATH, so the lesson's images cannot be copied into kind cluster ${cluster}. ${hint}`,
      );
      this.finished = Promise.resolve(job);
      return copy(job);
    }
    this.finished = this.run(kind, job);
    this.emit(job);
    return copy(job);
  }

  cancel(): void {
    if (this.current?.state !== 'running') return;
    this.current.state = 'cancelled';
    this.child?.cancel();
  }

  private async run(kind: string, job: KindLoadJob): Promise<KindLoadJob> {
    const env = kindEnv(this.options.env, this.options.endpoint());
    for (const [index, image] of job.images.entries()) {
      if (job.state !== 'running') break;
      image.state = 'loading';
      job.progress = (index + 0.5) / job.images.length;
      this.emit(job);
      const child = runKind(
        kind,
        ['load', 'docker-image', image.name, '--name', job.cluster],
        env,
        this.options.platform,
        (line) => {
          job.lines.push(line);
          if (job.lines.length > KEPT_LINES) job.lines.splice(0, job.lines.length - KEPT_LINES);
          this.emit(job);
        },
      );
      this.child = child;
      const { code, output, startError } = await child.done;
      this.child = null;
      if (cancelled(job)) {
        image.state = 'waiting';
        break;
      }
      if (code !== 0 || startError) {
        image.state = 'failed';
        this.finish(
          job,
          'failed',
          startError ? `kind could not be started: ${startError}.` : describeKindLoadFailure(image.name, job.cluster, output),
        );
        return job;
      }
      image.state = 'loaded';
      job.progress = (index + 1) / job.images.length;
    }
    this.finish(job, cancelled(job) ? 'cancelled' : 'done', null);
    return job;
  }

  private finish(job: KindLoadJob, state: KindLoadJob['state'], error: string | null): void {
    job.state = state;
    job.error = error;
    this.emit(job);
  }

  private emit(job: KindLoadJob): void {
    this.options.onChange(copy(job));
  }
}

/** Read through a call: `cancel()` changes the state while a kind run is awaited. */
function cancelled(job: KindLoadJob): boolean {
  return job.state === 'cancelled';
}

function copy(job: KindLoadJob): KindLoadJob {
  return { ...job, images: job.images.map((image) => ({ ...image })), lines: [...job.lines] };
}

/**
 * The practice cluster: `kind create cluster --name dockside` and `kind delete cluster --name
 * dockside`, run for the learner with kind's output streamed as it prints it, its stage as
 * progress, and one sentence when it fails. One job at a time; cancel ends kind's whole process
 * group (kind runs `docker pull`, `docker run` ... as children, which must not outlive it).
 *
 * kind runs against the engine Dockside uses (DOCKER_HOST), with the learner's KUBECONFIG: the
 * cluster's context kind-dockside lands in their kubeconfig, as when they run kind themselves.
 * DOCKSIDE_KIND replaces the kind found on PATH, DOCKSIDE_KIND_NODE_IMAGE kind's default node
 * image (tests point it at a loopback registry so nothing is ever pulled from the internet).
 */
import { access, constants } from 'node:fs/promises';
import { delimiter } from 'node:path';
import type { PracticeJob } from '../contract';
import { which } from '../doctor/tools';
import { CoreError, messageOf } from '../errors';
import { describeKindFailure, kindMissingSentence, PRACTICE_CLUSTER_NAME, stageOf } from './kind-output';
import { kindInstallHintFor } from './kind-install';
import { runKind, type KindProcess } from './kind-process';
import {
  forgetPracticeNode,
  judgeOwnership,
  readPracticeMarker,
  recordPracticeNode,
  type Ownership,
  type PracticeNode,
} from './practice-ownership';

const KEPT_LINES = 200;

export interface PracticeClusterOptions {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The Docker endpoint Dockside uses now (kind must build on the same engine), null when none. */
  endpoint: () => { host: string; context: string } | null;
  onChange: (job: PracticeJob) => void;
  /** Dockside's data directory: where the practice cluster Dockside created is recorded. */
  dataDir: string;
  /** The node container `dockside-control-plane` of kind cluster dockside, null when there is none; throws when the engine does not answer. */
  nodeContainer: () => Promise<PracticeNode | null>;
}

/** The kind binary to run: DOCKSIDE_KIND when set (null when it is not an executable), else the PATH's. */
export async function findKind(env: Record<string, string | undefined>, platform: NodeJS.Platform): Promise<string | null> {
  const override = env.DOCKSIDE_KIND;
  if (override) {
    try {
      await access(override, platform === 'win32' ? constants.F_OK : constants.X_OK);
      return override;
    } catch {
      return null;
    }
  }
  return which('kind', (env.PATH ?? '').split(delimiter).filter(Boolean), platform);
}

export class PracticeCluster {
  private current: PracticeJob | null = null;
  private child: KindProcess | null = null;
  private finished: Promise<PracticeJob> | null = null;

  constructor(private readonly options: PracticeClusterOptions) {}

  get job(): PracticeJob | null {
    return this.current;
  }

  /** The running kind's pid, which is also its process group's id (for diagnostics and tests). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Resolves when the running job (if any) has ended, with its final state. */
  settled(): Promise<PracticeJob | null> {
    return this.finished ?? Promise.resolve(this.current);
  }

  async start(action: 'create' | 'delete'): Promise<PracticeJob> {
    if (this.current?.state === 'running')
      throw new CoreError(
        'BUSY',
        `kind is still ${this.current.action === 'create' ? 'creating' : 'deleting'} the practice cluster.`,
      );
    const kind = await findKind(this.options.env, this.options.platform);
    const job: PracticeJob = { action, state: 'running', lines: [], stage: null, progress: 0, error: null };
    this.current = job;
    if (!kind) {
      this.finish(job, 'failed', kindMissingSentence(await kindInstallHintFor(this.options.env, this.options.platform)));
      this.finished = Promise.resolve(job);
      return { ...job };
    }
    const refused = action === 'delete' ? await this.ownership() : null;
    if (refused && !refused.ours) {
      this.finish(job, 'failed', refused.reason);
      this.finished = Promise.resolve(job);
      return { ...job };
    }
    this.finished = this.run(kind, job);
    this.options.onChange({ ...job });
    return { ...job };
  }

  /** Whether the kind cluster dockside is the one Dockside created (only that one is deleted). */
  async ownership(): Promise<Ownership> {
    let node: PracticeNode | null;
    try {
      node = await this.options.nodeContainer();
    } catch (error) {
      return {
        ours: false,
        reason: `Dockside cannot tell whether the kind cluster ${PRACTICE_CLUSTER_NAME} is the one it created, because the Docker engine does not answer (${messageOf(error)}).`,
      };
    }
    return judgeOwnership(await readPracticeMarker(this.options.dataDir), node);
  }

  /** Ends kind and everything it started (SIGTERM to the group, SIGKILL after a grace period). */
  cancel(): void {
    if (!this.child || this.current?.state !== 'running') return;
    this.current.state = 'cancelled';
    this.child.cancel();
  }

  private args(action: 'create' | 'delete'): string[] {
    const args = [action, 'cluster', '--name', PRACTICE_CLUSTER_NAME];
    const image = this.options.env.DOCKSIDE_KIND_NODE_IMAGE;
    if (action === 'create' && image) args.push('--image', image);
    return args;
  }

  private async run(kind: string, job: PracticeJob): Promise<PracticeJob> {
    const env = kindEnv(this.options.env, this.options.endpoint());
    const startedAt = Date.now();
    const child = runKind(kind, this.args(job.action), env, this.options.platform, (line) => {
      this.addLine(job, line);
      this.options.onChange({ ...job, lines: [...job.lines] });
    });
    this.child = child;
    const { code, output, startError } = await child.done;
    this.child = null;
    await this.bookkeep(job, code === 0, startedAt);
    if (startError) this.finish(job, 'failed', `kind could not be started: ${startError}.`);
    else if (job.state === 'cancelled') this.finish(job, 'cancelled', null);
    else if (code === 0) this.finish(job, 'done', null);
    else this.finish(job, 'failed', describeKindFailure(job.action, output));
    return job;
  }

  /** After a create: record the node container it left (even a failed or cancelled one); after a delete, forget it. */
  private async bookkeep(job: PracticeJob, succeeded: boolean, startedAt: number): Promise<void> {
    try {
      if (job.action === 'create') await recordPracticeNode(this.options.dataDir, await this.options.nodeContainer(), startedAt);
      else if (succeeded) await forgetPracticeNode(this.options.dataDir);
    } catch {
      // The engine went away meanwhile: nothing recorded, so Dockside will not delete that cluster by itself.
    }
  }

  private addLine(job: PracticeJob, line: string): void {
    if (!line.trim()) return;
    job.lines.push(line);
    if (job.lines.length > KEPT_LINES) job.lines.splice(0, job.lines.length - KEPT_LINES);
    const stage = stageOf(line);
    if (stage) {
      job.stage = stage.stage;
      job.progress = Math.max(job.progress, stage.progress);
    }
  }

  private finish(job: PracticeJob, state: PracticeJob['state'], error: string | null): void {
    job.state = state;
    job.error = error;
    if (state === 'done') job.progress = 1;
    this.options.onChange({ ...job, lines: [...job.lines] });
  }
}

/**
 * kind's docker CLI must reach the engine Dockside uses: through its docker context when it came
 * from one (the context keeps its TLS settings), else through DOCKER_HOST.
 */
export function kindEnv(
  env: Record<string, string | undefined>,
  endpoint: { host: string; context: string } | null,
): Record<string, string | undefined> {
  if (!endpoint) return { ...env };
  const { DOCKER_HOST: _host, DOCKER_CONTEXT: _context, ...rest } = env;
  return endpoint.context !== 'default' ? { ...rest, DOCKER_CONTEXT: endpoint.context } : { ...rest, DOCKER_HOST: endpoint.host };
}

/**
 * The cluster part of the contract: which context the Kubernetes lessons use (read from the
 * kubeconfig alone: nothing is contacted here), the guard dialog's answer, and the practice
 * cluster. A fresh status goes to every window when an answer is remembered or kind finishes.
 */
import type { ClusterStatus } from '../contract';
import type { CoreContext } from '../context';
import { acceptChoice, contextInfo, decideLessonContext } from '../cluster/lesson-context';
import { readLearnerEntries, summariseContexts, type ContextSummary } from '../cluster/learner-kubeconfig';
import { PRACTICE_CLUSTER_NAME } from '../cluster/kind-output';
import { KindImageLoader } from '../cluster/kind-images';
import { findKind, PracticeCluster } from '../cluster/practice-cluster';
import { practiceNodeOn } from '../cluster/practice-ownership';
import { kindInstallHintFor } from '../cluster/kind-install';
import { clusterSetupHints } from '../cluster/setup-hints';
import { CoreError } from '../errors';
import type { Handlers, Service } from '../rpc/service';

type Names =
  | 'cluster.status'
  | 'cluster.choose'
  | 'cluster.practice'
  | 'cluster.cancelPractice'
  | 'cluster.loadImages'
  | 'cluster.cancelImageLoad';

export interface ClusterService extends Service<Names> {
  practice: PracticeCluster;
  imageLoader: KindImageLoader;
}

export function createClusterService(context: CoreContext): ClusterService {
  const readContexts = () => {
    // Entries only: the status is asked at start-up, before anything needs client-node.
    const learner = readLearnerEntries({ env: context.env, homeDir: context.paths.homeDir, platform: context.platform });
    return { contexts: summariseContexts(learner.config), error: learner.errors[0] ?? null };
  };

  const status = async (): Promise<ClusterStatus> => {
    const { contexts, error } = readContexts();
    const decision = decideLessonContext(contexts, context.settings.get().kubeContextChoices);
    const engine = context.engine.status;
    const exists = contexts.some((c) => c.name === `kind-${PRACTICE_CLUSTER_NAME}`);
    return {
      lessonContext: decision.context ? contextInfo(decision.context) : null,
      source: decision.source,
      guard: decision.guard,
      kubeconfigError: error,
      setup: clusterSetupHints(context.platform, engine.state === 'connected' ? engine.info.product : null),
      practice: {
        kindPath: await findKind(context.env, context.platform),
        installHint: await kindInstallHintFor(context.env, context.platform),
        exists,
        deleteRefusal: exists ? await practice.ownership().then((o) => (o.ours ? null : o.reason)) : null,
        job: practice.job,
      },
    };
  };

  const broadcastStatus = () =>
    void status().then(
      (next) => context.hub.broadcast('cluster.changed', next),
      () => undefined, // the next request reports it
    );

  const practice = new PracticeCluster({
    env: context.env,
    platform: context.platform,
    endpoint: () => context.engine.status.endpoint ?? null,
    dataDir: context.paths.dataDir,
    nodeContainer: () => practiceNodeOn(context.engine.requireDocker()),
    onChange: (job) => {
      context.hub.broadcast('cluster.practice', job);
      if (job.state !== 'running') broadcastStatus(); // kind changed the kubeconfig
    },
  });

  const images = kindImageHandlers(context, () => readContexts().contexts);

  return {
    practice,
    imageLoader: images.loader,
    handlers: {
      ...images.handlers,
      'cluster.status': status,
      'cluster.choose': async (answer) => {
        const { contexts } = readContexts();
        const accepted = acceptChoice(contexts, answer);
        if (!accepted.ok) throw new CoreError('BAD_REQUEST', accepted.error);
        const current = contexts.find((c) => c.current)?.name ?? '';
        const choices = { ...context.settings.get().kubeContextChoices, [current]: accepted.choice };
        await context.settings.update({ kubeContextChoices: choices });
        const next = await status();
        context.hub.broadcast('cluster.changed', next);
        return next;
      },
      'cluster.practice': ({ action }) => practice.start(action),
      'cluster.cancelPractice': () => practice.cancel(),
    },
    dispose: async () => {
      practice.cancel();
      images.loader.cancel();
      await Promise.all([practice.settled(), images.loader.settled()]);
    },
  };
}

/** Copying a lesson's images into a kind cluster, only one the kubeconfig has as a local context kind-<cluster>. */
function kindImageHandlers(
  context: CoreContext,
  contexts: () => ContextSummary[],
): { loader: KindImageLoader; handlers: Pick<Handlers, 'cluster.loadImages' | 'cluster.cancelImageLoad'> } {
  const loader = new KindImageLoader({
    env: context.env,
    platform: context.platform,
    endpoint: () => context.engine.status.endpoint ?? null,
    onChange: (job) => context.hub.broadcast('cluster.imageLoad', job),
  });
  return {
    loader,
    handlers: {
      'cluster.loadImages': ({ cluster, images }) => {
        const kindContext = contexts().find((c) => c.name === `kind-${cluster}`);
        if (!kindContext?.local)
          throw new CoreError(
            'BAD_REQUEST',
            `Your kubeconfig has no local context kind-${cluster}: Dockside copies images only into a kind cluster on this machine.`,
          );
        return loader.start(cluster, images);
      },
      'cluster.cancelImageLoad': () => loader.cancel(),
    },
  };
}

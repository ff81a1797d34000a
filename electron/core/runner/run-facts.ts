/** What a lesson's checks may know about the run: when it and the step began, what it created. */
import type { RunCluster, RunFacts } from '../checks/kind';
import type { CoreContext } from '../context';
import type { Attribution } from './attribution';

export interface RunFactsSource {
  startedAt: number;
  stepStartedAt: number;
  workspaceDir: string;
  /** The step an image adopted now is attributed to. */
  adoptAtStep: () => number;
  attribution: Attribution;
  commands: CoreContext['commands'];
  /** A Kubernetes lesson's cluster: context, the run's namespace, the lesson kubeconfig. */
  cluster?: RunCluster | undefined;
}

/** The facts for one step's checks; `onAdopted` runs when a check adopts an image into the run. */
export function runFacts(source: RunFactsSource, onAdopted: () => void): RunFacts {
  const { attribution } = source;
  return {
    startedAt: source.startedAt,
    stepStartedAt: source.stepStartedAt,
    workspaceDir: source.workspaceDir,
    createdDuringRun: (type, id, seen) => {
      if (attribution.has(type, id)) return true;
      if (type !== 'image' || !seen) return false;
      const adopted = attribution.adoptImage(id, seen.names, seen.labels, source.adoptAtStep());
      if (adopted) onAdopted();
      return adopted;
    },
    createdNames: (type) => attribution.names(type),
    createdIds: (type) => attribution.all.filter((o) => o.type === type).map((o) => o.id),
    commandsSince: (since) => source.commands.since(since),
    ...(source.cluster ? { cluster: source.cluster } : {}),
  };
}

/**
 * Which context the Kubernetes lessons use, decided from the kubeconfig alone (nothing is
 * contacted) and the learner's answers to the guard dialog:
 *   - the current context, when the guard judges it local;
 *   - else the context the learner chose for this current context, while its server is the one
 *     it had when chosen (a remote one only ever gets here by being typed in the dialog);
 *   - else the first local context, and the dialog asks (it offers the local contexts and lets
 *     the learner pick the remote one by typing its name).
 */
import type { ClusterContextInfo, ClusterGuardQuestion, KubeContextChoice } from '../contract';
import { originOf, type ClusterOrigin } from './context-guard';
import { offerLocalContext, type ContextSummary } from './learner-kubeconfig';
import { LESSON_LABEL, MANAGED_LABEL, RUN_LABEL } from './run-namespace';

export interface LessonContextDecision {
  context: ContextSummary | null;
  source: 'current' | 'chosen' | 'offered' | null;
  /** The context's name when it is remote and was picked: the connection may reach it. */
  allowRemote: string | null;
  guard: ClusterGuardQuestion | null;
}

const TOOL_LABELS: Record<ClusterOrigin, string> = {
  kind: 'kind',
  k3d: 'k3d',
  colima: 'Colima (k3s)',
  'docker-desktop': 'Docker Desktop',
  orbstack: 'OrbStack',
  'rancher-desktop': 'Rancher Desktop',
  minikube: 'minikube',
  lima: 'Lima',
};

export function toolOf(context: Pick<ContextSummary, 'name' | 'local'>): string {
  const origin = originOf(context.name);
  if (origin) return TOOL_LABELS[origin];
  return context.local ? 'a local cluster' : 'a remote cluster';
}

export function contextInfo(context: ContextSummary): ClusterContextInfo {
  return { name: context.name, tool: toolOf(context), server: context.server, local: context.local, reason: context.reason };
}

/** What a lesson does in the cluster it uses: said in the dialog before a remote context can be picked. */
export const LESSON_EFFECTS: readonly string[] = [
  'Each lesson run creates one namespace named dockside-<lesson>-<run>, labelled ' +
    `${LESSON_LABEL}=<lesson>, ${RUN_LABEL}=<run> and ${MANAGED_LABEL}=dockside, and makes the lesson's objects in it.`,
  "Reset deletes that namespace with everything in it, and only a namespace carrying this run's label.",
  'Reset also deletes the cluster-wide objects (a ClusterRole, a PersistentVolume...) made while the run was live, each only while it still has the id it had then.',
  'Nothing else in the cluster is changed or deleted, and your own kubeconfig is never written.',
];

export function decideLessonContext(
  contexts: readonly ContextSummary[],
  choices: Readonly<Record<string, KubeContextChoice>>,
): LessonContextDecision {
  const usable = (c: ContextSummary) => c.problem === undefined;
  const current = contexts.find((c) => c.current) ?? null;
  if (current && current.local && usable(current)) return { context: current, source: 'current', allowRemote: null, guard: null };
  const choice = current ? choices[current.name] : undefined;
  const chosen = choice && contexts.find((c) => c.name === choice.context && c.server === choice.server && usable(c));
  if (chosen) return { context: chosen, source: 'chosen', allowRemote: chosen.local ? null : chosen.name, guard: null };
  const offered = offerLocalContext(contexts);
  const guard: ClusterGuardQuestion | null =
    current && !current.local
      ? {
          current: contextInfo(current),
          localContexts: contexts.filter((c) => c.local && usable(c)).map(contextInfo),
          effects: [...LESSON_EFFECTS],
        }
      : null;
  return { context: offered, source: offered ? 'offered' : null, allowRemote: null, guard };
}

/**
 * Validates the learner's answer: a local context is simply taken; a remote one only when its
 * name was typed exactly. Returns the choice to remember, or one sentence why not.
 */
export function acceptChoice(
  contexts: readonly ContextSummary[],
  answer: { context: string; typedName?: string | undefined },
): { ok: true; choice: KubeContextChoice } | { ok: false; error: string } {
  const picked = contexts.find((c) => c.name === answer.context);
  if (!picked) return { ok: false, error: `Your kubeconfig has no context named ${answer.context}.` };
  if (picked.problem) return { ok: false, error: `${picked.problem}.` };
  if (!picked.local && answer.typedName !== picked.name)
    return { ok: false, error: `Context ${picked.name} is not on this machine: type its name exactly to use it for lessons.` };
  return { ok: true, choice: { context: picked.name, server: picked.server } };
}

/**
 * The engine-reading half of a lesson run's evaluation: a batch of checks evaluated against one
 * shared reader, and the container deaths the reader needs to know of (from the events stream).
 */
import { notApplicable } from '../checks/applies-when';
import { ClusterUnavailable, type ClusterReader } from '../checks/cluster-reader';
import { EngineUnavailable, type Died, type EngineReader } from '../checks/engine-reader';
import type { RunFacts } from '../checks/kind';
import { checkKind } from '../checks/registry';
import type { EngineStatus } from '../contract';
import type { EngineEvent } from '../engine/events';
import { messageOf } from '../errors';
import type { LoadedCheck } from '../lessons/types';
import type { CheckResult } from './step-progress';

/** Which source could not be read, and why. */
export interface Unavailable {
  from: 'engine' | 'cluster';
  message: string;
}

/**
 * Evaluate every check with one reader per source (the engine's, the cluster's). A check whose
 * `when` does not apply to this engine passes with the reason; `unavailable` is set when a source
 * could not be read (nothing counts then) — except the engine when it is optional (a Kubernetes
 * lesson): then only the checks that read it say it could not be read, and the rest count.
 */
export async function evaluateChecks(
  targets: readonly { check: LoadedCheck; run: RunFacts }[],
  reader: EngineReader,
  status: EngineStatus,
  cluster?: ClusterReader,
  engineOptional = false,
): Promise<{ results: CheckResult[]; unavailable: Unavailable | null }> {
  let unavailable: Unavailable | null = null;
  const results = await Promise.all(
    targets.map(async ({ check, run }): Promise<CheckResult> => {
      const skip = notApplicable(check.when, status.state === 'connected' ? status.info : null);
      if (skip) return { pass: true, explanation: skip };
      try {
        return await checkKind(check.kind).evaluate(check.spec, { engine: reader, run, ...(cluster ? { cluster } : {}) });
      } catch (error) {
        if (error instanceof EngineUnavailable && !engineOptional) unavailable = { from: 'engine', message: error.message };
        if (error instanceof ClusterUnavailable) unavailable = { from: 'cluster', message: error.message };
        return { pass: null, explanation: `could not be checked: ${messageOf(error)}` };
      }
    }),
  );
  return { results, unavailable };
}

/** Keep `died` in step with a container event: killed or dead with no `start` since. */
export function noteLifecycle(died: Map<string, Died>, event: EngineEvent): void {
  const name = event.attributes.name ?? '';
  if (event.action === 'die') died.set(event.id, { exitCode: Number(event.attributes.exitCode ?? 0), name, at: Date.now() });
  // A kill is usually followed by a death within a millisecond or two.
  else if (event.action === 'kill' && !died.has(event.id)) died.set(event.id, { exitCode: null, name, at: Date.now() });
  else if (event.action === 'start' || event.action === 'restart' || event.action === 'destroy') died.delete(event.id);
}

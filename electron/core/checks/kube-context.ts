/**
 * `kubeContext`: the lesson kubeconfig's current context and its namespace, and contexts it
 * holds — what `kubectl config use-context / set-context --current --namespace` change. Read
 * from the lesson's own file (never the learner's), so it needs no API call; re-read when a
 * command finishes. `currentIsLesson` names the context Dockside wrote without knowing its name
 * (kind-dockside on one machine, docker-desktop on another): "switch back" in a lesson.
 */
import { readFile } from 'node:fs/promises';
import { KubeConfig } from '@kubernetes/client-node';
import { z } from 'zod';
import { messageOf } from '../errors';
import { ClusterUnavailable } from './cluster-reader';
import type { CheckContext, CheckResult } from './kind';
import { defineCheckKind } from './kind';
import { joinAnd } from './phrases';
import { strict } from './schema-helpers';

const kubeContextSpec = strict({
  current: z.string().min(1).optional(),
  currentIsLesson: z.literal(true).optional(),
  namespace: z.string().min(1).optional(),
  contexts: z.array(z.string().min(1)).optional(),
});

type KubeContextSpec = z.output<typeof kubeContextSpec>;

function wantedList(spec: KubeContextSpec): string[] {
  return [
    ...(spec.current !== undefined ? [`the current context is ${spec.current}`] : []),
    ...(spec.currentIsLesson ? ['the current context is the lesson’s own'] : []),
    ...(spec.namespace !== undefined ? [`its namespace is ${spec.namespace}`] : []),
    ...(spec.contexts !== undefined ? [`contexts ${joinAnd(spec.contexts)} exist`] : []),
  ];
}

function wants(spec: KubeContextSpec): string {
  const rest = wantedList(spec);
  return rest.length > 0 ? `in the lesson kubeconfig, ${joinAnd(rest)}` : 'the lesson kubeconfig is readable';
}

async function evaluate(spec: KubeContextSpec, { run }: CheckContext): Promise<CheckResult> {
  const file = run.cluster?.kubeconfigPath;
  const lessonContext = run.cluster?.context ?? '';
  if (!file) throw new ClusterUnavailable('this lesson run has no lesson kubeconfig (no cluster is connected)');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { pass: false, explanation: `the lesson kubeconfig ${file} is gone` };
  }
  const config = new KubeConfig();
  try {
    config.loadFromString(text);
  } catch (error) {
    return { pass: false, explanation: `the lesson kubeconfig cannot be read: ${messageOf(error)}` };
  }
  const current = config.getCurrentContext();
  const namespace = config.getContextObject(current)?.namespace ?? 'default';
  const names = config.getContexts().map((c) => c.name);
  const missing = (spec.contexts ?? []).filter((name) => !names.includes(name));
  const misses = [
    ...(spec.current !== undefined && current !== spec.current
      ? [`the current context is ${current || 'unset'}, not ${spec.current}`]
      : []),
    ...(spec.currentIsLesson && current !== lessonContext
      ? [`the current context is ${current || 'unset'}, not the lesson’s own (${lessonContext})`]
      : []),
    ...(spec.namespace !== undefined && namespace !== spec.namespace
      ? [`its namespace is ${namespace}, not ${spec.namespace}`]
      : []),
    ...(missing.length > 0 ? [`there is no context ${joinAnd(missing)} (there: ${joinAnd(names)})`] : []),
  ];
  return misses.length === 0
    ? { pass: true, explanation: wants(spec) }
    : { pass: false, explanation: `in the lesson kubeconfig, ${joinAnd(misses)}` };
}

export const kubeContextCheck = defineCheckKind<KubeContextSpec>({
  name: 'kubeContext',
  schema: kubeContextSpec,
  source: 'cluster',
  wants,
  // A file no event announces: re-read when a command finishes, and polled while current.
  triggers: () => ({ commands: true, poll: true }),
  evaluate,
});

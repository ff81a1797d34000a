/**
 * `k9sState`: what k9s saved in the lesson's K9S_CONFIG_DIR (`<workspace>/.k9s`) — the view and
 * namespace it was showing when it quit, and the screen dumps Ctrl-S wrote (a table as CSV, a
 * log view as text). Both live under a folder named after the context's cluster and context
 * (`clusters/<cluster>/<context>/config.yaml`, `screen-dumps/<cluster>/<context>/`), which a
 * `file` check cannot name. k9s v0.50 saves the view and namespace as it quits (and writes the
 * file first when it opens a context it has none for, as `:ctx` does for a context switched to). Polled, and re-read when a command finishes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadClientNode } from '../cluster/client-node';
import { parse } from 'yaml';
import { z } from 'zod';
import { lessonK9sDir } from '../cluster/lesson-tools';
import { ClusterUnavailable } from './cluster-reader';
import { describeView, sameView } from './k9s-views';
import type { CheckContext, CheckResult, RunFacts } from './kind';
import { defineCheckKind } from './kind';
import { clip, joinAnd } from './phrases';
import { pattern, strict } from './schema-helpers';

const k9sStateSpec = strict({
  /** Whose state: a context of the lesson kubeconfig. Default: the run's context. */
  context: z.string().min(1).optional(),
  /** The view k9s showed as it quit: `pods`, `pulses`, `xray deployments`, `rolebindings`... */
  view: z.string().min(1).optional(),
  /** The namespace k9s showed as it quit: a name, or `all`. */
  namespace: z.string().min(1).optional(),
  /** A screen dump (Ctrl-S) written during this run: its file name matches `name`, its text contains `contains`. */
  dump: strict({ name: pattern.optional(), contains: z.string().min(1).optional() }).optional(),
});

type K9sStateSpec = z.output<typeof k9sStateSpec>;

/** File times have whole-second precision on some filesystems: this close before the start still counts. */
const CLOCK_SLACK_MS = 1000;

function contextWords(spec: K9sStateSpec): string {
  return spec.context ? `context ${spec.context}` : "the lesson's context";
}

function wantedList(spec: K9sStateSpec): string[] {
  return [
    ...(spec.view !== undefined ? [`it was showing ${describeView(spec.view)}`] : []),
    ...(spec.namespace !== undefined ? [`its namespace was ${spec.namespace}`] : []),
    ...(spec.dump !== undefined ? [`it saved a screen dump${dumpWords(spec.dump)}`] : []),
  ];
}

function dumpWords(dump: NonNullable<K9sStateSpec['dump']>): string {
  return [
    ...(dump.name !== undefined ? [` named like /${dump.name}/`] : []),
    ...(dump.contains !== undefined ? [` containing "${clip(dump.contains, 40)}"`] : []),
  ].join(' and');
}

function wants(spec: K9sStateSpec): string {
  const rest = wantedList(spec);
  return `k9s saved its state for ${contextWords(spec)} during this lesson${rest.length > 0 ? `: ${joinAnd(rest)}` : ''}`;
}

/** k9s's folder for a context: `<cluster>/<context>`, with runs of `:` and `/` made `-` as k9s does. */
export function k9sContextPath(cluster: string, context: string): string {
  const safe = (name: string) => name.replace(/[:/]+/g, '-');
  return join(safe(cluster), safe(context));
}

/** The cluster a context of the lesson kubeconfig names; a miss as a sentence. */
async function clusterOfContext(run: RunFacts, context: string): Promise<{ cluster: string } | { miss: string }> {
  const file = run.cluster?.kubeconfigPath;
  if (!file) throw new ClusterUnavailable('this lesson run has no lesson kubeconfig (no cluster is connected)');
  // Loaded on first use: the check registry is on the start path, client-node must not be.
  const config = new (await loadClientNode()).KubeConfig();
  try {
    config.loadFromString(await readFile(file, 'utf8'));
  } catch {
    return { miss: `the lesson kubeconfig ${file} cannot be read` };
  }
  const found = config.getContextObject(context);
  if (!found) {
    const names = config.getContexts().map((c) => c.name);
    return { miss: `the lesson kubeconfig has no context ${context} (there: ${joinAnd(names)})` };
  }
  return { cluster: found.cluster };
}

function writtenThisRun(mtimeMs: number, run: RunFacts): boolean {
  return mtimeMs + CLOCK_SLACK_MS >= run.startedAt;
}

interface SavedState {
  view: string;
  namespace: string;
}

async function savedState(file: string, run: RunFacts): Promise<SavedState | { miss: string }> {
  const info = await stat(file).catch(() => null);
  if (!info || !writtenThisRun(info.mtimeMs, run))
    return { miss: 'k9s has not saved its state for it during this lesson (it saves as it quits: type :q)' };
  let state: unknown;
  try {
    state = parse(await readFile(file, 'utf8'));
  } catch {
    return { miss: `k9s's state file ${file} is not YAML` };
  }
  const k9s = (state as { k9s?: { view?: { active?: unknown }; namespace?: { active?: unknown } } } | null)?.k9s;
  return { view: textOf(k9s?.view?.active), namespace: textOf(k9s?.namespace?.active) };
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function stateMisses(spec: K9sStateSpec, saved: SavedState): string[] {
  return [
    ...(spec.view !== undefined && !sameView(spec.view, saved.view)
      ? [`k9s was showing ${saved.view ? describeView(saved.view) : 'no view'} as it quit, not ${describeView(spec.view)}`]
      : []),
    ...(spec.namespace !== undefined && saved.namespace !== spec.namespace
      ? [`its namespace was ${saved.namespace || 'unset'}, not ${spec.namespace}`]
      : []),
  ];
}

/** A screen dump of this run that fits, else what there was. */
async function dumpMiss(dir: string, dump: NonNullable<K9sStateSpec['dump']>, run: RunFacts): Promise<string | null> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const fresh: string[] = [];
  for (const name of names) {
    const info = await stat(join(dir, name)).catch(() => null);
    if (info?.isFile() && writtenThisRun(info.mtimeMs, run)) fresh.push(name);
  }
  const named = fresh.filter((name) => dump.name === undefined || new RegExp(dump.name).test(name));
  for (const name of named) {
    const text = (await readFile(join(dir, name))).subarray(0, 1024 * 1024).toString('utf8');
    if (dump.contains === undefined || text.includes(dump.contains)) return null;
  }
  if (fresh.length === 0) return 'k9s saved no screen dump during this lesson (Ctrl-S saves one)';
  const seen = clip(fresh.slice(-3).join(', '), 120);
  if (named.length === 0) return `no screen dump named like /${dump.name ?? ''}/ (saved: ${seen})`;
  return `no screen dump named like that contains "${clip(dump.contains ?? '', 40)}" (saved: ${seen})`;
}

async function evaluate(spec: K9sStateSpec, { run }: CheckContext): Promise<CheckResult> {
  const context = spec.context ?? run.cluster?.context;
  if (!context) throw new ClusterUnavailable('this lesson run has no Kubernetes context (no cluster is connected)');
  const found = await clusterOfContext(run, context);
  if ('miss' in found) return { pass: false, explanation: found.miss };
  const k9sDir = lessonK9sDir(run.workspaceDir);
  const path = k9sContextPath(found.cluster, context);
  const misses: string[] = [];
  if (spec.view !== undefined || spec.namespace !== undefined || spec.dump === undefined) {
    const saved = await savedState(join(k9sDir, 'clusters', path, 'config.yaml'), run);
    misses.push(...('miss' in saved ? [saved.miss] : stateMisses(spec, saved)));
  }
  if (spec.dump !== undefined) {
    const miss = await dumpMiss(join(k9sDir, 'screen-dumps', path), spec.dump, run);
    if (miss) misses.push(miss);
  }
  return misses.length === 0
    ? { pass: true, explanation: wants(spec) }
    : { pass: false, explanation: `for ${contextWords(spec)}, ${joinAnd(misses)}` };
}

export const k9sStateCheck = defineCheckKind<K9sStateSpec>({
  name: 'k9sState',
  schema: k9sStateSpec,
  // It reads the lesson kubeconfig, which only a cluster lesson's run has.
  source: 'cluster',
  wants,
  // Files no event announces: polled while current, and re-read when a command (k9s) finishes.
  triggers: () => ({ commands: true, poll: true }),
  evaluate,
});

/**
 * `helmRelease`: a release's chart, chart version, revision, status and values, read from Helm's
 * own release records (Secrets of type helm.sh/release.v1) through the API — no helm binary.
 */
import { z } from 'zod';
import { latestReleases, type HelmRelease } from '../cluster/helm-release';
import { clusterOf, kubeName, namespaceOf } from './kube-objects';
import type { CheckContext, CheckResult } from './kind';
import { defineCheckKind } from './kind';
import { clip, joinAnd } from './phrases';
import { scalarText, strict } from './schema-helpers';

const helmReleaseSpec = strict({
  name: kubeName,
  namespace: kubeName.optional(),
  present: z.boolean().default(true),
  chart: z.string().min(1).optional(),
  chartVersion: z.string().min(1).optional(),
  revision: z.number().int().min(1).optional(),
  status: z
    .enum([
      'deployed',
      'failed',
      'pending-install',
      'pending-upgrade',
      'pending-rollback',
      'superseded',
      'uninstalling',
      'uninstalled',
    ])
    .optional(),
  /** Values the learner set, by dotted path: {replicaCount: 2, image.tag: "1.27"}. */
  values: z.record(z.string(), scalarText).optional(),
});

type HelmReleaseSpec = z.output<typeof helmReleaseSpec>;

function wantedList(spec: HelmReleaseSpec): string[] {
  return [
    ...(spec.chart !== undefined ? [`is of chart ${spec.chart}${spec.chartVersion ? ` ${spec.chartVersion}` : ''}`] : []),
    ...(spec.chart === undefined && spec.chartVersion !== undefined ? [`is of chart version ${spec.chartVersion}`] : []),
    ...(spec.revision !== undefined ? [`is at revision ${spec.revision}`] : []),
    ...(spec.status !== undefined ? [`is ${spec.status}`] : []),
    ...Object.entries(spec.values ?? {}).map(([path, value]) => `sets ${path}=${clip(value, 30)}`),
  ];
}

function wants(spec: HelmReleaseSpec): string {
  if (!spec.present) return `no Helm release named ${spec.name} is installed`;
  const rest = wantedList(spec);
  return `Helm release ${spec.name} ${rest.length > 0 ? joinAnd(rest) : 'is installed'}`;
}

function valueAt(values: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      values,
    );
}

/** A value as the lesson writes it: scalars as text, maps and lists as JSON. */
function valueText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function misses(spec: HelmReleaseSpec, release: HelmRelease): string[] {
  const result: string[] = [];
  if (spec.chart !== undefined && release.chart !== spec.chart) result.push(`is of chart ${release.chart}, not ${spec.chart}`);
  if (spec.chartVersion !== undefined && release.chartVersion !== spec.chartVersion)
    result.push(`is of chart version ${release.chartVersion}, not ${spec.chartVersion}`);
  if (spec.revision !== undefined && release.revision !== spec.revision)
    result.push(`is at revision ${release.revision}, not ${spec.revision}`);
  if (spec.status !== undefined && release.status !== spec.status) result.push(`is ${release.status}, not ${spec.status}`);
  for (const [path, value] of Object.entries(spec.values ?? {})) {
    const actual = valueAt(release.values, path);
    if (actual === undefined) result.push(`does not set ${path}`);
    else if (valueText(actual) !== value) result.push(`sets ${path}=${clip(valueText(actual), 30)}, not ${clip(value, 30)}`);
  }
  return result;
}

async function evaluate(spec: HelmReleaseSpec, context: CheckContext): Promise<CheckResult> {
  const namespace = namespaceOf(spec, context.run);
  const releases = latestReleases(await clusterOf(context).list('secrets', namespace));
  const release = releases.get(spec.name);
  const installed = release !== undefined && release.status !== 'uninstalled';
  if (!spec.present)
    return installed
      ? { pass: false, explanation: `Helm release ${spec.name} is still installed (revision ${release.revision})` }
      : { pass: true, explanation: wants(spec) };
  if (!release) {
    const others = [...releases.keys()];
    return {
      pass: false,
      explanation: `there is no Helm release named ${spec.name} in namespace ${namespace}${others.length > 0 ? ` (releases there: ${joinAnd(others)})` : ''}`,
    };
  }
  // `helm uninstall --keep-history` leaves the records, marked uninstalled: the release is gone
  // all the same, unless the lesson asks for exactly that state.
  if (!installed && spec.status !== 'uninstalled')
    return {
      pass: false,
      explanation: `Helm release ${spec.name} was uninstalled (revision ${release.revision}; only its history is kept)`,
    };
  const missed = misses(spec, release);
  return missed.length === 0
    ? { pass: true, explanation: wants(spec) }
    : {
        pass: false,
        explanation: `Helm release ${spec.name} (revision ${release.revision}, ${release.status}) ${joinAnd(missed)}`,
      };
}

export const helmReleaseCheck = defineCheckKind<HelmReleaseSpec>({
  name: 'helmRelease',
  schema: helmReleaseSpec,
  source: 'cluster',
  wants,
  triggers: (spec) => ({
    watch: {
      resources: ['secrets'],
      ...(spec.namespace ? { namespace: spec.namespace } : {}),
      touches: (change) =>
        (change.object as { type?: string }).type === 'helm.sh/release.v1' && change.object.metadata?.labels?.name === spec.name,
    },
  }),
  evaluate,
});

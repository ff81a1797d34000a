/**
 * What the Kubernetes check kinds share: selecting objects of one resource by name or labels in
 * the run's namespace (or one the check names), the presence sentences, the watch trigger, and
 * "pass, or name the nearest miss". A kind supplies only its fields: what it wants in words and
 * what an object misses.
 */
import { z } from 'zod';
import type { WatchChange } from '../cluster/resource-watch';
import { resourceType, type KubeObject, type ResourceName } from '../cluster/resources';
import { ClusterReader, ClusterUnavailable } from './cluster-reader';
import type { AnyCheckKind, CheckContext, CheckResult, RunFacts } from './kind';
import { defineCheckKind } from './kind';
import { joinAnd, plural } from './phrases';
import { pairs, strict, textMap } from './schema-helpers';

export const kubeName = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, {
  error: 'expected a Kubernetes name like web (lowercase letters, digits, - and .)',
});

/** The selector every object kind takes: exactly one of name or labels; namespace defaults to the run's. */
export const selectorShape = {
  name: kubeName.optional(),
  labels: textMap.optional(),
  namespace: kubeName.optional(),
  present: z.boolean().default(true),
  /** With labels: exactly this many objects must match everything else the check asks. */
  count: z.number().int().min(0).optional(),
};

export interface Selector {
  name?: string | undefined;
  labels?: Record<string, string> | undefined;
  namespace?: string | undefined;
  present: boolean;
  count?: number | undefined;
}

const ONE_SELECTOR = 'select by exactly one of name or labels';

/** A strict schema with the selector and these fields, refusing a check that selects by both or neither. */
export function kubeSpec<Shape extends z.ZodRawShape>(shape: Shape, namedOnly = false) {
  return strict({ ...selectorShape, ...shape }).refine(
    (spec) => {
      const { name, labels } = spec as Selector;
      return namedOnly ? name !== undefined : (name === undefined) !== (labels === undefined);
    },
    { error: namedOnly ? 'expected the name of the object' : ONE_SELECTOR },
  );
}

export function clusterOf(context: CheckContext): ClusterReader {
  return context.cluster ?? new ClusterReader(null);
}

/** The namespace a check reads: its own, else the run's. */
export function namespaceOf(spec: { namespace?: string | undefined }, run: RunFacts): string {
  const namespace = spec.namespace ?? run.cluster?.namespace;
  if (!namespace) throw new ClusterUnavailable('this lesson run has no Kubernetes namespace (no cluster is connected)');
  return namespace;
}

export function matchesLabels(object: KubeObject, labels: Record<string, string>): boolean {
  return Object.entries(labels).every(([key, value]) => object.metadata?.labels?.[key] === value);
}

export interface KubeKindDefinition<Spec extends Selector> {
  name: string;
  resource: ResourceName;
  /** "deployment", "config map": how an object of the kind is named in sentences. */
  noun: string;
  schema: z.ZodType<Spec>;
  /** What the check wants of a matching object, as clauses ("has 3 ready replicas"). */
  wanted(spec: Spec): string[];
  /** What an object misses, as clauses ("has 1 ready replica, not 3"); empty when it matches. */
  misses(spec: Spec, object: KubeObject, read: RelatedReads): string[] | Promise<string[]>;
  /** Other resources whose changes can change the outcome (a Service's EndpointSlices). */
  related?: ResourceName[];
}

/** Reads a kind may make beyond its own objects, in the same pass. */
export interface RelatedReads {
  namespace: string;
  list(resource: ResourceName): Promise<KubeObject[]>;
  run: RunFacts;
}

function subject<Spec extends Selector>(def: KubeKindDefinition<Spec>, spec: Spec): string {
  if (spec.name !== undefined) return `${def.noun} ${spec.name}`;
  const noun = spec.count === undefined ? `a ${def.noun}` : plural(spec.count, def.noun);
  return `${noun} labelled ${pairs(spec.labels ?? {}).join(', ')}`;
}

function where(spec: Selector, namespaced: boolean): string {
  if (!namespaced) return '';
  return spec.namespace ? ` in namespace ${spec.namespace}` : '';
}

function wants<Spec extends Selector>(def: KubeKindDefinition<Spec>, spec: Spec): string {
  const place = where(spec, resourceType(def.resource).namespaced);
  if (!spec.present) return `no ${subject(def, spec).replace(/^a /, '')} exists${place}`;
  const clauses = def.wanted(spec);
  const rest = clauses.length > 0 ? joinAnd(clauses) : 'exists';
  const each = spec.count !== undefined && spec.count !== 1 && clauses.length > 0 ? 'each ' : '';
  return `${spec.count !== undefined ? 'exactly ' : ''}${subject(def, spec)}${place} ${each}${rest}`;
}

function selects(spec: Selector, object: KubeObject): boolean {
  if (spec.name !== undefined) return object.metadata?.name === spec.name;
  return matchesLabels(object, spec.labels ?? {});
}

async function evaluate<Spec extends Selector>(
  def: KubeKindDefinition<Spec>,
  spec: Spec,
  context: CheckContext,
): Promise<CheckResult> {
  const cluster = clusterOf(context);
  const namespaced = resourceType(def.resource).namespaced;
  const namespace = namespaced ? namespaceOf(spec, context.run) : '';
  const all = await cluster.list(def.resource, namespace || undefined);
  const selected = all.filter((object) => selects(spec, object) && !object.metadata?.deletionTimestamp);
  const place = namespaced ? ` in namespace ${namespace}` : '';
  if (!spec.present) {
    if (selected.length === 0) return { pass: true, explanation: wants(def, spec) };
    const names = selected.map((o) => o.metadata?.name ?? '?');
    return { pass: false, explanation: `${def.noun} ${joinAnd(names)} still ${names.length === 1 ? 'exists' : 'exist'}${place}` };
  }
  if (selected.length === 0) {
    const others = all.map((o) => o.metadata?.name ?? '').filter((n) => n !== '' && !n.startsWith('kube-'));
    const tail = others.length > 0 ? ` (there: ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''})` : '';
    const none =
      spec.name !== undefined
        ? `there is no ${def.noun} named ${spec.name}`
        : `there is no ${subject(def, spec).replace(/^a /, '')}`;
    return { pass: false, explanation: `${none}${place}${tail}` };
  }
  const read: RelatedReads = { namespace, list: (resource) => cluster.list(resource, namespace || undefined), run: context.run };
  const scored = await Promise.all(selected.map(async (object) => ({ object, misses: await def.misses(spec, object, read) })));
  scored.sort((a, b) => a.misses.length - b.misses.length);
  const matching = scored.filter((s) => s.misses.length === 0).length;
  const enough = spec.count === undefined ? matching >= 1 : matching === spec.count;
  if (enough) return { pass: true, explanation: passText(def, spec, scored[0]!.object, matching) };
  if (spec.count !== undefined && matching > spec.count)
    return { pass: false, explanation: `${plural(matching, def.noun)} match, not ${spec.count}` };
  const nearest = scored.find((s) => s.misses.length > 0)!;
  const miss = `${def.noun} ${nearest.object.metadata?.name ?? '?'} ${joinAnd(nearest.misses)}`;
  return { pass: false, explanation: spec.count === undefined ? miss : `only ${matching} of ${spec.count} match; ${miss}` };
}

function passText<Spec extends Selector>(
  def: KubeKindDefinition<Spec>,
  spec: Spec,
  object: KubeObject,
  matching: number,
): string {
  const clauses = def.wanted(spec);
  const rest = clauses.length > 0 ? joinAnd(clauses) : 'exists';
  if (spec.count !== undefined) return `${plural(matching, def.noun)} labelled ${pairs(spec.labels ?? {}).join(', ')} ${rest}`;
  return `${def.noun} ${object.metadata?.name ?? '?'} ${rest}`;
}

function touches<Spec extends Selector>(def: KubeKindDefinition<Spec>, spec: Spec): (change: WatchChange) => boolean {
  return (change) => (change.resource === def.resource ? selects(spec, change.object) : true);
}

export function defineKubeKind<Spec extends Selector>(def: KubeKindDefinition<Spec>): AnyCheckKind {
  return defineCheckKind<Spec>({
    name: def.name,
    schema: def.schema,
    source: 'cluster',
    wants: (spec) => wants(def, spec),
    triggers: (spec) => ({
      watch: {
        resources: [def.resource, ...(def.related ?? [])],
        ...(spec.namespace ? { namespace: spec.namespace } : {}),
        touches: touches(def, spec),
      },
    }),
    evaluate: (spec, context) => evaluate(def, spec, context),
  });
}

/** "has 1 ready replica, not 3" when they differ, else nothing. */
export function differs(
  actual: string | number | undefined | null,
  wanted: string | number | undefined,
  clause: (value: string) => string,
): string[] {
  if (wanted === undefined || actual === wanted) return [];
  return [`${clause(actual === undefined || actual === null || actual === '' ? 'none' : String(actual))}, not ${String(wanted)}`];
}

/** The images of an object's pod template (or a pod's own containers). */
export function containerImages(containers: unknown): string[] {
  return ((containers as Array<{ image?: string }> | undefined) ?? []).map((c) => c.image ?? '');
}

/** Does an image reference match what a lesson wrote? "nginx:1.27" matches "docker.io/library/nginx:1.27". */
export function imageMatches(actual: string, wanted: string): boolean {
  const bare = actual.replace(/^docker\.io\/(library\/)?/, '');
  return actual === wanted || bare === wanted || (!wanted.includes(':') && !wanted.includes('@') && bare === `${wanted}:latest`);
}

export function imageMiss(images: string[], wanted: string | undefined): string[] {
  if (wanted === undefined || images.some((image) => imageMatches(image, wanted))) return [];
  return [`runs ${images.length > 0 ? joinAnd(images) : 'no image'}, not ${wanted}`];
}

export function labelMisses(object: KubeObject, wanted: Record<string, string> | undefined): string[] {
  if (!wanted) return [];
  const missing = Object.entries(wanted).filter(([key, value]) => object.metadata?.labels?.[key] !== value);
  return missing.map(([key, value]) => {
    const actual = object.metadata?.labels?.[key];
    return actual === undefined ? `has no label ${key}` : `has label ${key}=${actual}, not ${value}`;
  });
}

/** Bounds written as a number (exactly) or {min, max}. */
export const countBounds = z.union(
  [z.number().int().min(0), strict({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })],
  { error: 'expected a number, or {min: N, max: N}' },
);

export type CountBounds = z.output<typeof countBounds>;

export function boundsText(bounds: CountBounds): string {
  if (typeof bounds === 'number') return `${bounds}`;
  if (bounds.min !== undefined && bounds.max !== undefined) return `${bounds.min} to ${bounds.max}`;
  if (bounds.max !== undefined) return `at most ${bounds.max}`;
  return `at least ${bounds.min ?? 0}`;
}

export function withinBounds(value: number, bounds: CountBounds): boolean {
  if (typeof bounds === 'number') return value === bounds;
  return (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max);
}

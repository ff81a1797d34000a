/**
 * `event`: an event of this reason (and type) about an object, recorded since the step began —
 * "the scheduler placed pod web", "a container was killed". Read from events.k8s.io/v1 in the
 * run's namespace; a cluster without it (before 1.19) is reported, not failed.
 */
import { z } from 'zod';
import type { KubeObject } from '../cluster/resources';
import { clusterOf, kubeName, namespaceOf } from './kube-objects';
import type { CheckContext, CheckResult } from './kind';
import { defineCheckKind } from './kind';
import { clip, joinAnd } from './phrases';
import { strict } from './schema-helpers';

const eventSpec = strict({
  reason: z.string().min(1),
  type: z.enum(['Normal', 'Warning']).optional(),
  object: strict({ kind: z.string().min(1), name: kubeName.optional() }).optional(),
  namespace: kubeName.optional(),
  /** Only events recorded since the step became current (default), or any time during the run. */
  since: z.enum(['step', 'run']).default('step'),
});

type EventSpec = z.output<typeof eventSpec>;

interface KubeEvent extends KubeObject {
  reason?: string;
  type?: string;
  note?: string;
  regarding?: { kind?: string; name?: string };
  eventTime?: string | Date;
  deprecatedLastTimestamp?: string | Date;
  series?: { lastObservedTime?: string | Date };
}

/** Event times have second precision in places: an event this close before the start still counts. */
const CLOCK_SLACK_MS = 1000;

function about(spec: EventSpec): string {
  if (!spec.object) return '';
  return ` about ${spec.object.kind}${spec.object.name ? ` ${spec.object.name}` : ''}`;
}

function wants(spec: EventSpec): string {
  const when = spec.since === 'step' ? 'since this step began' : 'during this lesson';
  return `${spec.type ? `a ${spec.type} ` : 'an '}event ${spec.reason}${about(spec)} was recorded ${when}`;
}

function lastSeen(event: KubeEvent): number {
  const times = [
    event.series?.lastObservedTime,
    event.eventTime,
    event.deprecatedLastTimestamp,
    event.metadata?.creationTimestamp,
  ];
  return Math.max(
    ...times
      .filter((t) => t !== undefined && t !== null)
      .map((t) => new Date(t).getTime())
      .filter(Number.isFinite),
    0,
  );
}

function aboutMatches(spec: EventSpec, event: KubeEvent): boolean {
  if (!spec.object) return true;
  return (
    event.regarding?.kind === spec.object.kind && (spec.object.name === undefined || event.regarding?.name === spec.object.name)
  );
}

async function evaluate(spec: EventSpec, context: CheckContext): Promise<CheckResult> {
  const namespace = namespaceOf(spec, context.run);
  const since = (spec.since === 'step' ? context.run.stepStartedAt : context.run.startedAt) - CLOCK_SLACK_MS;
  const events = ((await clusterOf(context).list('events', namespace)) as KubeEvent[]).filter((e) => lastSeen(e) >= since);
  const hit = events.find((e) => e.reason === spec.reason && (!spec.type || e.type === spec.type) && aboutMatches(spec, e));
  if (hit) return { pass: true, explanation: `${wants(spec)}: ${clip(hit.note ?? hit.reason ?? '', 80)}` };
  const sameReason = events.find((e) => e.reason === spec.reason);
  if (sameReason)
    return {
      pass: false,
      explanation: `event ${spec.reason} was recorded, but as ${sameReason.type ?? 'an event'} about ${sameReason.regarding?.kind ?? '?'} ${sameReason.regarding?.name ?? '?'}`,
    };
  const recent = [...new Set(events.filter((e) => aboutMatches(spec, e)).map((e) => e.reason ?? ''))].slice(-4);
  return {
    pass: false,
    explanation: `no event ${spec.reason}${about(spec)} since ${spec.since === 'step' ? 'this step began' : 'the lesson began'}${recent.length > 0 ? ` (recorded: ${joinAnd(recent)})` : ''}`,
  };
}

export const eventCheck = defineCheckKind<EventSpec>({
  name: 'event',
  schema: eventSpec,
  source: 'cluster',
  wants,
  triggers: (spec) => ({
    watch: {
      resources: ['events'],
      ...(spec.namespace ? { namespace: spec.namespace } : {}),
      touches: (change) => (change.object as KubeEvent).reason === spec.reason,
    },
  }),
  evaluate,
});

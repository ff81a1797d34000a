/**
 * `container`: a container selected by name, labels, or Compose project/service, in a given
 * state with given properties. Selecting by name costs one inspect; by labels or Compose, one
 * filtered list plus an inspect per candidate — never a walk over every container.
 */
import { z } from 'zod';
import type { EngineEvent } from '../engine/events';
import { containerName, describeState, inspectFromSummary, type Inspect } from './container-facts';
import { missedProperties, wantedProperties } from './container-properties';
import type { CheckContext, CheckResult, Claim, RunFacts } from './kind';
import { defineCheckKind } from './kind';
import type { EngineReader } from './engine-reader';
import { createdInstead, joinAnd } from './phrases';
import { objectName, pairs, scalarText, strict, textMap } from './schema-helpers';

const PORTS_HELP = 'expected a map like {80/tcp: 1111}';

const portsSchema = z.record(
  z.string().regex(/^\d{1,5}\/(tcp|udp|sctp)$/, { error: PORTS_HELP }),
  z.union(
    [
      z.number({ error: PORTS_HELP }).int({ error: PORTS_HELP }).min(1, { error: PORTS_HELP }).max(65535, { error: PORTS_HELP }),
      z.string().regex(/^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):\d{1,5}$/, { error: PORTS_HELP }),
    ],
    { error: PORTS_HELP },
  ),
  { error: PORTS_HELP },
);

const states = ['created', 'running', 'paused', 'restarting', 'exited', 'dead'] as const;

export const containerSpec = strict({
  name: objectName.optional(),
  label: textMap.optional(),
  compose: strict({ project: z.string().min(1), service: z.string().min(1).optional() }).optional(),
  present: z.boolean().default(true),
  count: z.number().int().min(0).optional(),
  created: z.boolean().default(true),
  state: z.enum(states, { error: `expected one of ${states.join(', ')}` }).optional(),
  exitCode: z.number().int().optional(),
  image: z.string().min(1).optional(),
  ports: portsSchema.optional(),
  env: textMap.optional(),
  labels: textMap.optional(),
  mounts: z
    .array(
      strict({
        target: z.string().startsWith('/', { error: 'expected an absolute path inside the container, like /data' }),
        source: z.string().min(1).optional(),
        type: z.enum(['volume', 'bind', 'tmpfs']).optional(),
        readOnly: z.boolean().optional(),
      }),
    )
    .optional(),
  privileged: z.boolean().optional(),
  init: z.boolean().optional(),
  securityOpt: z.array(z.string().min(1)).optional(),
  networkMode: z.string().min(1).optional(),
  restart: z
    .string()
    .regex(/^(no|always|unless-stopped|on-failure(:\d+)?)$/, {
      error: 'expected no, always, unless-stopped, on-failure or on-failure:N',
    })
    .optional(),
  memory: z
    .union(
      [
        z.number().int().positive(),
        z.string().regex(/^\d+(\.\d+)?[bkmgBKMG]?$/, { error: 'expected a size like 64m, 512k or 1g' }),
      ],
      {
        error: 'expected a size like 64m, 512k or 1g',
      },
    )
    .optional(),
  cpus: z.number().positive().optional(),
  health: z.enum(['healthy', 'unhealthy', 'starting', 'none']).optional(),
  user: scalarText.optional(),
  command: z
    .union([z.string().min(1), z.array(z.string())], { error: 'expected a command line, or a list of arguments' })
    .optional(),
}).refine((spec) => [spec.name, spec.label, spec.compose].filter((s) => s !== undefined).length === 1, {
  error: 'select the container by exactly one of name, label or compose',
});

export type ContainerSpec = z.output<typeof containerSpec>;

/** "container web", "a container labelled tier=front", "3 containers of Compose service demo/web". */
function subject(spec: ContainerSpec, count?: number): string {
  const noun = count === undefined ? 'a container' : `${count} ${count === 1 ? 'container' : 'containers'}`;
  if (spec.name !== undefined) return `container ${spec.name}`;
  if (spec.label !== undefined) return `${noun} labelled ${pairs(spec.label).join(', ')}`;
  const compose = spec.compose!;
  return compose.service
    ? `${noun} of Compose service ${compose.project}/${compose.service}`
    : `${noun} of Compose project ${compose.project}`;
}

function wantedList(spec: ContainerSpec): string[] {
  // "exited with code 0" already says it exited.
  const state = spec.state && !(spec.state === 'exited' && spec.exitCode !== undefined) ? [`is ${spec.state}`] : [];
  const rest = [...state, ...wantedProperties(spec)];
  return rest.length > 0 ? rest : ['exists'];
}

function wants(spec: ContainerSpec): string {
  if (!spec.present) {
    return spec.name !== undefined ? `no container named ${spec.name} exists` : `no ${subject(spec).replace(/^a /, '')} exists`;
  }
  const fresh = spec.created ? ', created during this lesson,' : '';
  if (spec.count === undefined) return `${subject(spec)}${fresh} ${joinAnd(wantedList(spec))}`;
  return `exactly ${subject(spec, spec.count)}${fresh} ${spec.count === 1 ? '' : 'each '}${joinAnd(wantedList(spec))}`;
}

/** Properties only an inspect has; a check asking none of them is answered from the list. */
const INSPECT_ONLY = [
  'image',
  'ports',
  'env',
  'mounts',
  'privileged',
  'init',
  'securityOpt',
  'restart',
  'memory',
  'cpus',
  'health',
  'user',
  'command',
] as const;

function needsInspect(spec: ContainerSpec): boolean {
  return INSPECT_ONLY.some((key) => spec[key] !== undefined);
}

/**
 * The containers the selector names. By name: one inspect — or, while the container is being
 * cleaned up after dying (when an inspect would wait for that), its list entry, for a check that
 * needs no more. By labels or Compose project: the candidates from the events-fed container
 * index (or one filtered list without it), each inspected; the run's own containers first.
 */
export async function selectContainers(spec: ContainerSpec, engine: EngineReader, run?: RunFacts): Promise<Inspect[]> {
  if (spec.name !== undefined) {
    if (!needsInspect(spec) && engine.recentlyDied(spec.name)) {
      const info = await engine.containerByName(spec.name);
      return info ? [inspectFromSummary(info)] : [];
    }
    const info = await engine.container(spec.name);
    return info && containerName(info) === spec.name ? [info] : [];
  }
  const wanted = spec.label ?? {
    'com.docker.compose.project': spec.compose!.project,
    ...(spec.compose!.service ? { 'com.docker.compose.service': spec.compose!.service } : {}),
  };
  const selected = (labels: Record<string, string> | null | undefined) =>
    Object.entries(wanted).every(([key, value]) => labels?.[key] === value) && labels?.['com.docker.compose.oneoff'] !== 'True';
  // Only containers created during the run can pass a `created` check: inspect those, no list.
  if (spec.created && run?.createdIds) {
    const created = await Promise.all(run.createdIds('container').map((id) => engine.container(id)));
    const hits = created.filter((info): info is Inspect => info !== null && selected(info.Config.Labels));
    if (hits.length > 0 && !hits.some((info) => engine.recentlyDied(containerName(info)))) return hits;
  }
  return (await engine.containersLabelled(wanted)).filter((info) => selected(info.Config.Labels));
}

function missesOf(spec: ContainerSpec, info: Inspect): string[] {
  const stateMiss =
    spec.state !== undefined && info.State.Status !== spec.state ? [`is ${describeState(info)}, not ${spec.state}`] : [];
  return [...stateMiss, ...missedProperties(spec, info)];
}

/** "container web is running but publishes 80/tcp on 8080, not 1111". */
function explainMiss(spec: ContainerSpec, info: Inspect, misses: string[]): string {
  const who = spec.name !== undefined ? `container ${spec.name}` : `container ${containerName(info)}`;
  const [first, ...rest] = misses;
  // A miss that itself says the state ("is exited", "exited with code 3") needs no "is running but".
  if (/^(is |exited with |has not exited )/.test(first!))
    return `${who} ${first!}${rest.length > 0 ? `, and it ${joinAnd(rest)}` : ''}`;
  return `${who} is ${describeState(info)} but ${joinAnd(misses)}`;
}

function touches(spec: ContainerSpec): (event: EngineEvent) => boolean {
  if (spec.name !== undefined) {
    const name = spec.name;
    return (event) => event.attributes.name === name || event.attributes.oldName?.replace(/^\//, '') === name;
  }
  const labels = spec.label ?? {
    'com.docker.compose.project': spec.compose!.project,
    ...(spec.compose!.service ? { 'com.docker.compose.service': spec.compose!.service } : {}),
  };
  return (event) => Object.entries(labels).every(([key, value]) => event.attributes[key] === value);
}

async function evaluate(spec: ContainerSpec, { engine, run }: CheckContext): Promise<CheckResult> {
  const selected = await selectContainers(spec, engine, run);
  if (!spec.present) {
    if (selected.length === 0) return { pass: true, explanation: `${wants(spec)}` };
    const names = selected.map((info) => `${containerName(info)} (${describeState(info)})`);
    return {
      pass: false,
      explanation:
        spec.name !== undefined
          ? `container ${spec.name} still exists (${describeState(selected[0]!)})`
          : `${subject(spec, selected.length)} still exist: ${joinAnd(names)}`,
    };
  }
  const fresh = spec.created ? selected.filter((info) => run.createdDuringRun('container', info.Id)) : selected;
  if (fresh.length === 0) return { pass: false, explanation: explainAbsent(spec, selected, run) };
  const scored = fresh.map((info) => ({ info, misses: missesOf(spec, info) })).sort((a, b) => a.misses.length - b.misses.length);
  const matching = scored.filter((s) => s.misses.length === 0).length;
  const enough = spec.count === undefined ? matching >= 1 : matching === spec.count;
  if (enough) return { pass: true, explanation: passText(spec, scored[0]!.info, matching) };
  if (spec.count !== undefined && matching > spec.count) {
    return { pass: false, explanation: `${subject(spec, matching)} match, not ${spec.count}` };
  }
  const nearest = scored.find((s) => s.misses.length > 0)!;
  const miss = explainMiss(spec, nearest.info, nearest.misses);
  if (spec.count === undefined) return { pass: false, explanation: miss };
  return { pass: false, explanation: `only ${matching} of ${subject(spec, spec.count)} match; ${miss}` };
}

function explainAbsent(spec: ContainerSpec, selected: Inspect[], run: RunFacts): string {
  if (selected.length > 0) {
    const info = selected[0]!;
    const who = spec.name !== undefined ? `container ${spec.name}` : `container ${containerName(info)}`;
    return `${who} exists (${describeState(info)}) but was not created during this lesson; remove or rename it and create it again`;
  }
  const instead = spec.name !== undefined ? createdInstead('container', run.createdNames('container')) : '';
  return spec.name !== undefined
    ? `there is no container named ${spec.name}${instead}`
    : `there is no ${subject(spec).replace(/^a /, '')}`;
}

function passText(spec: ContainerSpec, info: Inspect, matching: number): string {
  if (spec.count !== undefined) return `${subject(spec, matching)} ${matching === 1 ? '' : 'each '}${joinAnd(wantedList(spec))}`;
  const who = spec.name !== undefined ? `container ${spec.name}` : `container ${containerName(info)}`;
  return `${who} ${joinAnd(wantedList(spec))}`;
}

function claims(spec: ContainerSpec): Claim[] {
  if (!spec.present) return [];
  const ports = Object.values(spec.ports ?? {}).map((value) => ({
    kind: 'port' as const,
    port: typeof value === 'number' ? value : Number(value.slice(value.lastIndexOf(':') + 1)),
  }));
  const names: Claim[] =
    spec.name !== undefined && spec.created
      ? [{ kind: 'container-name', name: spec.name }]
      : spec.compose && spec.created
        ? [{ kind: 'compose-project', name: spec.compose.project }]
        : [];
  return [...names, ...ports];
}

export const containerCheck = defineCheckKind<ContainerSpec>({
  name: 'container',
  schema: containerSpec,
  wants,
  triggers: (spec) => ({ events: { types: ['container'], touches: touches(spec) } }),
  evaluate,
  claims,
});

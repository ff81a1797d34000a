/** `network`: present or absent, its driver, the containers attached to it. One inspect. */
import { z } from 'zod';
import type { EngineEvent } from '../engine/events';
import type { CheckContext, CheckResult, Claim } from './kind';
import { defineCheckKind } from './kind';
import { createdInstead, joinAnd } from './phrases';
import { objectName, strict } from './schema-helpers';

export const networkSpec = strict({
  name: objectName,
  present: z.boolean().default(true),
  driver: z.string().min(1).optional(),
  attached: z.array(objectName).optional(),
  created: z.boolean().default(true),
});

export type NetworkSpec = z.output<typeof networkSpec>;

function wants(spec: NetworkSpec): string {
  if (!spec.present) return `no network named ${spec.name} exists`;
  const rest = [
    ...(spec.created ? ['was created during this lesson'] : []),
    ...(spec.driver !== undefined ? [`uses the ${spec.driver} driver`] : []),
    ...(spec.attached && spec.attached.length > 0 ? [`has ${joinAnd(spec.attached)} attached`] : []),
  ];
  return rest.length === 0 ? `network ${spec.name} exists` : `network ${spec.name} exists and ${joinAnd(rest)}`;
}

async function evaluate(spec: NetworkSpec, { engine, run }: CheckContext): Promise<CheckResult> {
  const network = await engine.network(spec.name);
  if (!spec.present)
    return network ? { pass: false, explanation: `network ${spec.name} still exists` } : { pass: true, explanation: wants(spec) };
  if (!network)
    return {
      pass: false,
      explanation: `there is no network named ${spec.name}${createdInstead('network', run.createdNames('network'))}`,
    };
  const misses: string[] = [];
  if (spec.created && !run.createdDuringRun('network', network.Id))
    misses.push('was not created during this lesson (it is from before you started)');
  if (spec.driver !== undefined && network.Driver !== spec.driver)
    misses.push(`uses the ${network.Driver} driver, not ${spec.driver}`);
  const attached = Object.values(network.Containers ?? {}).map((c) => (c as { Name: string }).Name);
  const missing = (spec.attached ?? []).filter((name) => !attached.includes(name));
  if (missing.length > 0) {
    const now = attached.length === 0 ? 'no container is attached' : `attached: ${joinAnd(attached)}`;
    misses.push(`${joinAnd(missing)} ${missing.length === 1 ? 'is' : 'are'} not attached (${now})`);
  }
  return misses.length === 0
    ? { pass: true, explanation: wants(spec) }
    : { pass: false, explanation: `network ${spec.name} exists but ${joinAnd(misses)}` };
}

function touches(spec: NetworkSpec): (event: EngineEvent) => boolean {
  // connect/disconnect/create/destroy all carry the network's name.
  return (event) => event.attributes.name === spec.name || event.id === spec.name;
}

function claims(spec: NetworkSpec): Claim[] {
  return spec.present && spec.created ? [{ kind: 'network-name', name: spec.name }] : [];
}

export const networkCheck = defineCheckKind<NetworkSpec>({
  name: 'network',
  schema: networkSpec,
  wants,
  triggers: (spec) => ({ events: { types: ['network'], touches: touches(spec) } }),
  evaluate,
  claims,
});

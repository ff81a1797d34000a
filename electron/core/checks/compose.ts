/**
 * `compose`: a Compose project up with given services running, or gone (no containers, no
 * networks), optionally with the images it built removed. Read from the labels Compose puts
 * on everything it creates: one filtered list per object type, whatever else the engine holds.
 */
import { z } from 'zod';
import type { EngineEvent } from '../engine/events';
import type { CheckContext, CheckResult, Claim } from './kind';
import { defineCheckKind } from './kind';
import { joinAnd, plural } from './phrases';
import { strict } from './schema-helpers';

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';

export const composeSpec = strict({
  project: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'expected a Compose project name (lower case letters, digits, _ and -)' }),
  state: z.enum(['up', 'down']).default('up'),
  services: z.array(z.string().min(1)).optional(),
  imagesRemoved: z.boolean().optional(),
});

export type ComposeSpec = z.output<typeof composeSpec>;

function wants(spec: ComposeSpec): string {
  if (spec.state === 'down') {
    return `Compose project ${spec.project} is down (no containers, no networks)${spec.imagesRemoved ? ' and the images it built are removed' : ''}`;
  }
  const services = spec.services && spec.services.length > 0 ? ` with ${joinAnd(spec.services)} running` : '';
  return `Compose project ${spec.project} is up${services}`;
}

async function evaluate(spec: ComposeSpec, { engine }: CheckContext): Promise<CheckResult> {
  const label = [`${PROJECT}=${spec.project}`];
  const containers = (await engine.containersLabelled({ [PROJECT]: spec.project })).filter(
    (c) => c.Config.Labels?.['com.docker.compose.oneoff'] !== 'True',
  );
  if (spec.state === 'down') {
    const networks = await engine.networks({ label });
    const images = spec.imagesRemoved ? await engine.images({ label }) : [];
    const left = [
      ...(containers.length > 0 ? [plural(containers.length, 'container')] : []),
      ...(networks.length > 0 ? [`${plural(networks.length, 'network')} (${joinAnd(networks.map((n) => n.Name))})`] : []),
      ...(images.length > 0
        ? [`${plural(images.length, 'image')} (${joinAnd(images.map((i) => i.RepoTags?.[0] ?? i.Id.slice(7, 19)))})`]
        : []),
    ];
    return left.length === 0
      ? { pass: true, explanation: wants(spec) }
      : { pass: false, explanation: `Compose project ${spec.project} still has ${joinAnd(left)}` };
  }
  if (containers.length === 0)
    return { pass: false, explanation: `Compose project ${spec.project} is not up: it has no containers` };
  const running = new Set(containers.filter((c) => c.State.Status === 'running').map((c) => c.Config.Labels?.[SERVICE] ?? ''));
  const present = new Set(containers.map((c) => c.Config.Labels?.[SERVICE] ?? ''));
  const missing = (spec.services ?? []).filter((service) => !running.has(service));
  if (missing.length === 0) return { pass: true, explanation: wants(spec) };
  const why = missing.map((service) => (present.has(service) ? `${service} is not running` : `${service} has no container`));
  return { pass: false, explanation: `Compose project ${spec.project} is up but ${joinAnd(why)}` };
}

function touches(spec: ComposeSpec): (event: EngineEvent) => boolean {
  // Containers and networks carry the project label in their event attributes; image removals do not.
  return (event) =>
    event.attributes[PROJECT] === spec.project ||
    (spec.imagesRemoved === true && event.type === 'image') ||
    event.attributes.name?.startsWith(`${spec.project}_`) === true;
}

function claims(spec: ComposeSpec): Claim[] {
  return spec.state === 'up' ? [{ kind: 'compose-project', name: spec.project }] : [];
}

export const composeCheck = defineCheckKind<ComposeSpec>({
  name: 'compose',
  schema: composeSpec,
  wants,
  triggers: (spec) => ({ events: { types: ['container', 'network', 'image'], touches: touches(spec) } }),
  evaluate,
  claims,
});

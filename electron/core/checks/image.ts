/**
 * `image`: a tag present or absent, its layer count, a history entry matching a pattern, and
 * whether it was built, tagged, pulled or loaded during this run. One inspect, plus the history
 * only when the check asks about it.
 */
import { z } from 'zod';
import type { EngineEvent } from '../engine/events';
import { normaliseImageRef } from './image-ref';
import type { CheckContext, CheckResult } from './kind';
import { defineCheckKind } from './kind';
import { clip, createdInstead, joinAnd, plural } from './phrases';
import { pattern, strict } from './schema-helpers';

const layerBounds = z.union(
  [z.number().int().min(1), strict({ min: z.number().int().min(1).optional(), max: z.number().int().min(1).optional() })],
  { error: 'expected a number of layers, or {min: N, max: N}' },
);

export const imageSpec = strict({
  tag: z.string().min(1),
  present: z.boolean().default(true),
  layers: layerBounds.optional(),
  history: pattern.optional(),
  created: z.boolean().default(false),
});

export type ImageSpec = z.output<typeof imageSpec>;

function layersWanted(layers: NonNullable<ImageSpec['layers']>): string {
  if (typeof layers === 'number') return `has ${plural(layers, 'layer')}`;
  if (layers.min !== undefined && layers.max !== undefined) return `has ${layers.min} to ${layers.max} layers`;
  if (layers.max !== undefined) return `has at most ${plural(layers.max, 'layer')}`;
  return `has at least ${plural(layers.min ?? 1, 'layer')}`;
}

function layersFit(layers: NonNullable<ImageSpec['layers']>, count: number): boolean {
  if (typeof layers === 'number') return count === layers;
  return (layers.min === undefined || count >= layers.min) && (layers.max === undefined || count <= layers.max);
}

function wantedList(spec: ImageSpec): string[] {
  return [
    ...(spec.created ? ['was built or tagged during this lesson'] : []),
    ...(spec.layers !== undefined ? [layersWanted(spec.layers)] : []),
    ...(spec.history !== undefined ? [`has a history entry matching /${spec.history}/`] : []),
  ];
}

function wants(spec: ImageSpec): string {
  const tag = normaliseImageRef(spec.tag);
  if (!spec.present) return `no image tagged ${tag} exists`;
  const rest = wantedList(spec);
  return rest.length === 0 ? `image ${tag} exists` : `image ${tag} exists and ${joinAnd(rest)}`;
}

async function evaluate(spec: ImageSpec, { engine, run }: CheckContext): Promise<CheckResult> {
  const tag = normaliseImageRef(spec.tag);
  const found = await engine.image(tag);
  // The engine also resolves id prefixes: only a real tag counts.
  const image = found && (found.RepoTags ?? []).map(normaliseImageRef).includes(tag) ? found : null;
  if (!spec.present) {
    return image
      ? { pass: false, explanation: `image ${tag} still exists (${image.Id.slice(7, 19)})` }
      : { pass: true, explanation: wants(spec) };
  }
  if (!image)
    return { pass: false, explanation: `there is no image tagged ${tag}${createdInstead('image', run.createdNames('image'))}` };
  const misses: string[] = [];
  const seen = { names: image.RepoTags ?? [], labels: (image.Config?.Labels as Record<string, string> | null | undefined) ?? {} };
  if (spec.created && !run.createdDuringRun('image', image.Id, seen)) {
    // A cached rebuild yields the same image and BuildKit announces nothing: only a fresh one shows.
    misses.push(
      `was not built or tagged during this lesson (it is from before you started: remove it with \`docker rmi ${tag}\` and build it again)`,
    );
  }
  const layerCount = image.RootFS?.Layers?.length ?? 0;
  if (spec.layers !== undefined && !layersFit(spec.layers, layerCount)) {
    misses.push(
      `has ${plural(layerCount, 'layer')}, but the lesson wants it to ${layersWanted(spec.layers).replace(/^has/, 'have')}`,
    );
  }
  if (spec.history !== undefined) {
    const history = await engine.imageHistory(image.Id);
    const regex = new RegExp(spec.history, 'm');
    const hit = history.some((entry) => regex.test(entry.CreatedBy ?? '') || regex.test(entry.Comment ?? ''));
    if (!hit) {
      const newest = history[0]?.CreatedBy ? `; its newest entry is "${clip(history[0].CreatedBy)}"` : '';
      misses.push(`has no history entry matching /${spec.history}/${newest}`);
    }
  }
  if (misses.length === 0) return { pass: true, explanation: wants(spec) };
  return { pass: false, explanation: `image ${tag} exists but ${joinAnd(misses)}` };
}

function touches(spec: ImageSpec): (event: EngineEvent) => boolean {
  const tag = normaliseImageRef(spec.tag);
  const repo = tag.slice(0, tag.lastIndexOf(':'));
  // Untag and delete events name the image by id only: any of those may concern our tag.
  return (event) =>
    event.action === 'untag' ||
    event.action === 'delete' ||
    normaliseImageRef(event.attributes.name ?? event.id).startsWith(`${repo}:`);
}

export const imageCheck = defineCheckKind<ImageSpec>({
  name: 'image',
  schema: imageSpec,
  wants,
  // BuildKit builds send no engine events at all: poll too, while the step is current.
  triggers: (spec) => ({ events: { types: ['image'], touches: touches(spec) }, poll: true }),
  evaluate,
});

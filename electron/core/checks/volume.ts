/**
 * `volume`: present or absent, dangling (no container uses it), mounted by a named container,
 * created during this run. One inspect; usage is asked of the engine's own references (its
 * `dangling` filter) and of the named container, never by listing every container.
 */
import { z } from 'zod';
import type { EngineEvent } from '../engine/events';
import type { EngineReader } from './engine-reader';
import type { CheckContext, CheckResult, Claim, RunFacts } from './kind';
import { defineCheckKind } from './kind';
import { createdInstead, joinAnd } from './phrases';
import { objectName, strict } from './schema-helpers';

export const volumeSpec = strict({
  name: objectName,
  present: z.boolean().default(true),
  dangling: z.boolean().optional(),
  mountedBy: objectName.optional(),
  created: z.boolean().default(true),
});

export type VolumeSpec = z.output<typeof volumeSpec>;

function wantedList(spec: VolumeSpec): string[] {
  return [
    ...(spec.created ? ['was created during this lesson'] : []),
    ...(spec.dangling === true ? ['is used by no container'] : spec.dangling === false ? ['is used by a container'] : []),
    ...(spec.mountedBy !== undefined ? [`is mounted by container ${spec.mountedBy}`] : []),
  ];
}

function wants(spec: VolumeSpec): string {
  if (!spec.present) return `no volume named ${spec.name} exists`;
  const rest = wantedList(spec);
  return rest.length === 0 ? `volume ${spec.name} exists` : `volume ${spec.name} exists and ${joinAnd(rest)}`;
}

async function evaluate(spec: VolumeSpec, { engine, run }: CheckContext): Promise<CheckResult> {
  const volume = await engine.volume(spec.name);
  if (!spec.present)
    return volume ? { pass: false, explanation: `volume ${spec.name} still exists` } : { pass: true, explanation: wants(spec) };
  if (!volume)
    return {
      pass: false,
      explanation: `there is no volume named ${spec.name}${createdInstead('volume', run.createdNames('volume'))}`,
    };
  const misses: string[] = [];
  if (spec.created && !run.createdDuringRun('volume', spec.name)) {
    misses.push('was not created during this lesson (it is from before you started)');
  }
  misses.push(...(await usageMisses(spec, engine, run)));
  return misses.length === 0
    ? { pass: true, explanation: wants(spec) }
    : { pass: false, explanation: `volume ${spec.name} exists but ${joinAnd(misses)}` };
}

/**
 * Whether the volume is used, without walking the containers: the engine keeps a volume's
 * references, so its `dangling` filter costs nothing per container, and "mounted by X" is one
 * inspect of X. A miss names the users among the containers this run created (inspects of those
 * only: a list filtered by volume walks every container, ~10 ms per thousand).
 */
async function usageMisses(spec: VolumeSpec, engine: EngineReader, run: RunFacts): Promise<string[]> {
  if (spec.dangling === undefined && spec.mountedBy === undefined) return [];
  const users = async () => {
    const candidates = await Promise.all((run.createdIds?.('container') ?? []).map((id) => engine.container(id)));
    return candidates
      .filter((info) => info?.Mounts?.some((m) => m.Type === 'volume' && m.Name === spec.name))
      .map((info) => info!.Name.replace(/^\//, ''));
  };
  const misses: string[] = [];
  const mounter = spec.mountedBy !== undefined ? await engine.container(spec.mountedBy) : null;
  const mounted = (mounter?.Mounts ?? []).some((m) => m.Type === 'volume' && m.Name === spec.name);
  if (spec.mountedBy !== undefined && !mounted) {
    const names = await users();
    misses.push(
      names.length === 0
        ? `is not mounted by container ${spec.mountedBy}`
        : `is mounted by ${joinAnd(names)}, not by ${spec.mountedBy}`,
    );
  }
  // Mounted by the named container already answers "used"; otherwise ask the engine's references.
  if (spec.dangling === true || (spec.dangling === false && !mounted)) {
    const dangling = (await engine.volumes({ dangling: ['true'], name: [spec.name] })).some((v) => v.Name === spec.name);
    if (spec.dangling === true && !dangling) {
      const names = await users();
      misses.push(
        names.length > 0
          ? `is still used by ${joinAnd(names.map((n) => `container ${n}`))}`
          : 'is still used by a container this lesson did not create',
      );
    }
    if (spec.dangling === false && dangling) misses.push('is used by no container');
  }
  return misses;
}

function touches(spec: VolumeSpec): (event: EngineEvent) => boolean {
  const usage = spec.dangling !== undefined || spec.mountedBy !== undefined;
  return (event) =>
    (event.type === 'volume' && event.id === spec.name) ||
    // A container that used the volume going away makes it dangling; its destroy event does not name the volume.
    (usage && event.type === 'container' && (event.action === 'destroy' || event.attributes.name === spec.mountedBy));
}

function claims(spec: VolumeSpec): Claim[] {
  return spec.present && spec.created ? [{ kind: 'volume-name', name: spec.name }] : [];
}

export const volumeCheck = defineCheckKind<VolumeSpec>({
  name: 'volume',
  schema: volumeSpec,
  wants,
  triggers: (spec) => ({ events: { types: ['volume', 'container'], touches: touches(spec) } }),
  evaluate,
  claims,
});

/**
 * `when:` beside a check says on which engines it applies. Learners run Docker Engine, Docker
 * Desktop, Colima, rootless Docker, ...; some facts hold on one and not another (a file a
 * container writes as root is root-owned on the host only with a rootful Linux engine). A check
 * that does not apply here passes, and says plainly why it was not asked.
 */
import { z } from 'zod';
import type { EngineInfo } from '../contract';

/** Engine kinds as lesson authors name them, matched against the product the engine reports. */
export const engineKinds = [
  'docker-engine',
  'rootless',
  'docker-desktop',
  'colima',
  'orbstack',
  'rancher-desktop',
  'podman',
] as const;
export type EngineKind = (typeof engineKinds)[number];

const kindLabels: Record<EngineKind, string> = {
  'docker-engine': 'Docker Engine',
  rootless: 'rootless Docker',
  'docker-desktop': 'Docker Desktop',
  colima: 'Colima',
  orbstack: 'OrbStack',
  'rancher-desktop': 'Rancher Desktop',
  podman: 'Podman',
};

export const whenSchema = z.strictObject({
  engine: z
    .array(z.enum(engineKinds, { error: `expected one of ${engineKinds.join(', ')}` }))
    .min(1, { error: 'list at least one engine kind' }),
  /** Why the check is limited, in words for the learner ("Desktop maps file owners to you"). */
  because: z.string().optional(),
});

export type When = z.infer<typeof whenSchema>;

/** The kind of engine from the product name `identifyProduct` gives. */
export function engineKindOf(product: string): EngineKind {
  const p = product.toLowerCase();
  if (p.includes('rootless')) return 'rootless';
  if (p.includes('desktop') && p.includes('docker')) return 'docker-desktop';
  if (p.includes('colima')) return 'colima';
  if (p.includes('orbstack')) return 'orbstack';
  if (p.includes('rancher')) return 'rancher-desktop';
  if (p.includes('podman')) return 'podman';
  return 'docker-engine';
}

export function describeWhen(when: When): string {
  return `on ${when.engine.map((k) => kindLabels[k]).join(' or ')} only`;
}

/** null when the check applies to this engine; otherwise the sentence to show instead of a result. */
export function notApplicable(when: When | undefined, engine: EngineInfo | null): string | null {
  if (!when || !engine) return null;
  const kind = engineKindOf(engine.product);
  if (when.engine.includes(kind)) return null;
  const reason = when.because ? ` (${when.because})` : '';
  return `does not apply on ${engine.product}: it is checked ${describeWhen(when)}${reason}`;
}

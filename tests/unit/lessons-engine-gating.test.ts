/**
 * The real lessons ask, on each kind of engine, only what holds there: limits need cgroups that
 * rootless Docker and Podman may not delegate, Podman has no BuildKit and no docker0. A check left
 * ungated there would fail a learner who did everything right.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notApplicable } from '../../electron/core/checks/applies-when';
import type { EngineInfo } from '../../electron/core/contract';
import { loadCatalog } from '../../electron/core/lessons/catalog';

const catalog = loadCatalog(resolve('lessons'));

const engine = (product: string): EngineInfo => ({
  product,
  engineVersion: '26.1.5',
  apiVersion: '1.45',
  os: 'linux',
  arch: 'amd64',
  name: 'n',
});

/** The ids of the step's checks that are asked on this engine. */
function asked(lessonId: string, stepTitle: string, product: string): string[] {
  const lesson = catalog.lessons.find((l) => l.summary.id === lessonId);
  const step = lesson?.steps.find((s) => s.title === stepTitle);
  if (!step) throw new Error(`no step "${stepTitle}" in ${lessonId}`);
  return step.checks.filter((c) => notApplicable(c.when, engine(product)) === null).map((c) => c.id);
}

describe('under-the-hood on rootless Docker and Podman', () => {
  it('asks about limits only where the engine applies them', () => {
    expect(asked('docker/under-the-hood', 'Set limits: cgroups', 'Docker Engine')).toEqual([
      'container',
      'container#2',
      'exec',
      'file',
    ]);
    for (const product of ['Docker Engine (rootless)', 'Podman']) {
      expect(asked('docker/under-the-hood', 'Set limits: cgroups', product)).toEqual(['container', 'file']);
      expect(asked('docker/under-the-hood', 'Watch the limit bite', product)).toEqual(['container']);
    }
    expect(asked('docker/under-the-hood', 'Watch the limit bite', 'Docker Desktop')).toEqual(['container', 'container#2']);
  });

  it('asks for a BuildKit history everywhere but Podman', () => {
    expect(asked('docker/under-the-hood', 'BuildKit and buildx', 'Docker Engine (rootless)')).toEqual(['image']);
    expect(asked('docker/under-the-hood', 'BuildKit and buildx', 'Podman')).toEqual([]);
  });
});

describe('host networking on Podman', () => {
  it('does not look for docker0 where the bridge is podman0 or absent', () => {
    expect(asked('docker/security-options', "Share the host's network", 'Docker Engine')).toEqual(['container', 'exec']);
    expect(asked('docker/security-options', "Share the host's network", 'Podman')).toEqual(['container']);
  });
});

/** A lesson's `requires:` checked before it starts: met, not met with what to do, or cannot tell. */
import { describe, expect, it } from 'vitest';
import type { LoadedLesson } from '../../electron/core/lessons/types';
import { checkRequirements, type RequirementProbes } from '../../electron/core/runner/requirements';

const probes = (online: boolean, compose: string | null): RequirementProbes => ({
  registryHost: 'registry.example',
  online: () => Promise.resolve(online),
  composeVersion: () => Promise.resolve(compose),
  cluster: () => Promise.resolve({ ok: false, detail: 'nothing listens at https://127.0.0.1:1' }),
  kubeTool: (tool) => Promise.resolve({ met: false, detail: `${tool} is not installed` }),
});

describe('checkRequirements', () => {
  it('says plainly when the learner is offline', async () => {
    const [network] = await checkRequirements(['network'], true, probes(false, null));
    expect(network).toMatchObject({ name: 'network', met: false });
    expect(network!.detail).toMatch(/you seem to be offline \(registry\.example cannot be resolved\).*need the internet/);
  });

  it('reports online, Compose present and the engine answering as met', async () => {
    const result = await checkRequirements(['docker', 'compose', 'network'], true, probes(true, '2.26.1'));
    expect(result.map((r) => [r.name, r.met])).toEqual([
      ['docker', true],
      ['compose', true],
      ['network', true],
    ]);
    expect(result[1]!.detail).toBe('Docker Compose 2.26.1');
  });

  it('says how to get Compose when it is missing, and cannot tell about Kubernetes without the lesson', async () => {
    const [compose, kubernetes] = await checkRequirements(['compose', 'kubernetes'], true, probes(true, null));
    expect(compose).toMatchObject({ met: false });
    expect(compose!.detail).toMatch(/docker compose version/);
    expect(kubernetes!.met).toBeNull();
  });

  it("passes the cluster's and the tools' sentences through for a Kubernetes lesson", async () => {
    const lesson = { steps: [] } as unknown as LoadedLesson;
    const result = await checkRequirements(['kubernetes', 'helm'], true, probes(true, null), lesson);
    expect(result).toEqual([
      { name: 'kubernetes', met: false, detail: 'nothing listens at https://127.0.0.1:1' },
      { name: 'helm', met: false, detail: 'helm is not installed' },
    ]);
  });
});

/** The real probes behind a lesson's `requires:`, on this machine. */
import { describe, expect, it } from 'vitest';
import { machineProbes } from '../../electron/core/runner/requirements';

describe('machineProbes', () => {
  it('finds the Compose plugin this machine has (provisioned for the tests)', async () => {
    expect(await machineProbes().composeVersion()).toMatch(/^\d+\.\d+/);
  });

  it('counts the machine online when the registry host resolves, within its time bound', async () => {
    // localhost resolves from the hosts file: a real lookup, with no name server asked.
    const probes = machineProbes({ ...process.env, DOCKSIDE_REGISTRY_HOST: 'localhost' });
    expect(probes.registryHost).toBe('localhost');
    const started = Date.now();
    expect(await probes.online()).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

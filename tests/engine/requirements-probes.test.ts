/** The real probes behind a lesson's `requires:`, on this machine. */
import { describe, expect, it } from 'vitest';
import { machineProbes } from '../../electron/core/runner/requirements';

describe('machineProbes', () => {
  it('finds the Compose plugin this machine has (provisioned for the tests)', async () => {
    expect(await machineProbes().composeVersion()).toMatch(/^\d+\.\d+/);
  });

  it('answers the online question within its time bound, whatever the network', async () => {
    const started = Date.now();
    expect(typeof (await machineProbes().online())).toBe('boolean');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

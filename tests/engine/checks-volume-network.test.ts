/** The volume and network checks on the real engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, containerId, evaluate, facts, LABEL, removeLabelled, suffix } from './helpers/lessons-harness';

const s = suffix();
const vol = `lt-vol-${s}`;
const spare = `lt-spare-${s}`;
const net = `lt-net-${s}`;
const user = `lt-user-${s}`;
let netId: string;

beforeAll(() => {
  cli('volume', 'create', '--label', LABEL, vol);
  cli('volume', 'create', '--label', LABEL, spare);
  netId = cli('network', 'create', '--label', LABEL, net);
  cli('run', '-d', '--name', user, '-l', LABEL, '--network', net, '-v', `${vol}:/data`, 'busybox', 'sleep', '300');
});

afterAll(() => removeLabelled());

describe('volume check', () => {
  it('passes on present, used and mounted by, and explains a miss', async () => {
    const run = facts({ created: new Set([vol, spare, user]) });
    expect(await evaluate('volume', { name: vol, dangling: false, mountedBy: user }, run)).toEqual({
      pass: true,
      explanation: `volume ${vol} exists and was created during this lesson, is used by a container and is mounted by container ${user}`,
    });
    expect(await evaluate('volume', { name: vol, dangling: true }, run)).toEqual({
      pass: false,
      explanation: `volume ${vol} exists but is still used by container ${user}`,
    });
    expect(await evaluate('volume', { name: spare, mountedBy: user }, run)).toEqual({
      pass: false,
      explanation: `volume ${spare} exists but is not mounted by container ${user}`,
    });
    // Users are named among the run's own containers only (no list walking every container).
    expect(await evaluate('volume', { name: vol, dangling: true }, facts({ created: new Set([vol]) }))).toEqual({
      pass: false,
      explanation: `volume ${vol} exists but is still used by a container this lesson did not create`,
    });
    expect(await evaluate('volume', { name: spare, dangling: true }, run)).toMatchObject({ pass: true });
  });

  it('does not count a volume from before the run, and checks absence', async () => {
    expect(await evaluate('volume', { name: vol }, facts())).toEqual({
      pass: false,
      explanation: `volume ${vol} exists but was not created during this lesson (it is from before you started)`,
    });
    expect(await evaluate('volume', { name: vol, present: false })).toEqual({
      pass: false,
      explanation: `volume ${vol} still exists`,
    });
    expect(await evaluate('volume', { name: `lt-none-${s}` })).toEqual({
      pass: false,
      explanation: `there is no volume named lt-none-${s}`,
    });
  });
});

describe('network check', () => {
  it('passes on driver and attached containers, and explains a miss', async () => {
    const run = facts({ created: new Set([netId, containerId(user)]) });
    expect(await evaluate('network', { name: net, driver: 'bridge', attached: [user] }, run)).toEqual({
      pass: true,
      explanation: `network ${net} exists and was created during this lesson, uses the bridge driver and has ${user} attached`,
    });
    expect(await evaluate('network', { name: net, driver: 'overlay', attached: [user, 'db'] }, run)).toEqual({
      pass: false,
      explanation: `network ${net} exists but uses the bridge driver, not overlay and db is not attached (attached: ${user})`,
    });
  });

  it('does not take a network from before the run, nor a name prefix', async () => {
    expect(await evaluate('network', { name: net }, facts())).toEqual({
      pass: false,
      explanation: `network ${net} exists but was not created during this lesson (it is from before you started)`,
    });
    expect(await evaluate('network', { name: net.slice(0, -2) }, facts({ created: new Set([netId]) }))).toEqual({
      pass: false,
      explanation: `there is no network named ${net.slice(0, -2)}`,
    });
    expect(await evaluate('network', { name: `lt-none-${s}`, present: false })).toEqual({
      pass: true,
      explanation: `no network named lt-none-${s} exists`,
    });
  });
});

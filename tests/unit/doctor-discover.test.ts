/** Discovery over fixture homes (files only, no probing): where each endpoint comes from. */
import { afterEach, describe, expect, it } from 'vitest';
import { contextDirName, resolveEndpoint } from '../../electron/core/engine/endpoint';
import { discoverEndpoints } from '../../electron/core/doctor/discover-endpoints';
import { knownSockets } from '../../electron/core/doctor/known-sockets';
import { systemFrom, type DoctorInput } from '../../electron/core/doctor/system';
import { FixtureHome } from '../fixtures/doctor/fixture-home';

let fx: FixtureHome;
afterEach(() => fx.dispose());

function system(input: Partial<DoctorInput> = {}) {
  return systemFrom({ env: { HOME: fx.home }, homeDir: fx.home, platform: 'linux', systemRoot: fx.root, ...input });
}

describe('discoverEndpoints', () => {
  it('merges DOCKER_HOST, contexts and known sockets that name one host, remembering every origin', () => {
    fx = new FixtureHome();
    const host = `unix://${fx.inHome('.colima', 'default', 'docker.sock')}`;
    fx.colimaProfile('default');
    fx.dockerContext('colima', host);
    fx.currentContext('colima');
    const { candidates, cli } = discoverEndpoints(
      system({ env: { HOME: fx.home, DOCKER_HOST: host.replace('/docker.sock', '//docker.sock') } }),
      null,
    );
    const colima = candidates.filter((c) => c.endpoint.host.includes('.colima'));
    expect(colima).toHaveLength(1);
    expect(colima[0]).toMatchObject({
      label: 'Colima (profile default)',
      contexts: ['colima'],
      fromDockerHost: true,
      cliDefault: true,
      inUse: true,
    });
    expect(colima[0]?.foundBy).toEqual(['DOCKER_HOST', 'docker context colima', 'known socket']);
    expect(cli.endpoint?.source).toBe('DOCKER_HOST');
  });

  it('always lists the default socket, under the system root, as context "default"', () => {
    fx = new FixtureHome();
    const { candidates } = discoverEndpoints(system(), null);
    expect(candidates.map((c) => c.endpoint.host)).toEqual([`unix://${fx.inRoot('var', 'run', 'docker.sock')}`]);
    expect(candidates[0]).toMatchObject({ contexts: ['default'], cliDefault: true, inUse: true, place: { kind: 'system' } });
  });

  it('adds the learner’s choice, which Dockside then uses instead of the CLI default', () => {
    fx = new FixtureHome();
    const { candidates, inUse } = discoverEndpoints(system(), { host: 'tcp://10.0.0.5:2375', context: 'lab' });
    const chosen = candidates.find((c) => c.endpoint.host === 'tcp://10.0.0.5:2375');
    expect(chosen).toMatchObject({
      chosen: true,
      inUse: true,
      label: 'Engine over TCP',
      foundBy: ['chosen in Dockside'],
      contexts: ['lab'],
    });
    expect(inUse?.host).toBe('tcp://10.0.0.5:2375');
    expect(candidates.find((c) => c.cliDefault)?.inUse).toBe(false);
  });

  it('reports a context whose meta.json has no endpoint, and keeps the others', () => {
    fx = new FixtureHome();
    fx.dockerContext('good', 'unix:///tmp/good.sock');
    fx.write(
      fx.inHome('.docker', 'contexts', 'meta', contextDirName('bad'), 'meta.json'),
      JSON.stringify({ Name: 'bad', Endpoints: {} }),
    );
    const { candidates, contextErrors } = discoverEndpoints(system(), null);
    expect(candidates.some((c) => c.contexts.includes('good'))).toBe(true);
    expect(contextErrors).toEqual([{ name: 'bad', error: expect.stringContaining('has no docker endpoint host') as string }]);
  });

  it('reports an invalid DOCKER_HOST through the CLI resolution', () => {
    fx = new FixtureHome();
    const { cli } = discoverEndpoints(system({ env: { HOME: fx.home, DOCKER_HOST: 'ftp://nope' } }), null);
    expect(cli.endpoint).toBeNull();
    expect(cli.error?.message).toContain('ftp://');
  });
});

describe('knownSockets', () => {
  it('finds Colima under $COLIMA_HOME and under ~/.config/colima', () => {
    fx = new FixtureHome();
    const custom = fx.dir('custom-colima', 'work');
    fx.write(`${custom}/colima.yaml`, 'runtime: docker\n');
    const viaEnv = knownSockets(system({ env: { HOME: fx.home, COLIMA_HOME: fx.dir('custom-colima') } }));
    expect(viaEnv.filter((s) => s.place.kind === 'colima').map((s) => s.label)).toEqual(['Colima (profile work)']);

    fx.dir('home', '.config', 'colima', 'default');
    const viaXdg = knownSockets(system());
    expect(viaXdg.find((s) => s.place.kind === 'colima')?.host).toBe(
      `unix://${fx.inHome('.config', 'colima', 'default', 'docker.sock')}`,
    );
  });

  it('knows the macOS places: Docker Desktop, OrbStack, and no Podman socket', () => {
    fx = new FixtureHome();
    fx.dir('home', '.orbstack');
    const sockets = knownSockets(system({ platform: 'darwin' }));
    expect(sockets.find((s) => s.place.kind === 'desktop')).toMatchObject({
      host: `unix://${fx.inHome('.docker', 'run', 'docker.sock')}`,
      installed: false,
    });
    expect(sockets.find((s) => s.place.kind === 'orbstack')?.installed).toBe(true);
    expect(sockets.some((s) => s.place.kind === 'podman' || s.place.kind === 'rootless')).toBe(false);
  });

  it('knows rootless Docker and Podman under $XDG_RUNTIME_DIR on Linux', () => {
    fx = new FixtureHome();
    const runtime = fx.dir('run-user');
    const sockets = knownSockets(system({ env: { HOME: fx.home, XDG_RUNTIME_DIR: runtime } }));
    expect(sockets.find((s) => s.place.kind === 'rootless')?.host).toBe(`unix://${runtime}/docker.sock`);
    expect(sockets.find((s) => s.place.kind === 'podman' && s.place.rootless)?.host).toBe(`unix://${runtime}/podman/podman.sock`);
  });

  it('uses the named pipes on Windows', () => {
    fx = new FixtureHome();
    expect(knownSockets(system({ platform: 'win32' })).map((s) => s.host)).toEqual([
      'npipe:////./pipe/docker_engine',
      'npipe:////./pipe/dockerDesktopLinuxEngine',
    ]);
  });
});

describe('a chosen endpoint picked from a docker context', () => {
  it('is dialled as its context is, TLS files included, while the context still names that host', () => {
    fx = new FixtureHome();
    fx.dockerContext('secure', 'tcp://10.0.0.9:2376');
    for (const file of ['ca.pem', 'cert.pem', 'key.pem'])
      fx.write(fx.inHome('.docker', 'contexts', 'tls', contextDirName('secure'), 'docker', file), 'pem');
    const chosen = resolveEndpoint({ env: {}, homeDir: fx.home, chosen: { host: 'tcp://10.0.0.9:2376', context: 'secure' } });
    expect(chosen).toMatchObject({ source: 'chosen', context: 'secure', tls: true });
    expect(chosen.dial).toMatchObject({ kind: 'tcp', tls: { ca: expect.stringContaining('ca.pem') as string, verify: true } });

    // The context was changed to another host since: the choice's host wins, without the context's TLS.
    fx.dockerContext('secure', 'tcp://10.0.0.10:2376');
    const moved = resolveEndpoint({ env: {}, homeDir: fx.home, chosen: { host: 'tcp://10.0.0.9:2376', context: 'secure' } });
    expect(moved).toMatchObject({ host: 'tcp://10.0.0.9:2376', source: 'chosen', tls: false });
  });
});

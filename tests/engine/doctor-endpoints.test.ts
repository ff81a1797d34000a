/**
 * The doctor over fixture home directories with real sockets: proxies to the machine's engine,
 * a dead socket, a socket that never answers, stopped Colima and Docker Desktop, a missing
 * context, DOCKER_HOST, and macOS's "default socket disabled". Each endpoint must be classified
 * correctly and carry the right fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorProblem, DoctorReport } from '../../electron/core/contract';
import { runDoctor, type DoctorInput } from '../../electron/core/doctor/run-doctor';
import { FixtureHome } from '../fixtures/doctor/fixture-home';
import { makeDeadSocket, REAL_ENGINE_SOCKET, serveEngineProxy, serveSilentSocket } from '../fixtures/doctor/sockets';

const PROBE_MS = 800;
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function fixture(): FixtureHome {
  const fx = new FixtureHome();
  cleanups.push(() => fx.dispose());
  return fx;
}

async function proxy(path: string) {
  const served = await serveEngineProxy(path);
  cleanups.push(() => served.close());
  return served;
}

/** The doctor as the app runs it, over a fixture home; no tools on PATH keeps it about endpoints. */
function doctor(fx: FixtureHome, input: Partial<DoctorInput> = {}): Promise<DoctorReport> {
  return runDoctor({
    env: { HOME: fx.home, PATH: '/usr/bin:/bin' },
    homeDir: fx.home,
    platform: 'linux',
    probeTimeoutMs: PROBE_MS,
    pathDirs: [],
    ...input,
  });
}

function endpoint(report: DoctorReport, host: string) {
  const found = report.endpoints.find((e) => e.host === host);
  if (!found) throw new Error(`no endpoint ${host} in ${report.endpoints.map((e) => e.host).join(', ')}`);
  return found;
}

function problemFor(report: DoctorReport, subject: string): DoctorProblem {
  const found = report.problems.filter((p) => p.subject === subject);
  expect(found, `problems about ${subject}: ${JSON.stringify(report.problems, null, 1)}`).toHaveLength(1);
  return found[0]!;
}

describe('a Linux home with Colima profiles, contexts and Docker Desktop', () => {
  let fx: FixtureHome;
  let report: DoctorReport;
  let colimaHost: string;
  let deadHost: string;
  let stuckHost: string;
  const realHost = `unix://${REAL_ENGINE_SOCKET}`;

  beforeAll(async () => {
    fx = fixture();
    // Colima's default profile runs (a real proxy to the engine at Colima's own socket path).
    fx.colimaProfile('default');
    colimaHost = (await proxy(fx.inHome('.colima', 'default', 'docker.sock'))).host;
    fx.dockerContext('colima', colimaHost);
    // Profile "dev" was created once and is stopped: its directory stays, its socket is gone.
    fx.colimaProfile('dev');
    // A containerd profile has no Docker socket at all and must not be reported as one.
    fx.colimaProfile('k3s', 'containerd');
    // Context "old" points at a socket file whose engine died; it is the current context.
    deadHost = await makeDeadSocket(fx.inHome('old-engine', 'docker.sock'));
    fx.dockerContext('old', deadHost);
    fx.currentContext('old');
    // Context "stuck": something accepts connections and never answers.
    const stuck = await serveSilentSocket(fx.inHome('stuck-engine', 'docker.sock'));
    cleanups.push(() => stuck.close());
    stuckHost = stuck.host;
    fx.dockerContext('stuck', stuckHost);
    // Docker Desktop for Linux is installed (its directory exists) but not running.
    fx.dir('home', '.docker', 'desktop');

    report = await doctor(fx);
  });

  it('reaches the Colima proxy and knows it is the same engine as the system socket', () => {
    const colima = endpoint(report, colimaHost);
    const system = endpoint(report, realHost);
    expect(colima.state).toBe('reachable');
    expect(colima.label).toBe('Colima (profile default)');
    expect(colima.engine?.product).toBe('Colima');
    expect(colima.contexts).toEqual(['colima']);
    expect(colima.foundBy).toEqual(expect.arrayContaining(['docker context colima', 'known socket']));
    expect(system.state).toBe('reachable');
    expect(system.engine?.product).toBe('Docker Engine');
    expect(colima.engine?.id).toBeTruthy();
    expect(colima.engine?.id).toBe(system.engine?.id);
  });

  it('says a stopped Colima profile needs `colima start --profile dev`', () => {
    const dev = endpoint(report, `unix://${fx.inHome('.colima', 'dev', 'docker.sock')}`);
    expect(dev.state).toBe('missing');
    const problem = problemFor(report, dev.host);
    expect(problem.code).toBe('colima-stopped');
    expect(problem.summary).toContain('Colima (profile dev) is not running');
    expect(problem.command).toBe('colima start --profile dev');
    // Nothing points at it: worth knowing, not an error.
    expect(problem.severity).toBe('info');
  });

  it('leaves out a Colima profile that runs containerd', () => {
    expect(report.endpoints.some((e) => e.host.includes('/k3s/'))).toBe(false);
  });

  it('classifies the current context pointing at a dead socket as an error, fixed by switching context', () => {
    const old = endpoint(report, deadHost);
    expect(old.state).toBe('refused');
    expect(old.cliDefault).toBe(true);
    expect(old.inUse).toBe(true);
    expect(report.cli).toMatchObject({ host: deadHost, source: 'currentContext', context: 'old' });
    const problem = problemFor(report, deadHost);
    expect(problem.code).toBe('context-dead-socket');
    expect(problem.severity).toBe('error');
    expect(problem.summary).toContain('docker context old points at');
    expect(problem.summary).toContain('nobody listens on its socket');
    expect(problem.command).toBe('docker context use default');
  });

  it('bounds a socket that never answers by the probe timeout', () => {
    const stuck = endpoint(report, stuckHost);
    expect(stuck.state).toBe('timeout');
    expect(stuck.probeMs).toBeGreaterThanOrEqual(PROBE_MS - 50);
    expect(stuck.probeMs).toBeLessThan(PROBE_MS + 1500);
    const problem = problemFor(report, stuckHost);
    expect(problem.code).toBe('endpoint-unreachable');
    expect(problem.severity).toBe('warning');
    expect(problem.fix).toMatch(/restart/i);
  });

  it('says a stopped Docker Desktop for Linux is started with systemctl --user', () => {
    const desktop = endpoint(report, `unix://${fx.inHome('.docker', 'desktop', 'docker.sock')}`);
    expect(desktop.state).toBe('missing');
    const problem = problemFor(report, desktop.host);
    expect(problem.code).toBe('desktop-stopped');
    expect(problem.command).toBe('systemctl --user start docker-desktop');
  });

  it('runs all probes in parallel, within a bound', () => {
    // Seven endpoints, one of which hangs for the whole timeout: parallel probes finish in
    // about one timeout, serial ones would need far more.
    expect(report.endpoints.length).toBeGreaterThanOrEqual(6);
    expect(report.durationMs).toBeLessThan(PROBE_MS * 3);
  });

  it('marks the learner’s choice as what Dockside uses, leaving the CLI default as it is', async () => {
    const chosen = await doctor(fx, { chosen: { host: colimaHost, context: 'colima' } });
    expect(chosen.inUse).toEqual({ host: colimaHost, chosen: true });
    expect(endpoint(chosen, colimaHost)).toMatchObject({ chosen: true, inUse: true, cliDefault: false });
    expect(endpoint(chosen, deadHost)).toMatchObject({ chosen: false, inUse: false, cliDefault: true });
    // The dead current context still matters to the docker CLI, but no longer stops Dockside.
    expect(problemFor(chosen, deadHost).severity).toBe('warning');
    expect(chosen.endpoints[0]!.host).toBe(colimaHost);
  });
});

describe('what the docker CLI resolves to', () => {
  it('reports DOCKER_HOST at a dead socket as an error, fixed by unsetting it', async () => {
    const fx = fixture();
    const dead = await makeDeadSocket(fx.inHome('gone', 'docker.sock'));
    const report = await doctor(fx, { env: { HOME: fx.home, DOCKER_HOST: dead } });
    expect(report.cli).toMatchObject({ host: dead, source: 'DOCKER_HOST' });
    const problem = problemFor(report, dead);
    expect(problem.code).toBe('docker-host-unreachable');
    expect(problem.severity).toBe('error');
    expect(problem.command).toBe('unset DOCKER_HOST');
    expect(problem.fix).toContain(`unix://${REAL_ENGINE_SOCKET}`);
  });

  it('reports a current context that does not exist, fixed by `docker context use default`', async () => {
    const fx = fixture();
    fx.currentContext('vanished');
    const report = await doctor(fx);
    expect(report.cli.host).toBeNull();
    expect(report.cli.error).toContain('docker context "vanished"');
    const problem = problemFor(report, 'docker context');
    expect(problem.code).toBe('context-missing');
    expect(problem.severity).toBe('error');
    expect(problem.command).toBe('docker context use default');
  });

  it('says "no engine" with an install fix when nothing answers anywhere', async () => {
    const fx = fixture();
    // An empty system root: no /var/run/docker.sock, no dockerd, a Debian /etc/os-release.
    fx.write(fx.inRoot('etc', 'os-release'), 'ID=debian\nVERSION_ID="12"\n');
    const report = await doctor(fx, { systemRoot: fx.root });
    expect(report.endpoints.every((e) => e.state !== 'reachable')).toBe(true);
    const problem = problemFor(report, 'Docker');
    expect(problem.code).toBe('no-engine');
    expect(problem.severity).toBe('error');
    expect(problem.command).toBe('sudo apt-get install -y docker.io && sudo systemctl enable --now docker');
  });
});

describe('macOS with Docker Desktop whose default socket is off', () => {
  it('finds Desktop through its own socket and says how to turn the default socket on', async () => {
    const fx = fixture();
    // Docker Desktop is installed and runs; /var/run/docker.sock (under the fixture root) is absent.
    fx.dir('root', 'Applications', 'Docker.app');
    const desktop = await proxy(fx.inHome('.docker', 'run', 'docker.sock'));
    fx.dockerContext('desktop-linux', desktop.host);
    fx.currentContext('desktop-linux');
    const report = await doctor(fx, { platform: 'darwin', systemRoot: fx.root });

    const reached = endpoint(report, desktop.host);
    expect(reached).toMatchObject({ state: 'reachable', label: 'Docker Desktop', cliDefault: true, inUse: true });
    const defaultSocket = `unix://${fx.inRoot('var', 'run', 'docker.sock')}`;
    expect(endpoint(report, defaultSocket).state).toBe('missing');
    const problem = problemFor(report, defaultSocket);
    expect(problem.code).toBe('desktop-default-socket-disabled');
    expect(problem.severity).toBe('warning');
    expect(problem.fix).toContain('Allow the default Docker socket to be used');
  });

  it('says `open -a Docker` when Desktop is installed but stopped', async () => {
    const fx = fixture();
    fx.dir('root', 'Applications', 'Docker.app');
    fx.dockerContext('desktop-linux', `unix://${fx.inHome('.docker', 'run', 'docker.sock')}`);
    fx.currentContext('desktop-linux');
    const report = await doctor(fx, { platform: 'darwin', systemRoot: fx.root });
    const problem = problemFor(report, `unix://${fx.inHome('.docker', 'run', 'docker.sock')}`);
    expect(problem).toMatchObject({ code: 'desktop-stopped', severity: 'error', command: 'open -a Docker' });
  });
});

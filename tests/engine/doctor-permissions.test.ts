/**
 * Permission denied on the engine's socket, for real. Tests run as root, and file modes do not
 * stop root — so the doctor runs in a child process started as the unprivileged `nobody` user
 * (spawn's uid/gid): the kernel then refuses the connection exactly as it refuses a learner who
 * is not in the docker group, and the doctor has to recognise that. We chose this over a proxy
 * that imitates a refusal because only the kernel's own EACCES proves the path a learner hits.
 * Run as a non-root user, the same tests use a fixture socket whose mode shuts that user out.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DoctorProblem, DoctorReport } from '../../electron/core/contract';
import { runDoctor, type DoctorInput } from '../../electron/core/doctor/run-doctor';
import { FixtureHome } from '../fixtures/doctor/fixture-home';
import { REAL_ENGINE_SOCKET, serveEngineProxy } from '../fixtures/doctor/sockets';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const childScript = join(repoRoot, 'tests', 'fixtures', 'doctor', 'run-doctor-child.ts');
const isRoot = process.getuid?.() === 0;
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function idOf(flag: '-u' | '-g', user: string): number {
  return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
}

/** The doctor in a child process as `nobody`, with the given primary group. */
function doctorAs(gid: number, input: DoctorInput): Promise<DoctorReport> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(input)], {
      cwd: repoRoot,
      uid: idOf('-u', 'nobody'),
      gid,
      env: { HOME: input.homeDir, PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`doctor child exited ${code}: ${err}`));
      else resolvePromise(JSON.parse(out) as DoctorReport);
    });
  });
}

function fixture(): FixtureHome {
  const fx = new FixtureHome();
  cleanups.push(() => fx.dispose());
  return fx;
}

function baseInput(fx: FixtureHome): DoctorInput {
  return {
    env: { HOME: fx.home, PATH: '/usr/bin:/bin' },
    homeDir: fx.home,
    platform: 'linux',
    pathDirs: [],
    probeTimeoutMs: 1500,
  };
}

function onlyProblem(report: DoctorReport, subject: string): DoctorProblem {
  const found = report.problems.filter((p) => p.subject === subject);
  expect(found, JSON.stringify(report.problems, null, 1)).toHaveLength(1);
  return found[0]!;
}

describe.runIf(isRoot)('permission denied, as a user outside the docker group', () => {
  const realHost = `unix://${REAL_ENGINE_SOCKET}`;
  const dockerGid = statSync(REAL_ENGINE_SOCKET).gid;

  it('the machine’s own /var/run/docker.sock: denied, fixed by joining the docker group', async () => {
    const fx = fixture();
    const report = await doctorAs(idOf('-g', 'nobody'), baseInput(fx));
    const system = report.endpoints.find((e) => e.host === realHost)!;
    expect(system.state).toBe('denied');
    expect(system.error).toBe(`permission denied on ${REAL_ENGINE_SOCKET}.`);
    const problem = onlyProblem(report, realHost);
    expect(problem.code).toBe('socket-permission-denied');
    // The engine Dockside would use: nothing works until this is fixed.
    expect(problem.severity).toBe('error');
    expect(problem.summary).toContain(`Permission denied on ${REAL_ENGINE_SOCKET}`);
    expect(problem.fix).toContain('Add yourself to the docker group, then log out and back in');
    expect(problem.command).toBe('sudo usermod -aG docker $USER');
    // Denied is not "no engine": the specific problem is the one reported.
    expect(report.problems.some((p) => p.code === 'no-engine')).toBe(false);
  });

  it('the same user with the docker group reaches the engine: the fix is the right one', async () => {
    const fx = fixture();
    const report = await doctorAs(dockerGid, baseInput(fx));
    const system = report.endpoints.find((e) => e.host === realHost)!;
    expect(system.state).toBe('reachable');
    expect(report.problems.some((p) => p.code === 'socket-permission-denied')).toBe(false);
  });

  it('a user listed in the group whose session predates it is told to use newgrp', async () => {
    const fx = fixture();
    // A fixture system root: its /etc/group lists nobody as a docker member, and its
    // /var/run/docker.sock is a real proxy owned root:docker, mode 0660, like dockerd's.
    fx.write(fx.inRoot('etc', 'group'), `root:x:0:\ndocker:x:${dockerGid}:nobody\n`);
    const socketPath = fx.inRoot('var', 'run', 'docker.sock');
    const served = await serveEngineProxy(socketPath);
    cleanups.push(() => served.close());
    chownSync(socketPath, 0, dockerGid);
    chmodSync(socketPath, 0o660);

    const report = await doctorAs(idOf('-g', 'nobody'), { ...baseInput(fx), systemRoot: fx.root });
    const host = `unix://${socketPath}`;
    expect(report.endpoints.find((e) => e.host === host)?.state).toBe('denied');
    const problem = onlyProblem(report, host);
    expect(problem.code).toBe('socket-permission-denied');
    expect(problem.fix).toContain('this session started before you joined it');
    expect(problem.command).toBe('newgrp docker');
    expect(served.count).toBe(0); // the kernel refused: nothing ever reached the proxy
  });
});

describe.runIf(!isRoot)('permission denied, as the non-root user running the tests', () => {
  it('a socket whose mode shuts this user out is classified as denied', async () => {
    const fx = fixture();
    const socketPath = fx.inHome('locked', 'docker.sock');
    const served = await serveEngineProxy(socketPath);
    cleanups.push(() => served.close());
    chmodSync(socketPath, 0o000);
    fx.dockerContext('locked', `unix://${socketPath}`);
    fx.currentContext('locked');
    const report = await runDoctor(baseInput(fx));
    const problem = onlyProblem(report, `unix://${socketPath}`);
    expect(problem).toMatchObject({ code: 'socket-permission-denied', severity: 'error' });
  });
});

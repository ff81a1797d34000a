/** The doctor's small readers: OS facts, tool versions, PATH, and the report as text. */
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../electron/core/contract';
import { formatReportText } from '../../electron/core/doctor/format-text';
import { linuxFamily, parseGroups } from '../../electron/core/doctor/host-facts';
import { learnerEnv, splitPath } from '../../electron/core/doctor/login-path';
import { versionIn } from '../../electron/core/doctor/tools';

describe('linuxFamily from /etc/os-release', () => {
  it.each([
    ['ID=debian\nVERSION_ID="12"', 'debian'],
    ['ID=ubuntu\nID_LIKE=debian', 'debian'],
    ['ID=linuxmint\nID_LIKE="ubuntu debian"', 'debian'],
    ['ID="fedora"', 'fedora'],
    ['ID="rocky"\nID_LIKE="rhel centos fedora"', 'fedora'],
    ['ID=arch', 'arch'],
    ['ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"', 'suse'],
    ['ID=alpine', 'other'],
    ['', 'other'],
  ])('%j -> %s', (text, family) => {
    expect(linuxFamily(text)).toBe(family);
  });
});

it('parses /etc/group members', () => {
  const groups = parseGroups('root:x:0:\ndocker:x:105:alice,bob\nbroken line\n');
  expect(groups.get(105)).toEqual({ name: 'docker', members: ['alice', 'bob'] });
  expect(groups.get(0)).toEqual({ name: 'root', members: [] });
  expect(groups.size).toBe(2);
});

describe('versionIn', () => {
  it.each([
    ['Docker version 28.2.2, build e6534b4', '28.2.2'],
    ['2.26.1-4\n', '2.26.1-4'],
    ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', '0.13.1+ds1'],
    ['colima version 0.6.8\ngit commit: 9b0809d', '0.6.8'],
    ['kind v0.23.0 go1.22.2 linux/amd64', '0.23.0'],
    ['Client Version: v1.30.2\nKustomize Version: v5.0.4', '1.30.2'],
    ['Client Version: version.Info{Major:"1", Minor:"27", GitVersion:"v1.27.3"}', '1.27.3'],
    ['v3.15.2+g1a500d5', '3.15.2+g1a500d5'],
    ['Version              v0.32.5\nCommit               1440643', '0.32.5'],
    ['docker: unknown command: docker compose', null],
  ])('%j -> %s', (output, version) => {
    expect(versionIn(output)).toBe(version);
  });
});

describe('PATH', () => {
  it('splits per platform and drops empty entries', () => {
    expect(splitPath('/a::/b:', 'linux')).toEqual(['/a', '/b']);
    expect(splitPath('C:\\bin;;D:\\x', 'win32')).toEqual(['C:\\bin', 'D:\\x']);
    expect(splitPath(undefined, 'linux')).toEqual([]);
  });

  it('uses the environment as it is outside macOS', async () => {
    const env = { PATH: '/x/bin:/y/bin', DOCKER_HOST: 'unix:///a.sock' };
    expect(await learnerEnv(env, 'linux')).toEqual({ env, pathDirs: ['/x/bin', '/y/bin'], pathFrom: 'environment' });
  });

  it('asks the login shell on macOS (here a real bash -ilc) for its environment and PATH', async () => {
    const learner = await learnerEnv({ PATH: '/only/this', SHELL: '/bin/bash', HOME: '/tmp', DOCKSIDE_PROBE: 'kept' }, 'darwin');
    expect(learner.pathFrom).toBe('login shell');
    expect(learner.pathDirs.length).toBeGreaterThan(0);
    // What the shell exported is there, with what the app already had.
    expect(learner.env.DOCKSIDE_PROBE).toBe('kept');
    expect(learner.env.HOME).toBe('/tmp');
  });
});

describe('the report as text', () => {
  const report: DoctorReport = {
    platform: 'linux',
    generatedAt: 0,
    durationMs: 42,
    pathFrom: 'environment',
    cli: { host: 'unix:///var/run/docker.sock', source: 'default', context: 'default' },
    inUse: { host: 'unix:///var/run/docker.sock', chosen: false },
    endpoints: [
      {
        host: 'unix:///var/run/docker.sock',
        label: 'Docker Engine',
        foundBy: ['known socket'],
        contexts: ['default'],
        state: 'denied',
        error: 'permission denied on /var/run/docker.sock.',
        probeMs: 2,
        cliDefault: true,
        chosen: false,
        inUse: true,
      },
    ],
    kindClusters: [],
    kubeconfig: { files: [], currentContext: null },
    kubeContexts: [],
    tools: [{ name: 'docker', path: '/usr/bin/docker', version: '28.2.2' }],
    problems: [
      {
        code: 'socket-permission-denied',
        severity: 'error',
        subject: 'unix:///var/run/docker.sock',
        summary: 'Permission denied on /var/run/docker.sock.',
        fix: 'Add yourself to the docker group.',
        command: 'sudo usermod -aG docker $USER',
      },
    ],
  };

  it('shows each endpoint, each problem with its fix and command, without colour codes when asked', () => {
    const text = formatReportText(report, { color: false });
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('✘ unix:///var/run/docker.sock');
    expect(text).toContain('Docker Engine: permission denied on /var/run/docker.sock.');
    expect(text).toContain('used by the docker CLI and Dockside');
    expect(text).toContain('error   Permission denied on /var/run/docker.sock.');
    expect(text).toContain('fix: Add yourself to the docker group.');
    expect(text).toContain('$ sudo usermod -aG docker $USER');
  });

  it('colours when asked', () => {
    expect(formatReportText(report, { color: true })).toContain('\u001b[31m');
  });
});

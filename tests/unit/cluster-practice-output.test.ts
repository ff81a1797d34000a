/** kind's output read as progress, and its failures as one sentence each (kind v0.33.0's real wording). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeKindFailure, stageOf } from '../../electron/core/cluster/kind-output';
import { KIND_VERSION, kindInstallCommand, kindInstallHint } from '../../electron/core/cluster/kind-install';
import { clusterSetupHints } from '../../electron/core/cluster/setup-hints';
import { installKindFix } from '../../electron/core/doctor/fixes';

describe('stageOf', () => {
  it('reads the stage kind starts and finishes', () => {
    expect(stageOf(' • Ensuring node image (kindest/node:v1.35.0) 🖼  ...')).toEqual({
      stage: 'Ensuring node image',
      progress: 0,
    });
    expect(stageOf(' ✓ Ensuring node image (kindest/node:v1.35.0) 🖼')).toEqual({ stage: 'Ensuring node image', progress: 1 / 6 });
    expect(stageOf(' • Starting control-plane 🕹️ ...')).toEqual({ stage: 'Starting control-plane', progress: 3 / 6 });
    expect(stageOf(' ✓ Installing StorageClass 💾')).toEqual({ stage: 'Installing StorageClass', progress: 1 });
  });

  it('ignores other lines', () => {
    expect(stageOf('Creating cluster "dockside" ...')).toBeNull();
    expect(stageOf('Set kubectl context to "kind-dockside"')).toBeNull();
    expect(stageOf(' • Something new kind added')).toBeNull();
  });
});

describe('describeKindFailure', () => {
  it('names a node image whose registry cannot be reached', () => {
    const output = [
      'Creating cluster "dockside" ...',
      ' ✗ Ensuring node image (127.0.0.1:1/dockside/missing:1) 🖼️',
      'ERROR: failed to create cluster: failed to pull image "127.0.0.1:1/dockside/missing:1": command "docker pull 127.0.0.1:1/dockside/missing:1" failed with error: exit status 1',
      '',
      'Command Output: Error response from daemon: Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused',
    ].join('\n');
    expect(describeKindFailure('create', output)).toBe(
      'The node image 127.0.0.1:1/dockside/missing:1 is not on your engine and its registry could not be reached: ' +
        'pull it while you are online (docker pull 127.0.0.1:1/dockside/missing:1) and try again.',
    );
  });

  it('says when no engine answers', () => {
    const output = [
      `ERROR: failed to create cluster: failed to get docker info: command "docker info --format '{{json .}}'" failed with error: exit status 1`,
      'Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?',
    ].join('\n');
    expect(describeKindFailure('create', output)).toBe(
      'kind could not reach a Docker engine at unix:///nonexistent.sock: start your engine (the doctor shows how) and try again.',
    );
  });

  it('says when a cluster of that name is already there', () => {
    const output = 'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "dockside"';
    expect(describeKindFailure('create', output)).toBe(
      'A kind cluster named dockside already exists: use it, or delete it first.',
    );
  });

  it('falls back to kind’s own last error line', () => {
    expect(describeKindFailure('delete', 'ERROR: failed to delete cluster "dockside": boom\n')).toBe(
      'kind delete cluster failed: failed to delete cluster "dockside": boom.',
    );
  });
});

describe('how to get a cluster', () => {
  it('starts with the engine’s own Kubernetes, then kind', () => {
    expect(clusterSetupHints('darwin', 'Colima').map((h) => h.command ?? h.tool)).toEqual([
      'colima start --kubernetes',
      'kind create cluster --name dockside',
      'k3d cluster create dockside',
      'minikube start --driver=docker',
    ]);
    expect(clusterSetupHints('darwin', 'Docker Desktop')[0]?.text).toMatch(/Settings → Kubernetes → Enable Kubernetes/);
    expect(clusterSetupHints('linux', 'Docker Engine')[0]?.command).toBe('kind create cluster --name dockside');
    expect(clusterSetupHints('darwin', 'Docker Engine').map((h) => h.command)).toContain('colima start --kubernetes');
  });

  it('says how to install kind on each OS: v0.33.0 with go install where Go is, the release binary otherwise', () => {
    const host = { platform: 'linux' as const, cpu: 'amd64' as const, goInstalled: false };
    expect(kindInstallHint({ ...host, platform: 'darwin' })).toBe('Install kind with `brew install kind`, then try again.');
    expect(kindInstallHint({ ...host, platform: 'win32' })).toBe(
      'Install kind with `winget install Kubernetes.kind`, then try again.',
    );
    expect(kindInstallHint({ ...host, goInstalled: true })).toBe(
      'Install kind with `go install sigs.k8s.io/kind@v0.33.0` (it lands in ~/go/bin: put that on your PATH), then try again.',
    );
    expect(kindInstallHint(host)).toBe(
      'Install kind with `curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.33.0/kind-linux-amd64 && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind`, then try again.',
    );
  });

  it('the doctor and the Kubernetes page name the same kind, from one source', () => {
    for (const goInstalled of [true, false]) {
      const host = { platform: 'linux' as const, cpu: 'arm64' as const, goInstalled };
      const doctor = installKindFix({
        ...host,
        linuxFamily: 'debian',
        systemd: true,
        groups: new Map(),
        user: { name: 'l', uid: 1, groups: [] },
        dockerdInstalled: true,
      });
      expect(doctor.command).toBe(`${kindInstallCommand(host)} && kind create cluster`);
      expect(kindInstallHint(host)).toContain(kindInstallCommand(host));
      expect(doctor.command).toContain(KIND_VERSION);
    }
    // The kind the tests build (tests/engine/kind-cli.sh) is the one the learner is told to install.
    expect(readFileSync(join(__dirname, '../engine/kind-cli.sh'), 'utf8')).toContain(`KIND_VERSION=${KIND_VERSION}\n`);
  });
});

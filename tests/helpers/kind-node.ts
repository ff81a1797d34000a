/**
 * A container that stands in for a kind node where a real one cannot start (no kindest/node
 * image and no privileged containers on our test machines): named `<cluster>-control-plane`,
 * with kind's labels, running a REAL containerd (the host's Debian containerd 1.6 and its ctr,
 * bind-mounted with their two libraries into the static busybox:musl) on the native snapshotter.
 * kind finds it as a node of `<cluster>`, and its images are read and imported with the same
 * `ctr --namespace=k8s.io` commands kind uses on a real node. Only CAP_SYS_ADMIN is added (the
 * native snapshotter bind-mounts while unpacking); it is not a privileged container.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from './until';

const CONTAINERD_CONFIG = `version = 2
root = "/var/lib/containerd"
state = "/run/containerd"
[grpc]
  address = "/run/containerd/containerd.sock"
[plugins."io.containerd.grpc.v1.cri".containerd]
  snapshotter = "native"
`;

export interface KindNode {
  name: string;
  id: string;
  /** Imports an engine image as `kind load` does (its ctr command, without kind's --privileged exec). */
  importImage(image: string): void;
  remove(): void;
}

const docker = (args: string[], input?: Buffer) =>
  execFileSync('docker', args, { encoding: 'utf8', input, timeout: 60_000 }).trim();

export async function startKindNode(cluster: string): Promise<KindNode> {
  const name = `${cluster}-control-plane`;
  // Never take over a container this test did not make.
  if (docker(['ps', '-a', '--filter', `name=^/${name}$`, '--format', '{{.ID}}']) !== '')
    throw new Error(`a container named ${name} exists already; this test will not touch it`);
  const dir = mkdtempSync(join(tmpdir(), 'dockside-kind-node-'));
  writeFileSync(join(dir, 'config.toml'), CONTAINERD_CONFIG);
  const mount = (from: string, to = from) => ['-v', `${from}:${to}:ro`];
  const id = docker([
    'run', '-d', '--name', name,
    '--label', `io.x-k8s.kind.cluster=${cluster}`, '--label', 'io.x-k8s.kind.role=control-plane',
    '--cap-add', 'SYS_ADMIN', '--security-opt', 'apparmor=unconfined', '--network', 'none',
    ...mount('/usr/bin/containerd', '/usr/local/bin/containerd'), ...mount('/usr/bin/ctr', '/usr/local/bin/ctr'),
    ...mount('/lib/x86_64-linux-gnu/libc.so.6'), ...mount('/lib64/ld-linux-x86-64.so.2'),
    ...mount(join(dir, 'config.toml'), '/etc/containerd/config.toml'),
    'busybox:musl', 'sh', '-c', 'mkdir -p /run/containerd && exec containerd --config /etc/containerd/config.toml',
  ]); // prettier-ignore
  const node: KindNode = {
    name,
    id,
    importImage(image) {
      const archive = execFileSync('docker', ['save', image], { maxBuffer: 256 * 1024 * 1024 });
      docker(['exec', '-i', name, 'ctr', '--namespace=k8s.io', 'images', 'import', '--all-platforms', '--digests', '--snapshotter=native', '-'], archive); // prettier-ignore
    },
    remove() {
      execFileSync('docker', ['rm', '-f', '-v', id], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await until(`containerd in ${name} to answer`, () => {
      try {
        docker(['exec', name, 'ctr', 'version']);
        return true;
      } catch {
        return false;
      }
    }, 20_000); // prettier-ignore
  } catch (error) {
    node.remove();
    throw error;
  }
  return node;
}

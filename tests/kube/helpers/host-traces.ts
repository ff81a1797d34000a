/**
 * What a test cluster can leave on the host, read from the host itself: mounts, network
 * namespaces, links, iptables chains, cgroups, CNI state, processes. Taken before start and after
 * stop, the difference is what the cluster left behind. Docker and other tests change the host at
 * the same time, so only traces that can be the cluster's are compared.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface HostTraces {
  /** Mount points under the cluster's state directory. */
  mountsUnderState: string[];
  /** Pod network namespaces (/run/netns/cni-*). */
  podNetns: string[];
  /** The node's bridge, and veths without a master (a pod's half of a pair whose bridge is gone). */
  links: string[];
  /** KUBE-* chains in any iptables table, IPv4 and IPv6. */
  kubeChains: string[];
  /** The node's cgroup root (with kubepods under it) and any top-level kubepods, in any hierarchy. */
  nodeCgroups: string[];
  varLibCni: boolean;
  /** /var/log/containers links into the state directory. */
  containerLogLinks: string[];
  /** Processes whose command line names the state directory. */
  processes: string[];
  stateDir: boolean;
}

export function hostTraces(stateDir: string, bridge: string): HostTraces {
  return {
    mountsUnderState: readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[4] ?? '')
      .filter((point) => point.startsWith(`${stateDir}/`)),
    podNetns: listDir('/run/netns').filter((name) => name.startsWith('cni-')),
    links: linkTraces(bridge),
    kubeChains: kubeChains(),
    nodeCgroups: listDir('/sys/fs/cgroup')
      .flatMap((hierarchy) => [`dockside-${bridge}`, 'kubepods'].map((name) => join('/sys/fs/cgroup', hierarchy, name)))
      .filter((dir) => existsSync(dir)),
    varLibCni: existsSync('/var/lib/cni'),
    containerLogLinks: listDir('/var/log/containers').filter((name) =>
      safeReadlink(join('/var/log/containers', name)).startsWith(`${stateDir}/`),
    ),
    processes: processesNaming(stateDir),
    stateDir: existsSync(stateDir),
  };
}

/** Traces in `after` that were not in `before`: what the cluster left behind. */
export function leftBehind(before: HostTraces, after: HostTraces): Partial<HostTraces> {
  const left: Partial<HostTraces> = {};
  for (const key of Object.keys(after) as (keyof HostTraces)[]) {
    const was = before[key];
    const is = after[key];
    if (Array.isArray(is)) {
      const added = is.filter((item) => !(was as string[]).includes(item));
      if (added.length) (left as Record<string, unknown>)[key] = added;
    } else if (is && !was) {
      (left as Record<string, unknown>)[key] = true;
    }
  }
  return left;
}

function linkTraces(bridge: string): string[] {
  return execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(` ${bridge}:`) || (/ veth[^:]*:/.test(line) && !line.includes(' master ')))
    .map((line) => line.split(': ')[1]?.split('@')[0] ?? line);
}

function kubeChains(): string[] {
  const chains: string[] = [];
  for (const save of ['iptables-save', 'ip6tables-save']) {
    let table = '';
    const out = execFileSync(save, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const line of out.split('\n')) {
      if (line.startsWith('*')) table = line.slice(1);
      const chain = /^:(KUBE-[A-Z0-9-]+)/.exec(line)?.[1];
      if (chain) chains.push(`${save}:${table}:${chain}`);
    }
  }
  return chains;
}

function processesNaming(stateDir: string): string[] {
  const found: string[] = [];
  for (const pid of listDir('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(`${stateDir}/`) && Number(pid) !== process.pid) found.push(`${pid} ${cmdline.slice(0, 120)}`);
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

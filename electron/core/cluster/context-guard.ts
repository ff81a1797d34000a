/**
 * The context guard: is a kubeconfig context a cluster on this machine? Judged from the API
 * server's address, and for the VM addresses of local tools also from the context's origin
 * (its name as kind, k3d, Colima, Docker Desktop, OrbStack, Rancher Desktop or minikube write it).
 *
 * A context is local when its server is
 *   - loopback (127.0.0.0/8, ::1, their IPv4-mapped form, 0.0.0.0 / ::, which connect locally),
 *     or `localhost`, or a name the local tools put in the hosts file (kubernetes.docker.internal);
 *   - or on the private subnet a local tool gives its VM or node containers, AND the context's
 *     name says it was written by that tool: 192.168.49.2 is minikube's node only for a context
 *     named minikube — the same address in a context named "staging" is a machine on the LAN.
 * Everything else is remote: a name we would have to look up (127.0.0.1.nip.io and
 * localhost.evil.com are names, and DNS answers for them from elsewhere), any other address.
 * The name alone never makes a context local: "kind-prod" pointing at 10.0.0.5 is remote.
 *
 * Pure: no DNS, no connection. Dockside contacts a remote context only when the learner picked
 * it in the guard dialog.
 */
import { BlockList, isIP } from 'node:net';

export type ClusterOrigin = 'kind' | 'k3d' | 'colima' | 'docker-desktop' | 'orbstack' | 'rancher-desktop' | 'minikube' | 'lima';

export interface ContextJudgement {
  local: boolean;
  /** The tool that wrote the context, from its name; null for any other name. */
  origin: ClusterOrigin | null;
  /** Why, in a clause: "its server 127.0.0.1 is this machine", "its server eks.amazonaws.com is another machine". */
  reason: string;
}

const ORIGIN_PATTERNS: ReadonlyArray<[RegExp, ClusterOrigin]> = [
  [/^kind-.+/, 'kind'],
  [/^k3d-.+/, 'k3d'],
  [/^colima(-.+)?$/, 'colima'],
  [/^(docker-desktop|docker-for-desktop)$/, 'docker-desktop'],
  [/^orbstack$/, 'orbstack'],
  [/^rancher-desktop$/, 'rancher-desktop'],
  [/^minikube$/, 'minikube'],
  [/^lima(-.+)?$/, 'lima'],
];

export function originOf(contextName: string): ClusterOrigin | null {
  for (const [pattern, origin] of ORIGIN_PATTERNS) if (pattern.test(contextName)) return origin;
  return null;
}

/** Names that only the local tools define (in /etc/hosts, or their own resolver), never public DNS. */
const LOCAL_NAMES = new Set([
  'localhost',
  'kubernetes.docker.internal',
  'host.docker.internal',
  'host.rancher-desktop.internal',
  'host.lima.internal',
  'k8s.orb.local',
]);

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('0.0.0.0', 'ipv4');
loopback.addAddress('::1', 'ipv6');
loopback.addAddress('::', 'ipv6');

/** The subnets each tool puts its VM or node containers on (their defaults). */
const VM_SUBNETS: Partial<Record<ClusterOrigin, ReadonlyArray<[string, number]>>> = {
  // Lima's user-mode network (Colima, Rancher Desktop and Lima are Lima VMs) and vmnet shared/bridged-to-host nets.
  colima: [
    ['192.168.5.0', 24],
    ['192.168.106.0', 24],
  ],
  lima: [
    ['192.168.5.0', 24],
    ['192.168.105.0', 24],
  ],
  'rancher-desktop': [['192.168.5.0', 24]],
  'docker-desktop': [['192.168.65.0', 24]],
  orbstack: [['198.19.249.0', 24]],
  // The docker driver's network (192.168.49.x, then .58, .67 ... for more profiles), VirtualBox, hyperkit/qemu/vfkit.
  minikube: [
    ['192.168.49.0', 24],
    ['192.168.58.0', 24],
    ['192.168.67.0', 24],
    ['192.168.59.0', 24],
    ['192.168.64.0', 24],
    ['192.168.105.0', 24],
  ],
};

function vmSubnet(origin: ClusterOrigin): BlockList | null {
  const subnets = VM_SUBNETS[origin];
  if (!subnets) return null;
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, 'ipv4');
  return list;
}

/** The host of a server URL as the URL parser canonicalises it (127.1 -> 127.0.0.1), brackets removed. */
export function serverHost(server: string): string | null {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function family(host: string): 'ipv4' | 'ipv6' | null {
  const version = isIP(host);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
}

/** True for loopback addresses (IPv4-mapped ones included) and the local tools' host names. */
export function isLoopbackHost(host: string): boolean {
  if (LOCAL_NAMES.has(host)) return true;
  const kind = family(host);
  return kind !== null && loopback.check(host, kind);
}

export function judgeContext(context: { name: string; server: string }): ContextJudgement {
  const origin = originOf(context.name);
  const host = serverHost(context.server);
  if (host === null || host === '')
    return { local: false, origin, reason: `its server "${context.server}" is not an http(s) address` };
  if (isLoopbackHost(host)) return { local: true, origin, reason: `its server ${host} is this machine` };
  const kind = family(host);
  const subnet = origin ? vmSubnet(origin) : null;
  if (kind !== null && subnet?.check(host, kind))
    return { local: true, origin, reason: `its server ${host} is the local ${origin} VM` };
  if (kind === null) return { local: false, origin, reason: `its server ${host} is a name Dockside would have to look up` };
  return { local: false, origin, reason: `its server ${host} is another machine` };
}

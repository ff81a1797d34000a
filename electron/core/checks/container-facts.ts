/**
 * What a container is, read from one inspect and put in the words and units checks compare:
 * its state, published ports, mounts, limits. Kept apart from the container check so the
 * exec check and the live-objects panel read containers the same way.
 */
import type Docker from 'dockerode';
import { normaliseImageRef } from './image-ref';

export type Inspect = Docker.ContainerInspectInfo;

export interface Binding {
  hostIp: string;
  hostPort: number;
}

/**
 * The part of an inspect that a list entry also carries — state, exit code, labels, network
 * mode — for checks that ask nothing more (no inspect needed, and no waiting on a busy container).
 */
export function inspectFromSummary(info: Docker.ContainerInfo): Inspect {
  const exited = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(info.Status ?? '');
  return {
    Id: info.Id,
    Name: info.Names?.[0] ?? `/${info.Id.slice(0, 12)}`,
    State: { Status: info.State, Running: info.State === 'running', ExitCode: exited ? Number(exited[1]) : 0 },
    Config: { Image: info.Image, Labels: info.Labels ?? {} },
    HostConfig: { NetworkMode: info.HostConfig?.NetworkMode ?? 'default' },
  } as unknown as Inspect;
}

export function containerName(info: Inspect): string {
  return info.Name.replace(/^\//, '');
}

/** "running", or "exited (code 137)". */
export function describeState(info: Inspect): string {
  const status = info.State.Status;
  return status === 'exited' || status === 'dead' ? `${status} (code ${info.State.ExitCode})` : status;
}

/** Real bindings while running; the requested ones otherwise (the engine drops them at stop). */
export function publishedPorts(info: Inspect): Map<string, Binding[]> {
  const running = info.NetworkSettings?.Ports as Record<string, Array<{ HostIp: string; HostPort: string }> | null> | undefined;
  const requested = info.HostConfig?.PortBindings as
    Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | undefined;
  const source = info.State.Running && running && Object.keys(running).length > 0 ? running : (requested ?? {});
  const result = new Map<string, Binding[]>();
  for (const [port, bindings] of Object.entries(source)) {
    const list = (bindings ?? [])
      .map((b) => ({ hostIp: b.HostIp ?? '', hostPort: Number(b.HostPort ?? 0) }))
      .filter((b) => b.hostPort > 0);
    if (list.length > 0) result.set(port, list);
  }
  return result;
}

export function envMap(info: Inspect): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of info.Config.Env ?? []) {
    const eq = entry.indexOf('=');
    if (eq > 0) map.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return map;
}

export function imageOf(info: Inspect): string {
  return normaliseImageRef(info.Config.Image);
}

export function networkModeOf(info: Inspect): string {
  const mode = info.HostConfig.NetworkMode ?? 'default';
  return mode === 'default' ? 'bridge' : mode;
}

export function restartOf(info: Inspect): string {
  const policy = info.HostConfig.RestartPolicy;
  const name = policy?.Name && policy.Name !== '' ? policy.Name : 'no';
  return name === 'on-failure' && (policy?.MaximumRetryCount ?? 0) > 0 ? `on-failure:${policy!.MaximumRetryCount}` : name;
}

export function cpusOf(info: Inspect): number | null {
  const host = info.HostConfig as Inspect['HostConfig'] & { NanoCpus?: number; CpuQuota?: number; CpuPeriod?: number };
  if (host.NanoCpus && host.NanoCpus > 0) return host.NanoCpus / 1e9;
  if (host.CpuQuota && host.CpuQuota > 0)
    return host.CpuQuota / (host.CpuPeriod && host.CpuPeriod > 0 ? host.CpuPeriod : 100_000);
  return null;
}

export function healthOf(info: Inspect): string {
  const health = (info.State as Inspect['State'] & { Health?: { Status?: string } }).Health;
  return health?.Status ?? 'none';
}

/** `no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` are one option. */
export function normaliseSecurityOpt(option: string): string {
  const [key = '', value] = option.split(/[:=]/, 2);
  return key === 'no-new-privileges' ? `no-new-privileges:${value ?? 'true'}` : option;
}

export function commandOf(info: Inspect): string[] {
  return info.Config.Cmd ?? [];
}

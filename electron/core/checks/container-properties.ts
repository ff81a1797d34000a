/**
 * The properties a container check can ask about, one entry each: how to say what is wanted,
 * and how to say what differs ("publishes 80/tcp on 8080, not 1111"), or null when it matches.
 * The container check applies them in this order; the first differences make the explanation.
 */
import {
  commandOf,
  cpusOf,
  envMap,
  healthOf,
  imageOf,
  networkModeOf,
  normaliseSecurityOpt,
  publishedPorts,
  restartOf,
  type Inspect,
} from './container-facts';
import { normaliseImageRef } from './image-ref';
import { bytes, clip } from './phrases';

export interface MountSpec {
  target: string;
  source?: string | undefined;
  type?: 'volume' | 'bind' | 'tmpfs' | undefined;
  readOnly?: boolean | undefined;
}

/** The container properties of a check, after its schema ran. */
export interface ContainerProperties {
  exitCode?: number | undefined;
  image?: string | undefined;
  ports?: Record<string, number | string> | undefined;
  env?: Record<string, string> | undefined;
  labels?: Record<string, string> | undefined;
  mounts?: MountSpec[] | undefined;
  privileged?: boolean | undefined;
  init?: boolean | undefined;
  securityOpt?: string[] | undefined;
  networkMode?: string | undefined;
  restart?: string | undefined;
  memory?: number | string | undefined;
  cpus?: number | undefined;
  health?: string | undefined;
  user?: string | undefined;
  command?: string | string[] | undefined;
}

interface Property {
  wants(spec: ContainerProperties): string[];
  misses(spec: ContainerProperties, info: Inspect): string[];
}

/** "64m" -> bytes, as `docker run -m` reads it (binary units). */
export function memoryBytes(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)([bkmg]?)$/i.exec(value.trim());
  if (!match) return Number.NaN;
  const power = { '': 0, b: 0, k: 1, m: 2, g: 3 }[match[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Math.round(Number(match[1]) * 1024 ** power);
}

function portTarget(value: number | string): { hostIp: string | null; hostPort: number } {
  if (typeof value === 'number') return { hostIp: null, hostPort: value };
  const colon = value.lastIndexOf(':');
  if (colon < 0) return { hostIp: null, hostPort: Number(value) };
  return { hostIp: value.slice(0, colon).replace(/^\[|\]$/g, ''), hostPort: Number(value.slice(colon + 1)) };
}

function describeBindings(bindings: { hostIp: string; hostPort: number }[], withIp: boolean): string {
  const shown = [...new Set(bindings.map((b) => (withIp ? `${b.hostIp || '0.0.0.0'}:${b.hostPort}` : String(b.hostPort))))];
  return shown.join(' and ');
}

const commandText = (command: string | string[]) => (Array.isArray(command) ? command.join(' ') : command);

const properties: Property[] = [
  {
    wants: (s) => (s.exitCode === undefined ? [] : [`exited with code ${s.exitCode}`]),
    misses: (s, info) => {
      if (s.exitCode === undefined) return [];
      // A running container reports exit code 0: it has not exited with anything yet.
      if (info.State.Running) return [`has not exited yet (expected exit code ${s.exitCode})`];
      return info.State.ExitCode === s.exitCode ? [] : [`exited with code ${info.State.ExitCode}, not ${s.exitCode}`];
    },
  },
  {
    wants: (s) => (s.image === undefined ? [] : [`runs image ${normaliseImageRef(s.image)}`]),
    misses: (s, info) => {
      if (s.image === undefined) return [];
      const want = normaliseImageRef(s.image);
      return imageOf(info) === want ? [] : [`runs image ${imageOf(info)}, not ${want}`];
    },
  },
  {
    wants: (s) => Object.entries(s.ports ?? {}).map(([port, target]) => `publishes ${port} on ${String(target)}`),
    misses: (s, info) => {
      const actual = publishedPorts(info);
      return Object.entries(s.ports ?? {}).flatMap(([port, value]) => {
        const want = portTarget(value);
        const bindings = actual.get(port) ?? [];
        if (bindings.length === 0) return [`does not publish ${port} (expected on ${String(value)})`];
        const hit = bindings.some((b) => b.hostPort === want.hostPort && (want.hostIp === null || b.hostIp === want.hostIp));
        return hit ? [] : [`publishes ${port} on ${describeBindings(bindings, want.hostIp !== null)}, not ${String(value)}`];
      });
    },
  },
  {
    wants: (s) => Object.entries(s.env ?? {}).map(([key, value]) => `has ${key}=${value} in its environment`),
    misses: (s, info) => {
      const env = envMap(info);
      return Object.entries(s.env ?? {}).flatMap(([key, value]) => {
        const actual = env.get(key);
        if (actual === undefined) return [`has no ${key} variable (expected ${key}=${value})`];
        return actual === value ? [] : [`has ${key}=${clip(actual, 40)}, not ${key}=${value}`];
      });
    },
  },
  {
    wants: (s) => Object.entries(s.labels ?? {}).map(([key, value]) => `has label ${key}=${value}`),
    misses: (s, info) => {
      const labels = info.Config.Labels ?? {};
      return Object.entries(s.labels ?? {}).flatMap(([key, value]) => {
        const actual = labels[key];
        if (actual === undefined) return [`has no label ${key} (expected ${key}=${value})`];
        return actual === value ? [] : [`has label ${key}=${actual}, not ${key}=${value}`];
      });
    },
  },
  {
    wants: (s) =>
      (s.mounts ?? []).map(
        (m) => `mounts ${m.type ?? ''}${m.type ? ' ' : ''}${m.source ?? 'something'} at ${m.target}${readOnlyWord(m.readOnly)}`,
      ),
    misses: (s, info) =>
      (s.mounts ?? []).flatMap((want) => {
        const mount = (info.Mounts ?? []).find((m) => m.Destination === want.target);
        const wanted = `${want.type ?? ''}${want.type ? ' ' : ''}${want.source ?? 'something'}`;
        if (!mount) return [`mounts nothing at ${want.target} (expected ${wanted})`];
        const source = mount.Type === 'volume' ? (mount.Name ?? mount.Source) : mount.Source;
        const differs =
          (want.type !== undefined && mount.Type !== want.type) || (want.source !== undefined && source !== want.source);
        if (differs) return [`mounts ${mount.Type} ${source} at ${want.target}, not ${wanted}`];
        if (want.readOnly !== undefined && mount.RW === want.readOnly) {
          return [
            `mounts ${want.target} ${mount.RW ? 'read-write' : 'read-only'}, not ${want.readOnly ? 'read-only' : 'read-write'}`,
          ];
        }
        return [];
      }),
  },
  {
    wants: (s) => (s.privileged === undefined ? [] : [s.privileged ? 'runs privileged' : 'does not run privileged']),
    misses: (s, info) =>
      s.privileged === undefined || Boolean(info.HostConfig.Privileged) === s.privileged
        ? []
        : [s.privileged ? 'does not run privileged, but should' : 'runs privileged, but should not'],
  },
  {
    // --init: Docker's tiny init runs as PID 1 and passes signals on, so `docker stop` ends it with
    // SIGTERM (143) and only a SIGKILL (137) tells `docker kill` apart.
    wants: (s) => (s.init === undefined ? [] : [s.init ? 'was started with --init' : 'was started without --init']),
    misses: (s, info) =>
      s.init === undefined || Boolean(info.HostConfig.Init) === s.init
        ? []
        : [s.init ? 'was started without --init, but should have been' : 'was started with --init, but should not have been'],
  },
  {
    wants: (s) => (s.securityOpt ?? []).map((o) => `sets security option ${o}`),
    misses: (s, info) => {
      const actual = new Set(((info.HostConfig.SecurityOpt as string[] | undefined) ?? []).map(normaliseSecurityOpt));
      return (s.securityOpt ?? [])
        .filter((o) => !actual.has(normaliseSecurityOpt(o)))
        .map((o) => `does not set security option ${o}`);
    },
  },
  {
    wants: (s) => (s.networkMode === undefined ? [] : [`uses network mode ${s.networkMode}`]),
    misses: (s, info) =>
      s.networkMode === undefined || networkModeOf(info) === s.networkMode
        ? []
        : [`uses network mode ${networkModeOf(info)}, not ${s.networkMode}`],
  },
  {
    wants: (s) => (s.restart === undefined ? [] : [`has restart policy ${s.restart}`]),
    misses: (s, info) =>
      s.restart === undefined || restartOf(info) === s.restart ? [] : [`has restart policy ${restartOf(info)}, not ${s.restart}`],
  },
  {
    wants: (s) => (s.memory === undefined ? [] : [`is limited to ${bytes(memoryBytes(s.memory))} of memory`]),
    misses: (s, info) => {
      if (s.memory === undefined) return [];
      const want = memoryBytes(s.memory);
      const actual = info.HostConfig.Memory ?? 0;
      if (actual === want) return [];
      return actual === 0
        ? [`has no memory limit (expected ${bytes(want)})`]
        : [`is limited to ${bytes(actual)} of memory, not ${bytes(want)}`];
    },
  },
  {
    wants: (s) => (s.cpus === undefined ? [] : [`is limited to ${s.cpus} CPUs`]),
    misses: (s, info) => {
      if (s.cpus === undefined) return [];
      const actual = cpusOf(info);
      if (actual !== null && Math.abs(actual - s.cpus) < 1e-6) return [];
      return actual === null ? [`has no CPU limit (expected ${s.cpus} CPUs)`] : [`is limited to ${actual} CPUs, not ${s.cpus}`];
    },
  },
  {
    wants: (s) => (s.health === undefined ? [] : [s.health === 'none' ? 'has no health check' : `reports health ${s.health}`]),
    misses: (s, info) => {
      if (s.health === undefined || healthOf(info) === s.health) return [];
      if (healthOf(info) === 'none') return [`has no health check (expected health ${s.health})`];
      return [
        s.health === 'none'
          ? `has a health check (${healthOf(info)}), expected none`
          : `reports health ${healthOf(info)}, not ${s.health}`,
      ];
    },
  },
  {
    wants: (s) => (s.user === undefined ? [] : [`runs as user ${s.user}`]),
    misses: (s, info) => {
      if (s.user === undefined || (info.Config.User ?? '') === s.user) return [];
      const actual = info.Config.User && info.Config.User !== '' ? info.Config.User : "the image's default user";
      return [`runs as ${actual}, not user ${s.user}`];
    },
  },
  {
    wants: (s) => (s.command === undefined ? [] : [`runs the command "${commandText(s.command)}"`]),
    misses: (s, info) => {
      if (s.command === undefined) return [];
      const actual = commandOf(info);
      const same = Array.isArray(s.command)
        ? actual.length === s.command.length && actual.every((arg, i) => arg === (s.command as string[])[i])
        : actual.join(' ') === s.command;
      return same ? [] : [`runs the command "${clip(actual.join(' '))}", not "${commandText(s.command)}"`];
    },
  },
];

function readOnlyWord(readOnly: boolean | undefined): string {
  if (readOnly === undefined) return '';
  return readOnly ? ' read-only' : ' read-write';
}

export function wantedProperties(spec: ContainerProperties): string[] {
  return properties.flatMap((p) => p.wants(spec));
}

export function missedProperties(spec: ContainerProperties, info: Inspect): string[] {
  return properties.flatMap((p) => p.misses(spec, info));
}

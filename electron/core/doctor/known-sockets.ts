/**
 * Where engines put their sockets by convention (shared/reference/engine.md), per OS, and how to
 * tell whether the product is installed even when its socket is gone — a stopped Colima or
 * Docker Desktop leaves its directory behind, and that is exactly when the learner needs a fix.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { systemPath, type DoctorSystem } from './system';

export type Place =
  | { kind: 'system' }
  | { kind: 'rootless' }
  | { kind: 'desktop' }
  | { kind: 'colima'; profile: string }
  | { kind: 'orbstack' }
  | { kind: 'rancher' }
  | { kind: 'podman'; rootless: boolean };

export interface KnownSocket {
  /** unix:// or npipe:// host. */
  host: string;
  place: Place;
  label: string;
  /** The product looks installed (its directory exists), so a missing socket means it is stopped. */
  installed: boolean;
}

export function knownSockets(system: DoctorSystem): KnownSocket[] {
  const { platform, homeDir } = system;
  if (platform === 'win32') {
    return [
      { host: 'npipe:////./pipe/docker_engine', place: { kind: 'system' }, label: 'Docker Desktop', installed: true },
      {
        host: 'npipe:////./pipe/dockerDesktopLinuxEngine',
        place: { kind: 'desktop' },
        label: 'Docker Desktop',
        installed: false,
      },
    ];
  }
  const home = (...parts: string[]) => join(homeDir, ...parts);
  const unix = (path: string) => `unix://${path}`;
  const sockets: KnownSocket[] = [
    {
      host: unix(systemPath(system, '/var/run/docker.sock')),
      place: { kind: 'system' },
      label: platform === 'darwin' ? 'Default socket' : 'Docker Engine',
      // The docker CLI's default: always worth reporting.
      installed: true,
    },
  ];
  if (platform === 'darwin') {
    sockets.push({
      host: unix(home('.docker', 'run', 'docker.sock')),
      place: { kind: 'desktop' },
      label: 'Docker Desktop',
      installed: existsSync(systemPath(system, '/Applications/Docker.app')) || existsSync(home('.docker', 'run')),
    });
    sockets.push({
      host: unix(home('.orbstack', 'run', 'docker.sock')),
      place: { kind: 'orbstack' },
      label: 'OrbStack',
      installed: existsSync(home('.orbstack')),
    });
  } else {
    const runtimeDir = xdgRuntimeDir(system);
    sockets.push({
      host: unix(home('.docker', 'desktop', 'docker.sock')),
      place: { kind: 'desktop' },
      label: 'Docker Desktop',
      installed: existsSync(home('.docker', 'desktop')),
    });
    if (runtimeDir) {
      sockets.push({
        host: unix(join(runtimeDir, 'docker.sock')),
        place: { kind: 'rootless' },
        label: 'Docker Engine (rootless)',
        // dockerd-rootless-setuptool.sh writes this unit.
        installed: existsSync(home('.config', 'systemd', 'user', 'docker.service')),
      });
      sockets.push({
        host: unix(join(runtimeDir, 'podman', 'podman.sock')),
        place: { kind: 'podman', rootless: true },
        label: 'Podman (rootless)',
        installed: false,
      });
    }
    sockets.push({
      host: unix(systemPath(system, '/run/podman/podman.sock')),
      place: { kind: 'podman', rootless: false },
      label: 'Podman',
      installed: false,
    });
  }
  sockets.push({
    host: unix(home('.rd', 'docker.sock')),
    place: { kind: 'rancher' },
    label: 'Rancher Desktop',
    installed: existsSync(home('.rd')),
  });
  sockets.push(...colimaSockets(system));
  return sockets;
}

/** $XDG_RUNTIME_DIR, else /run/user/<uid> where it exists. */
function xdgRuntimeDir(system: DoctorSystem): string | null {
  const fromEnv = system.env.XDG_RUNTIME_DIR;
  if (fromEnv && fromEnv !== '') return fromEnv;
  if (system.user.uid === null) return null;
  const guess = systemPath(system, `/run/user/${system.user.uid}`);
  return existsSync(guess) ? guess : null;
}

/** Colima's home: $COLIMA_HOME, else ~/.colima, else $XDG_CONFIG_HOME/colima or ~/.config/colima. */
export function colimaHome(system: DoctorSystem): string {
  const { env, homeDir } = system;
  if (env.COLIMA_HOME && env.COLIMA_HOME !== '') return env.COLIMA_HOME;
  const dotColima = join(homeDir, '.colima');
  if (existsSync(dotColima)) return dotColima;
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(configHome, 'colima');
}

/** One socket per Colima profile that runs Docker (a containerd profile has none). */
function colimaSockets(system: DoctorSystem): KnownSocket[] {
  const base = colimaHome(system);
  let names: string[];
  try {
    names = readdirSync(base, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  return names
    .filter((profile) => colimaRuntime(join(base, profile)) === 'docker')
    .sort()
    .map((profile) => ({
      host: `unix://${join(base, profile, 'docker.sock')}`,
      place: { kind: 'colima', profile },
      label: `Colima (profile ${profile})`,
      installed: true,
    }));
}

function colimaRuntime(profileDir: string): string {
  try {
    const config = parseYaml(readFileSync(join(profileDir, 'colima.yaml'), 'utf8')) as { runtime?: unknown } | null;
    return typeof config?.runtime === 'string' ? config.runtime : 'docker';
  } catch {
    // No (readable) colima.yaml: Colima's default runtime is docker.
    return 'docker';
  }
}

/** The place a socket path belongs to, also for contexts pointing at a Colima we did not list. */
export function placeOfHost(host: string, known: KnownSocket[]): KnownSocket | null {
  const exact = known.find((socket) => socket.host === host);
  if (exact) return exact;
  const colima = /\/colima\/([^/]+)\/docker\.sock$|\/\.colima\/([^/]+)\/docker\.sock$/.exec(host);
  const profile = colima?.[1] ?? colima?.[2];
  if (profile) return { host, place: { kind: 'colima', profile }, label: `Colima (profile ${profile})`, installed: true };
  return null;
}

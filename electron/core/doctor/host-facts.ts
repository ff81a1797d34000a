/**
 * Facts about the operating system that decide which fix to give: the Linux family (which
 * package manager), the CPU (which download), and the local groups (who may open a socket).
 */
import { existsSync, readFileSync } from 'node:fs';
import { systemPath, type DoctorSystem } from './system';

export type LinuxFamily = 'debian' | 'fedora' | 'arch' | 'suse' | 'other';

export interface HostFacts {
  platform: NodeJS.Platform;
  /** Download name of the CPU: amd64 or arm64. */
  cpu: 'amd64' | 'arm64';
  linuxFamily: LinuxFamily;
  /** systemd runs services here (systemctl is the way to start dockerd). */
  systemd: boolean;
  groups: Map<number, { name: string; members: string[] }>;
  user: DoctorSystem['user'];
  /** The Docker engine itself (dockerd) is installed, so a missing socket means "start it", not "install it". */
  dockerdInstalled: boolean;
  /** A `go` is on the learner's PATH (kind then installs with `go install`). */
  goInstalled: boolean;
}

export function hostFacts(system: DoctorSystem, installed: { dockerd: boolean; go: boolean }): HostFacts {
  return {
    dockerdInstalled: installed.dockerd,
    goInstalled: installed.go,
    platform: system.platform,
    cpu: system.arch === 'arm64' ? 'arm64' : 'amd64',
    linuxFamily: system.platform === 'linux' ? linuxFamily(readOrEmpty(systemPath(system, '/etc/os-release'))) : 'other',
    systemd: system.platform === 'linux' && existsSync(systemPath(system, '/run/systemd/system')),
    groups:
      system.platform === 'win32'
        ? new Map<number, { name: string; members: string[] }>()
        : parseGroups(readOrEmpty(systemPath(system, '/etc/group'))),
    user: system.user,
  };
}

export function linuxFamily(osRelease: string): LinuxFamily {
  const field = (key: string) => new RegExp(`^${key}=["']?([^"'\\n]*)`, 'm').exec(osRelease)?.[1]?.toLowerCase() ?? '';
  const ids = `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/);
  if (ids.some((id) => ['debian', 'ubuntu'].includes(id))) return 'debian';
  if (ids.some((id) => ['fedora', 'rhel', 'centos'].includes(id))) return 'fedora';
  if (ids.some((id) => ['arch', 'manjaro'].includes(id))) return 'arch';
  if (ids.some((id) => id.includes('suse'))) return 'suse';
  return 'other';
}

/** /etc/group: name:password:gid:member,member */
export function parseGroups(text: string): HostFacts['groups'] {
  const groups: HostFacts['groups'] = new Map();
  for (const line of text.split('\n')) {
    const [name, , gid, members] = line.split(':');
    if (!name || gid === undefined || !/^\d+$/.test(gid)) continue;
    groups.set(Number(gid), { name, members: (members ?? '').split(',').filter((m) => m !== '') });
  }
  return groups;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * What the doctor knows about the machine it runs on, gathered once per run: the OS, where
 * system files live, who the user is. Everything the doctor reads goes through this, so tests
 * can run it over fixture home directories and a fixture system root.
 */
import { userInfo } from 'node:os';
import { join } from 'node:path';

export interface DoctorInput {
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  arch?: string;
  /** The endpoint the learner picked in Dockside (settings `chosenEndpoint`). */
  chosen?: { host: string; context?: string | undefined } | null;
  /**
   * Absolute system paths (/var/run/docker.sock, /etc/os-release, /etc/group, /Applications)
   * are read under this root. "/" in the app; tests point it at a fixture root.
   */
  systemRoot?: string;
  /** How long one endpoint or API-server probe may take. */
  probeTimeoutMs?: number;
  /** How long one `tool --version` may take. */
  toolTimeoutMs?: number;
  /** The PATH to find tools on; when absent, the environment's (the login shell's on macOS). */
  pathDirs?: string[];
}

export interface DoctorSystem {
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  arch: string;
  systemRoot: string;
  probeTimeoutMs: number;
  toolTimeoutMs: number;
  /** The user's name and groups, for "you are not in the docker group" (empty where unknown). */
  user: { name: string; uid: number | null; groups: number[] };
}

export const DEFAULT_PROBE_TIMEOUT_MS = 1500;
export const DEFAULT_TOOL_TIMEOUT_MS = 4000;

export function systemFrom(input: DoctorInput): DoctorSystem {
  return {
    env: input.env,
    homeDir: input.homeDir,
    platform: input.platform,
    arch: input.arch ?? process.arch,
    systemRoot: input.systemRoot ?? '/',
    probeTimeoutMs: input.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    toolTimeoutMs: input.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
    user: currentUser(input.env),
  };
}

/** An absolute system path, under the system root. */
export function systemPath(system: DoctorSystem, absolute: string): string {
  return system.systemRoot === '/' ? absolute : join(system.systemRoot, absolute);
}

function currentUser(env: DoctorInput['env']): DoctorSystem['user'] {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const groups = typeof process.getgroups === 'function' ? process.getgroups() : [];
  let name = env.USER ?? env.USERNAME ?? '';
  try {
    name = userInfo().username;
  } catch {
    // A uid without a passwd entry (some containers): keep what the environment says.
  }
  const primary = typeof process.getgid === 'function' ? process.getgid() : null;
  return { name, uid, groups: primary !== null && !groups.includes(primary) ? [primary, ...groups] : groups };
}

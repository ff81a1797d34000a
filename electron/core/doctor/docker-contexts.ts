/**
 * Every docker CLI context in the config directory (not only the current one), each resolved to
 * its endpoint by the same code that resolves the current one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerConfigDir, resolveEndpoint, type ResolvedEndpoint } from '../engine/endpoint';
import { messageOf } from '../errors';
import type { DoctorSystem } from './system';

export interface DockerContextEntry {
  name: string;
  endpoint: ResolvedEndpoint | null;
  /** Why the context could not be read, when it could not. */
  error?: string;
}

export function listDockerContexts(system: DoctorSystem): DockerContextEntry[] {
  const configDir = dockerConfigDir(system.env, system.homeDir);
  const metaDir = join(configDir, 'contexts', 'meta');
  let dirs: string[];
  try {
    dirs = readdirSync(metaDir);
  } catch {
    return [];
  }
  const entries: DockerContextEntry[] = [];
  for (const dir of dirs.sort()) {
    let name: string;
    try {
      const meta = JSON.parse(readFileSync(join(metaDir, dir, 'meta.json'), 'utf8')) as { Name?: unknown };
      if (typeof meta.Name !== 'string' || meta.Name === '') continue;
      name = meta.Name;
    } catch {
      continue; // not a context directory, or unreadable: the CLI skips it too
    }
    try {
      // Resolve it exactly as `DOCKER_CONTEXT=<name> docker ...` would.
      const endpoint = resolveEndpoint({
        env: { DOCKER_CONTEXT: name, DOCKER_CONFIG: configDir },
        homeDir: system.homeDir,
        platform: system.platform,
      });
      entries.push({ name, endpoint });
    } catch (error) {
      entries.push({ name, endpoint: null, error: messageOf(error) });
    }
  }
  return entries;
}

/**
 * The command-line tools a learner needs, found on the PATH a new terminal gets, each asked for
 * its version in parallel with a timeout. Compose and buildx are docker CLI plugins first
 * (`docker compose`), standalone binaries second.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import type { DoctorTool, DoctorToolName } from '../contract';
import { dockerConfigDir } from '../engine/endpoint';
import type { DoctorSystem } from './system';

interface ToolSpec {
  name: DoctorToolName;
  /** How to ask: run `binary ...args` — or as a docker CLI plugin. */
  binary: string;
  args: string[];
  plugin?: { name: string; args: string[] };
}

const TOOL_SPECS: ToolSpec[] = [
  { name: 'docker', binary: 'docker', args: ['--version'] },
  {
    name: 'compose',
    binary: 'docker-compose',
    args: ['version', '--short'],
    plugin: { name: 'compose', args: ['compose', 'version', '--short'] },
  },
  { name: 'buildx', binary: 'docker-buildx', args: ['version'], plugin: { name: 'buildx', args: ['buildx', 'version'] } },
  { name: 'colima', binary: 'colima', args: ['version'] },
  { name: 'kind', binary: 'kind', args: ['version'] },
  { name: 'kubectl', binary: 'kubectl', args: ['version', '--client'] },
  { name: 'helm', binary: 'helm', args: ['version', '--short'] },
  { name: 'k9s', binary: 'k9s', args: ['version', '--short'] },
];

export async function findTools(system: DoctorSystem, pathDirs: string[]): Promise<DoctorTool[]> {
  // An empty kubeconfig: some kubectl builds contact the current context's server even for
  // `version --client` (Google Cloud SDK's dispatcher asks it which kubectl to run), and that
  // context may be production: the guard's promise is that Dockside never contacts it.
  const noKubeconfig = system.platform === 'win32' ? 'NUL' : '/dev/null';
  const env = { ...system.env, PATH: pathDirs.join(system.platform === 'win32' ? ';' : ':'), KUBECONFIG: noKubeconfig };
  const docker = await which('docker', pathDirs, system.platform);
  return Promise.all(TOOL_SPECS.map((spec) => findTool(spec, system, pathDirs, env, docker)));
}

async function findTool(
  spec: ToolSpec,
  system: DoctorSystem,
  pathDirs: string[],
  env: Record<string, string | undefined>,
  docker: string | null,
): Promise<DoctorTool> {
  if (spec.plugin && docker) {
    const pluginFile = await findPlugin(spec.plugin.name, system);
    const asPlugin = await run(docker, spec.plugin.args, env, system.toolTimeoutMs);
    if (asPlugin.ok)
      return { name: spec.name, path: pluginFile ?? `${docker} ${spec.plugin.name}`, version: versionIn(asPlugin.output) };
  }
  const path = await which(spec.binary, pathDirs, system.platform);
  if (!path) return { name: spec.name, path: null, version: null };
  const result = await run(path, spec.args, env, system.toolTimeoutMs);
  const version = versionIn(result.output);
  if (version) return { name: spec.name, path, version };
  return { name: spec.name, path, version: null, error: result.ok ? 'printed no version' : result.error };
}

/** The first executable of that name on the PATH, as a shell would find it. */
export async function which(binary: string, pathDirs: string[], platform: NodeJS.Platform): Promise<string | null> {
  const names = platform === 'win32' ? [`${binary}.exe`, `${binary}.cmd`, binary] : [binary];
  for (const dir of pathDirs) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        await access(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Where the docker CLI looks for plugins (docker/cli's defaultSystemPluginDirs plus the user's). */
async function findPlugin(name: string, system: DoctorSystem): Promise<string | null> {
  const dirs = [
    join(dockerConfigDir(system.env, system.homeDir), 'cli-plugins'),
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
    ...(system.platform === 'darwin'
      ? ['/Applications/Docker.app/Contents/Resources/cli-plugins', '/opt/homebrew/lib/docker/cli-plugins']
      : []),
  ];
  return which(`docker-${name}`, dirs, system.platform);
}

interface RunResult {
  ok: boolean;
  output: string;
  error: string;
}

function run(file: string, args: string[], env: Record<string, string | undefined>, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, env: env, maxBuffer: 256 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      if (!error) {
        resolve({ ok: true, output, error: '' });
        return;
      }
      const timedOut = (error as { killed?: boolean }).killed === true;
      resolve({
        ok: false,
        output,
        error: timedOut ? `did not answer within ${timeoutMs} ms` : firstLine(stderr) || error.message,
      });
    });
  });
}

/** "Docker version 28.2.2, build e6534b4", "kind v0.23.0 go1.22", "Client Version: v1.32.4" -> the version. */
export function versionIn(output: string): string | null {
  const match = /\bv?(\d+\.\d+(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]+)?)/.exec(output);
  return match?.[1] ?? null;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * How to install the kind CLI: the one source of truth for the doctor's fix, the Kubernetes
 * page and the practice cluster's "kind is missing" sentence, so they never name two versions.
 * kind v0.33.0 is the release Dockside is tried with (it builds from the Go module proxy, which
 * is how a machine with Go gets it; kind's go.mod asks only for Go 1.17); without Go, Linux gets
 * the release binary from kind's download site.
 */
import { delimiter } from 'node:path';
import { which } from '../doctor/tools';

export const KIND_VERSION = 'v0.33.0';

export interface KindInstallHost {
  platform: NodeJS.Platform;
  /** Download name of the CPU. */
  cpu: 'amd64' | 'arm64';
  /** A `go` is on the learner's PATH. */
  goInstalled: boolean;
}

/** The command that installs kind here. */
export function kindInstallCommand(host: KindInstallHost): string {
  if (host.platform === 'darwin') return 'brew install kind';
  if (host.platform === 'win32') return 'winget install Kubernetes.kind';
  if (host.goInstalled) return `go install sigs.k8s.io/kind@${KIND_VERSION}`;
  return (
    `curl -Lo ./kind https://kind.sigs.k8s.io/dl/${KIND_VERSION}/kind-linux-${host.cpu} && ` +
    'chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind'
  );
}

/** How to install kind here, in a sentence (with where `go install` puts it). */
export function kindInstallHint(host: KindInstallHost): string {
  const command = kindInstallCommand(host);
  const where = command.startsWith('go install') ? ' (it lands in ~/go/bin: put that on your PATH)' : '';
  return `Install kind with \`${command}\`${where}, then try again.`;
}

/** The CPU's download name from Node's `process.arch`. */
export function cpuOf(arch: string): KindInstallHost['cpu'] {
  return arch === 'arm64' ? 'arm64' : 'amd64';
}

/** The install sentence for the learner's machine: their OS, CPU, and whether Go is on their PATH. */
export async function kindInstallHintFor(env: Record<string, string | undefined>, platform: NodeJS.Platform): Promise<string> {
  const go = await which('go', (env.PATH ?? '').split(delimiter).filter(Boolean), platform);
  return kindInstallHint({ platform, cpu: cpuOf(process.arch), goInstalled: go !== null });
}

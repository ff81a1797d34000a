/**
 * The Kubernetes tools a lesson's `requires:` may name, found on the PATH the lesson terminal
 * gets; when one is missing, the one sentence that says so ends with the install command for
 * this OS.
 */
import { arch } from 'node:os';
import { which } from '../doctor/tools';
import { installKubeToolFix, type KubeToolName } from '../doctor/kube-tool-fixes';

export type { KubeToolName };

export const KUBE_TOOLS: readonly KubeToolName[] = ['kubectl', 'helm', 'k9s'];

export interface KubeToolAnswer {
  met: boolean;
  detail: string;
}

export async function kubeToolRequirement(
  tool: KubeToolName,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): Promise<KubeToolAnswer> {
  const dirs = (env.PATH ?? '').split(platform === 'win32' ? ';' : ':').filter((dir) => dir !== '');
  const path = await which(tool, dirs, platform);
  if (path) return { met: true, detail: `${tool} is at ${path}` };
  const fix = installKubeToolFix(tool, { platform, cpu: arch() === 'arm64' ? 'arm64' : 'amd64' });
  return { met: false, detail: `${tool} is not installed (this lesson uses it): ${fix.command ?? fix.fix}` };
}

/** How to install the Kubernetes command-line tools a lesson may require, for this OS (one command each). */
import { installKubectlFix, type Fix } from './fixes';
import type { HostFacts } from './host-facts';

type Facts = Pick<HostFacts, 'platform' | 'cpu'>;

const HELM_VERSION = 'v3.22.0';
const K9S_VERSION = 'v0.50.16';

/** The Kubernetes tools a lesson's `requires:` may name (runner/kube-tools.ts finds them). */
export type KubeToolName = 'kubectl' | 'helm' | 'k9s';

export function installKubeToolFix(tool: KubeToolName, facts: Facts): Fix {
  if (tool === 'kubectl') return installKubectlFix(facts);
  const brew = { helm: 'brew install helm', k9s: 'brew install derailed/k9s/k9s' }[tool];
  const winget = { helm: 'winget install Helm.Helm', k9s: 'winget install Derailed.k9s' }[tool];
  if (facts.platform === 'darwin') return { fix: `Install ${tool}.`, command: brew };
  if (facts.platform === 'win32') return { fix: `Install ${tool}.`, command: winget };
  const linux = {
    helm: `curl -fsSL https://get.helm.sh/helm-${HELM_VERSION}-linux-${facts.cpu}.tar.gz | tar -xz && sudo install -m 0755 linux-${facts.cpu}/helm /usr/local/bin/helm`,
    k9s: `curl -fsSL https://github.com/derailed/k9s/releases/download/${K9S_VERSION}/k9s_Linux_${facts.cpu}.tar.gz | tar -xz k9s && sudo install -m 0755 k9s /usr/local/bin/k9s`,
  }[tool];
  return { fix: `Install ${tool} from its release page.`, command: linux };
}

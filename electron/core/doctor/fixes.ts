/**
 * One specific fix per problem, for the learner's operating system: a sentence, and the command
 * when the fix is one. Kept apart from the rules that decide which problem applies, so the
 * wording can be read (and reviewed) in one place.
 */
import { kindInstallCommand } from '../cluster/kind-install';
import type { HostFacts } from './host-facts';

export interface Fix {
  fix: string;
  command?: string;
}

const withCommand = (fix: string, command: string): Fix => ({ fix, command });

export function joinDockerGroupFix(facts: HostFacts, socketPath: string, socketGid: number | null): Fix {
  if (facts.platform === 'win32') {
    return withCommand(
      'Add yourself to the docker-users group, then sign out and back in.',
      'net localgroup docker-users %USERNAME% /add',
    );
  }
  if (facts.platform === 'darwin') {
    if (socketPath === '/var/run/docker.sock') {
      return withCommand(
        'Point the default socket back at Docker Desktop’s own socket, which belongs to you.',
        'sudo ln -sf "$HOME/.docker/run/docker.sock" /var/run/docker.sock',
      );
    }
    return withCommand(
      `Make ${socketPath} yours again (it was created by another user, often by a sudo command).`,
      `sudo chown "$USER" ${socketPath}`,
    );
  }
  const group = socketGid === null ? undefined : facts.groups.get(socketGid);
  if (!group || group.name === 'root') {
    return withCommand(
      `Only root may open ${socketPath}. Let the docker group use it and join that group, then log out and back in.`,
      `sudo chgrp docker ${socketPath} && sudo chmod 660 ${socketPath} && sudo usermod -aG docker $USER`,
    );
  }
  const alreadyMember = facts.user.name !== '' && group.members.includes(facts.user.name);
  if (alreadyMember && socketGid !== null && !facts.user.groups.includes(socketGid)) {
    return withCommand(
      `You are in the ${group.name} group, but this session started before you joined it: log out and back in, or start a shell with the group now.`,
      `newgrp ${group.name}`,
    );
  }
  return withCommand(
    `Add yourself to the ${group.name} group, then log out and back in (or run \`newgrp ${group.name}\` in a terminal).`,
    `sudo usermod -aG ${group.name} $USER`,
  );
}

export function startColimaFix(profile: string): Fix {
  const command = profile === 'default' ? 'colima start' : `colima start --profile ${profile}`;
  return withCommand(`Start Colima${profile === 'default' ? '' : ` (profile ${profile})`}.`, command);
}

export function startDesktopFix(facts: HostFacts): Fix {
  if (facts.platform === 'darwin') return withCommand('Start Docker Desktop.', 'open -a Docker');
  if (facts.platform === 'linux') return withCommand('Start Docker Desktop.', 'systemctl --user start docker-desktop');
  return { fix: 'Start Docker Desktop from the Start menu and wait until it says “Engine running”.' };
}

export function enableDesktopDefaultSocketFix(): Fix {
  return {
    fix: 'In Docker Desktop open Settings → Advanced, turn on “Allow the default Docker socket to be used (requires password)”, then Apply & restart.',
  };
}

export function startSystemEngineFix(facts: HostFacts): Fix {
  if (facts.platform === 'linux') {
    return facts.systemd
      ? withCommand('Start the Docker engine (and have it start at boot).', 'sudo systemctl enable --now docker')
      : withCommand('Start the Docker engine.', 'sudo service docker start');
  }
  if (facts.platform === 'darwin') return withCommand('Start Docker Desktop.', 'open -a Docker');
  return { fix: 'Start Docker Desktop from the Start menu.' };
}

export function startRootlessFix(): Fix {
  return withCommand('Start your rootless Docker engine.', 'systemctl --user start docker');
}

export function startPodmanFix(facts: HostFacts, rootless: boolean): Fix {
  if (facts.platform === 'darwin') return withCommand('Start the Podman machine.', 'podman machine start');
  return rootless
    ? withCommand('Start Podman’s Docker-compatible socket.', 'systemctl --user enable --now podman.socket')
    : withCommand('Start Podman’s Docker-compatible socket.', 'sudo systemctl enable --now podman.socket');
}

export function startOrbStackFix(): Fix {
  return withCommand('Start OrbStack.', 'orb start');
}

export function startRancherFix(): Fix {
  return withCommand('Start Rancher Desktop (with the dockerd/moby engine).', 'rdctl start --container-engine.name moby');
}

export function useContextFix(context: string, why: string): Fix {
  return withCommand(`${why} Switch the docker CLI to context ${context}.`, `docker context use ${context}`);
}

export function createContextFix(context: string, host: string, why: string): Fix {
  return withCommand(
    `${why} Give the docker CLI a context for it and switch to it.`,
    `docker context create ${context} --docker host=${host} && docker context use ${context}`,
  );
}

export function removeContextFix(context: string): Fix {
  return withCommand(`If you no longer use context ${context}, remove it.`, `docker context rm ${context}`);
}

export function unsetDockerHostFix(alternative: string | null): Fix {
  const then = alternative ? ` so the docker CLI uses ${alternative} again` : '';
  return withCommand(`Unset DOCKER_HOST (and remove it from your shell’s startup file)${then}.`, 'unset DOCKER_HOST');
}

export function installEngineFix(facts: HostFacts): Fix {
  switch (facts.platform) {
    case 'darwin':
      return withCommand(
        'Install Colima and the docker CLI with Homebrew, then start Colima (or install Docker Desktop).',
        'brew install colima docker && colima start',
      );
    case 'win32':
      return withCommand('Install Docker Desktop, then start it.', 'winget install Docker.DockerDesktop');
    default:
      return linuxInstall(facts, 'Install the Docker engine and start it.', {
        debian: 'sudo apt-get install -y docker.io && sudo systemctl enable --now docker',
        fedora: 'sudo dnf install -y moby-engine && sudo systemctl enable --now docker',
        arch: 'sudo pacman -S --needed docker && sudo systemctl enable --now docker',
        suse: 'sudo zypper install -y docker && sudo systemctl enable --now docker',
      });
  }
}

export function installDockerCliFix(facts: HostFacts): Fix {
  switch (facts.platform) {
    case 'darwin':
      return withCommand('Install the docker command-line tool.', 'brew install docker');
    case 'win32':
      return withCommand('Install Docker Desktop, which brings the docker command.', 'winget install Docker.DockerDesktop');
    default:
      return linuxInstall(facts, 'Install the docker command-line tool.', {
        debian: 'sudo apt-get install -y docker.io',
        fedora: 'sudo dnf install -y moby-engine',
        arch: 'sudo pacman -S --needed docker',
        suse: 'sudo zypper install -y docker',
      });
  }
}

export function installComposeFix(facts: HostFacts): Fix {
  switch (facts.platform) {
    case 'darwin':
      return withCommand(
        'Install the Compose plugin; Homebrew then asks you to add "cliPluginsExtraDirs": ["/opt/homebrew/lib/docker/cli-plugins"] to ~/.docker/config.json.',
        'brew install docker-compose',
      );
    case 'win32':
      return { fix: 'Compose comes with Docker Desktop: update Docker Desktop.' };
    default:
      return linuxInstall(facts, 'Install the Compose v2 plugin (`docker compose`).', {
        debian: 'sudo apt-get install -y docker-compose-plugin',
        fedora: 'sudo dnf install -y docker-compose',
        arch: 'sudo pacman -S --needed docker-compose',
        suse: 'sudo zypper install -y docker-compose',
      });
  }
}

export function installBuildxFix(facts: HostFacts): Fix {
  switch (facts.platform) {
    case 'darwin':
      return withCommand(
        'Install the buildx plugin; Homebrew then asks you to add "cliPluginsExtraDirs": ["/opt/homebrew/lib/docker/cli-plugins"] to ~/.docker/config.json.',
        'brew install docker-buildx',
      );
    case 'win32':
      return { fix: 'buildx comes with Docker Desktop: update Docker Desktop.' };
    default:
      return linuxInstall(facts, 'Install the buildx plugin (`docker buildx`), which `docker build` uses.', {
        debian: 'sudo apt-get install -y docker-buildx-plugin',
        fedora: 'sudo dnf install -y docker-buildx',
        arch: 'sudo pacman -S --needed docker-buildx',
        suse: 'sudo zypper install -y docker-buildx',
      });
  }
}

export function installKubectlFix(facts: Pick<HostFacts, 'platform' | 'cpu'>): Fix {
  switch (facts.platform) {
    case 'darwin':
      return withCommand('Install kubectl.', 'brew install kubectl');
    case 'win32':
      return withCommand('Install kubectl.', 'winget install Kubernetes.kubectl');
    default:
      return withCommand(
        'Install kubectl from the Kubernetes release server.',
        `curl -LO "https://dl.k8s.io/release/$(curl -Ls https://dl.k8s.io/release/stable.txt)/bin/linux/${facts.cpu}/kubectl" && sudo install -m 0755 kubectl /usr/local/bin/kubectl`,
      );
  }
}

export function installKindFix(facts: HostFacts): Fix {
  const where = facts.platform === 'win32' ? 'Docker Desktop' : 'your Docker engine';
  return withCommand(
    `Install kind, then create a cluster (it runs in ${where}).`,
    `${kindInstallCommand(facts)} && kind create cluster`,
  );
}

export function createKindClusterFix(name?: string): Fix {
  const command = name && name !== 'kind' ? `kind create cluster --name ${name}` : 'kind create cluster';
  return withCommand('Create a local Kubernetes cluster with kind.', command);
}

export function startKindNodesFix(nodes: string[]): Fix {
  return withCommand('Start the cluster’s node containers again.', `docker start ${nodes.join(' ')}`);
}

export function exportKindKubeconfigFix(name: string): Fix {
  return withCommand('Write the cluster’s context into your kubeconfig.', `kind export kubeconfig --name ${name}`);
}

export function startColimaKubernetesFix(profile: string): Fix {
  const command = profile === 'default' ? 'colima start --kubernetes' : `colima start --profile ${profile} --kubernetes`;
  return withCommand('Start Colima with Kubernetes.', command);
}

export function useKubeContextFix(context: string): Fix {
  return withCommand(`Switch kubectl to context ${context}, which answers.`, `kubectl config use-context ${context}`);
}

function linuxInstall(
  facts: HostFacts,
  sentence: string,
  commands: Record<Exclude<HostFacts['linuxFamily'], 'other'>, string>,
): Fix {
  if (facts.linuxFamily === 'other')
    return { fix: `${sentence} See https://docs.docker.com/engine/install/ for your distribution.` };
  return withCommand(sentence, commands[facts.linuxFamily]);
}

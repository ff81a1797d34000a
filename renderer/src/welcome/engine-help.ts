/**
 * How to get a Docker engine running, per operating system, for the welcome screen when none
 * answers. Each way names what it is, when to pick it, and the commands — the learner copies
 * them into their own terminal.
 */
export interface EngineWay {
  name: string;
  when: string;
  commands: string[];
  note?: string;
}

export function waysToStartAnEngine(platform: string): EngineWay[] {
  switch (platform) {
    case 'darwin':
      return [
        {
          name: 'Docker Desktop',
          when: 'If you installed Docker Desktop: start it and wait until its whale icon in the menu bar stops animating.',
          commands: ['open -a Docker'],
        },
        {
          name: 'Colima',
          when: 'A light, free engine in a small Linux VM. Install it with Homebrew once, then start it whenever you need it.',
          commands: ['brew install colima docker', 'colima start'],
          note: 'Colima sets the docker context `colima`; Dockside follows the current context.',
        },
        {
          name: 'OrbStack or Rancher Desktop',
          when: 'If you use one of these, open the app; its engine starts with it.',
          commands: [],
        },
      ];
    case 'win32':
      return [
        {
          name: 'Docker Desktop',
          when: 'Start Docker Desktop from the Start menu and wait until it says the engine is running (it uses WSL 2).',
          commands: [],
        },
        {
          name: 'Docker Engine inside WSL',
          when: 'If you run Docker in a WSL distribution, start it there and run Dockside inside WSL too.',
          commands: ['sudo service docker start'],
        },
      ];
    default:
      return [
        {
          name: 'Docker Engine (the Linux service)',
          when: 'The usual way on Linux. Start the service; if it is not installed, your distribution packages it.',
          commands: ['sudo systemctl start docker'],
          note: 'Not installed? On Debian or Ubuntu: `sudo apt install docker.io`. Then let your user use it: `sudo usermod -aG docker $USER` and log in again.',
        },
        {
          name: 'Rootless Docker',
          when: 'If you set up Docker to run as your own user.',
          commands: ['systemctl --user start docker'],
        },
        {
          name: 'Docker Desktop for Linux',
          when: 'If you installed Docker Desktop: start it from your applications menu, or:',
          commands: ['systemctl --user start docker-desktop'],
        },
      ];
  }
}

export function platformName(platform: string): string {
  switch (platform) {
    case 'darwin':
      return 'macOS';
    case 'win32':
      return 'Windows';
    case 'linux':
      return 'Linux';
    default:
      return platform;
  }
}

/**
 * The doctor's rules for every OS, over findings built by hand: the branches a Linux CI machine
 * cannot produce for real (macOS, Windows, arm64, other distributions) and the corner cases of
 * choosing one fix. The same rules run over real sockets in tests/engine/doctor-*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type {
  DoctorKindCluster,
  DoctorKubeContext,
  DoctorProblem,
  DoctorTool,
  DoctorToolName,
} from '../../electron/core/contract';
import { classify, type Findings, type ProbedEndpoint } from '../../electron/core/doctor/classify';
import type { Candidate } from '../../electron/core/doctor/discover-endpoints';
import type { HostFacts } from '../../electron/core/doctor/host-facts';
import type { Place } from '../../electron/core/doctor/known-sockets';
import type { ProbeOutcome } from '../../electron/core/doctor/probe-endpoint';
import { fromHost } from '../../electron/core/engine/endpoint';

const ALL_TOOLS: DoctorToolName[] = ['docker', 'compose', 'buildx', 'colima', 'kind', 'kubectl', 'helm', 'k9s'];

function facts(overrides: Partial<HostFacts> = {}): HostFacts {
  return {
    platform: 'linux',
    cpu: 'amd64',
    linuxFamily: 'debian',
    systemd: true,
    groups: new Map([[105, { name: 'docker', members: [] }]]),
    user: { name: 'learner', uid: 1000, groups: [1000] },
    dockerdInstalled: true,
    goInstalled: false,
    ...overrides,
  };
}

function tools(missing: DoctorToolName[] = []): DoctorTool[] {
  return ALL_TOOLS.map((name) =>
    missing.includes(name) ? { name, path: null, version: null } : { name, path: `/usr/bin/${name}`, version: '1.0.0' },
  );
}

function endpoint(
  host: string,
  state: ProbeOutcome['state'],
  options: Partial<Candidate> & { place?: Place | null; gid?: number } = {},
): ProbedEndpoint {
  const { gid, ...candidate } = options;
  return {
    candidate: {
      endpoint: fromHost(host, 'default', 'default', null),
      label: 'Docker Engine',
      foundBy: ['known socket'],
      contexts: [],
      place: null,
      fromDockerHost: false,
      cliDefault: false,
      chosen: false,
      inUse: false,
      ...candidate,
    },
    probe: {
      state,
      probeMs: 1,
      ...(state === 'reachable'
        ? {
            engine: {
              product: 'Docker Engine',
              version: '27.0.0',
              apiVersion: '1.46',
              os: 'x',
              arch: 'amd64',
              name: 'n',
              id: 'ID',
            },
          }
        : { error: `${host}: ${state}` }),
      ...(gid !== undefined ? { socket: { uid: 0, gid, mode: 0o140660 } } : {}),
    },
  };
}

function findings(overrides: Partial<Findings> = {}): Findings {
  return {
    facts: facts(),
    endpoints: [],
    cli: { endpoint: null, error: null },
    chosen: false,
    contextErrors: [],
    kindClusters: [],
    kubeContexts: [],
    kubeconfigErrors: [],
    tools: tools(),
    ...overrides,
  };
}

function only(problems: DoctorProblem[], code: DoctorProblem['code']): DoctorProblem {
  const found = problems.filter((p) => p.code === code);
  expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return found[0]!;
}

const SYSTEM = 'unix:///var/run/docker.sock';
const system: Place = { kind: 'system' };

describe('permission denied on the socket', () => {
  it('Linux, docker group: usermod, then log out and back in', () => {
    const problems = classify(findings({ endpoints: [endpoint(SYSTEM, 'denied', { place: system, inUse: true, gid: 105 })] }));
    expect(only(problems, 'socket-permission-denied')).toMatchObject({
      severity: 'error',
      command: 'sudo usermod -aG docker $USER',
    });
  });

  it('Linux, a root-only socket: give the docker group access, then join it', () => {
    const problems = classify(
      findings({
        facts: facts({ groups: new Map([[0, { name: 'root', members: [] }]]) }),
        endpoints: [endpoint(SYSTEM, 'denied', { place: system, inUse: true, gid: 0 })],
      }),
    );
    expect(only(problems, 'socket-permission-denied').command).toBe(
      'sudo chgrp docker /var/run/docker.sock && sudo chmod 660 /var/run/docker.sock && sudo usermod -aG docker $USER',
    );
  });

  it('macOS: point the default socket back at Docker Desktop’s', () => {
    const problems = classify(
      findings({ facts: facts({ platform: 'darwin' }), endpoints: [endpoint(SYSTEM, 'denied', { place: system, inUse: true })] }),
    );
    expect(only(problems, 'socket-permission-denied').command).toBe(
      'sudo ln -sf "$HOME/.docker/run/docker.sock" /var/run/docker.sock',
    );
  });

  it('Windows: the docker-users group', () => {
    const problems = classify(
      findings({
        facts: facts({ platform: 'win32' }),
        endpoints: [endpoint('npipe:////./pipe/docker_engine', 'denied', { place: system, inUse: true })],
      }),
    );
    expect(only(problems, 'socket-permission-denied').command).toBe('net localgroup docker-users %USERNAME% /add');
  });
});

describe('stopped engines', () => {
  it('Colima’s default profile: `colima start`, an error when Dockside uses it', () => {
    const host = 'unix:///Users/l/.colima/default/docker.sock';
    const problems = classify(
      findings({
        facts: facts({ platform: 'darwin' }),
        endpoints: [
          endpoint(host, 'missing', {
            place: { kind: 'colima', profile: 'default' },
            inUse: true,
            cliDefault: true,
            contexts: ['colima'],
          }),
        ],
      }),
    );
    expect(only(problems, 'colima-stopped')).toMatchObject({ severity: 'error', command: 'colima start' });
    expect(problems.some((p) => p.code === 'no-engine')).toBe(false);
  });

  it('the Linux engine’s socket left behind: start it with systemd, or with service where there is none', () => {
    const dead = endpoint(SYSTEM, 'refused', { place: system, contexts: ['default'] });
    const alive = endpoint('unix:///run/user/1000/docker.sock', 'reachable', { place: { kind: 'rootless' }, inUse: true });
    expect(only(classify(findings({ endpoints: [dead, alive] })), 'engine-stopped').command).toBe(
      'sudo systemctl enable --now docker',
    );
    expect(
      only(classify(findings({ facts: facts({ systemd: false }), endpoints: [dead, alive] })), 'engine-stopped').command,
    ).toBe('sudo service docker start');
  });

  it('a stopped engine in use while another runs: switch to the one that runs', () => {
    const rootless = endpoint('unix:///run/user/1000/docker.sock', 'missing', {
      place: { kind: 'rootless' },
      inUse: true,
      cliDefault: true,
      contexts: ['rootless'],
    });
    const systemUp = endpoint(SYSTEM, 'reachable', { place: system, contexts: ['default'] });
    const problem = only(classify(findings({ endpoints: [rootless, systemUp] })), 'engine-stopped');
    expect(problem).toMatchObject({ severity: 'error', command: 'docker context use default' });
  });

  it('a chosen endpoint that died: an error that says the learner chose it', () => {
    const chosen = endpoint('unix:///tmp/x/docker.sock', 'refused', { chosen: true, inUse: true, contexts: ['mine'] });
    const problems = classify(
      findings({
        chosen: true,
        endpoints: [chosen, endpoint(SYSTEM, 'reachable', { place: system, contexts: ['default'], cliDefault: true })],
      }),
    );
    const problem = only(problems, 'context-dead-socket');
    expect(problem.severity).toBe('error');
    expect(problem.summary).toContain('you chose it');
    expect(problem.command).toBe('docker context rm mine');
  });

  it('Podman and OrbStack have their own start commands', () => {
    const problems = classify(
      findings({
        endpoints: [
          endpoint('unix:///run/user/1000/podman/podman.sock', 'refused', {
            place: { kind: 'podman', rootless: true },
            contexts: ['podman'],
          }),
          endpoint(SYSTEM, 'reachable', { place: system, inUse: true }),
        ],
      }),
    );
    expect(only(problems, 'engine-stopped').command).toBe('systemctl --user enable --now podman.socket');
    const mac = classify(
      findings({
        facts: facts({ platform: 'darwin' }),
        endpoints: [
          endpoint('unix:///Users/l/.orbstack/run/docker.sock', 'missing', {
            place: { kind: 'orbstack' },
            contexts: ['orbstack'],
          }),
        ],
      }),
    );
    expect(only(mac, 'engine-stopped').command).toBe('orb start');
  });
});

describe('no engine at all', () => {
  const nothing = [endpoint(SYSTEM, 'missing', { place: system, inUse: true, cliDefault: true, contexts: ['default'] })];

  it.each([
    [facts({ platform: 'darwin', dockerdInstalled: false }), 'brew install colima docker && colima start'],
    [facts({ platform: 'win32', dockerdInstalled: false }), 'winget install Docker.DockerDesktop'],
    [
      facts({ linuxFamily: 'fedora', dockerdInstalled: false }),
      'sudo dnf install -y moby-engine && sudo systemctl enable --now docker',
    ],
    [
      facts({ linuxFamily: 'arch', dockerdInstalled: false }),
      'sudo pacman -S --needed docker && sudo systemctl enable --now docker',
    ],
    [facts({ dockerdInstalled: true }), 'sudo systemctl enable --now docker'],
  ])('gives the install or start command for the system (%#)', (hostFacts, command) => {
    const problem = only(classify(findings({ facts: hostFacts, endpoints: nothing })), 'no-engine');
    expect(problem).toMatchObject({ severity: 'error', command });
  });

  it('an unknown Linux family gets the install guide instead of a guessed command', () => {
    const problem = only(
      classify(findings({ facts: facts({ linuxFamily: 'other', dockerdInstalled: false }), endpoints: nothing })),
      'no-engine',
    );
    expect(problem.command).toBeUndefined();
    expect(problem.fix).toContain('https://docs.docker.com/engine/install/');
  });
});

describe('tools', () => {
  it.each([
    [facts({ platform: 'darwin' }), 'brew install kind && kind create cluster'],
    [facts({ platform: 'win32' }), 'winget install Kubernetes.kind && kind create cluster'],
    [
      facts({ cpu: 'arm64' }),
      'curl -Lo ./kind https://kind.sigs.k8s.io/dl/v0.33.0/kind-linux-arm64 && chmod +x ./kind && sudo mv ./kind /usr/local/bin/kind && kind create cluster',
    ],
    [facts({ goInstalled: true }), 'go install sigs.k8s.io/kind@v0.33.0 && kind create cluster'],
  ])('no kind: install it for the OS and CPU, then create a cluster (%#)', (hostFacts, command) => {
    const reachable = [endpoint(SYSTEM, 'reachable', { place: system, inUse: true })];
    const problem = only(classify(findings({ facts: hostFacts, endpoints: reachable, tools: tools(['kind']) })), 'kind-missing');
    expect(problem).toMatchObject({ severity: 'warning', command });
  });

  it('no docker CLI is an error; compose and buildx are then not nagged about', () => {
    const problems = classify(
      findings({
        endpoints: [endpoint(SYSTEM, 'reachable', { place: system, inUse: true })],
        tools: tools(['docker', 'compose', 'buildx']),
      }),
    );
    expect(only(problems, 'docker-cli-missing')).toMatchObject({
      severity: 'error',
      command: 'sudo apt-get install -y docker.io',
    });
    expect(problems.some((p) => p.code === 'compose-missing' || p.code === 'buildx-missing')).toBe(false);
  });

  it('helm, k9s and colima are optional: missing them is no problem', () => {
    const problems = classify(
      findings({
        endpoints: [endpoint(SYSTEM, 'reachable', { place: system, inUse: true })],
        tools: tools(['helm', 'k9s', 'colima']),
      }),
    );
    // Only the tip that kind has no cluster yet remains.
    expect(problems.map((p) => p.code)).toEqual(['kind-no-cluster']);
  });
});

describe('Kubernetes', () => {
  const up = [endpoint(SYSTEM, 'reachable', { place: system, inUse: true })];
  const context = (name: string, answers: boolean, current = false): DoctorKubeContext => ({
    name,
    cluster: name,
    user: name,
    server: 'https://127.0.0.1:6443',
    current,
    local: true,
    judgement: 'its server 127.0.0.1 is this machine',
    probed: true,
    answers,
    ...(answers ? { status: 200 } : { error: 'nothing listens at https://127.0.0.1:6443.' }),
  });

  it('a remote context is listed but never a problem: the doctor did not contact it', () => {
    const remote: DoctorKubeContext = {
      ...context('arn:aws:eks:eu-west-1:1:cluster/prod', false, true),
      server: 'https://abc.eks.amazonaws.com',
      local: false,
      judgement: 'its server abc.eks.amazonaws.com is a name Dockside would have to look up',
      probed: false,
    };
    const problems = classify(findings({ endpoints: up, kubeContexts: [remote] }));
    expect(problems.filter((p) => p.code === 'kube-context-unreachable')).toEqual([]);
  });

  it('a stale kind context with kind installed: recreate the cluster', () => {
    const problem = only(
      classify(findings({ endpoints: up, kubeContexts: [context('kind-dev', false, true)] })),
      'kube-context-unreachable',
    );
    expect(problem).toMatchObject({ severity: 'warning', command: 'kind create cluster --name dev' });
  });

  it('a Colima profile’s Kubernetes: start Colima with --kubernetes', () => {
    const problem = only(
      classify(findings({ endpoints: up, kubeContexts: [context('colima-dev', false)] })),
      'kube-context-unreachable',
    );
    expect(problem).toMatchObject({ severity: 'info', command: 'colima start --profile dev --kubernetes' });
  });

  it('a dead current context while another answers: switch kubectl to the one that answers', () => {
    const problem = only(
      classify(findings({ endpoints: up, kubeContexts: [context('work', false, true), context('kind-kind', true)] })),
      'kube-context-unreachable',
    );
    expect(problem.command).toBe('kubectl config use-context kind-kind');
  });

  it('kind installed but no cluster anywhere: create one', () => {
    expect(only(classify(findings({ endpoints: up })), 'kind-no-cluster')).toMatchObject({
      severity: 'info',
      command: 'kind create cluster',
    });
  });

  it('a stopped kind cluster is reported once, not again as a dead context', () => {
    const stopped: DoctorKindCluster = {
      name: 'dev',
      endpoints: [SYSTEM],
      nodes: [{ name: 'dev-control-plane', role: 'control-plane', state: 'exited' }],
      running: false,
      kubeContext: 'kind-dev',
    };
    const problems = classify(
      findings({ endpoints: up, kindClusters: [stopped], kubeContexts: [context('kind-dev', false, true)] }),
    );
    expect(problems.map((p) => p.code)).toEqual(['kind-cluster-stopped']);
    expect(problems[0]?.command).toBe('docker start dev-control-plane');
  });
});

it('orders problems errors first, then warnings, then tips', () => {
  const problems = classify(
    findings({
      endpoints: [endpoint(SYSTEM, 'denied', { place: system, inUse: true, gid: 105 })],
      tools: tools(['kind', 'kubectl']),
      kubeContexts: [
        {
          name: 'colima',
          cluster: 'c',
          user: 'u',
          server: 'https://127.0.0.1:6443',
          current: false,
          local: true,
          judgement: 'its server 127.0.0.1 is this machine',
          probed: true,
          answers: false,
        },
      ],
    }),
  );
  expect(problems.map((p) => p.severity)).toEqual(['error', 'warning', 'warning', 'info']);
});

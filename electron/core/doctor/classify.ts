/**
 * From what was found to what is wrong: each problem gets one sentence and one fix for this OS.
 * The rules go from the most specific (a stopped Colima, a socket you may not open) to the most
 * general (an endpoint that does not answer), and stop at the first that applies.
 */
import type {
  DoctorKindCluster,
  DoctorKubeContext,
  DoctorProblem,
  DoctorProblemCode,
  DoctorTool,
  DoctorToolName,
} from '../contract';
import { explainUnreachable } from '../engine/explain';
import { CoreError } from '../errors';
import type { Candidate, CliResolution } from './discover-endpoints';
import * as fixes from './fixes';
import type { Fix } from './fixes';
import type { HostFacts } from './host-facts';
import type { ProbeOutcome } from './probe-endpoint';

export interface ProbedEndpoint {
  candidate: Candidate;
  probe: ProbeOutcome;
}

export interface Findings {
  facts: HostFacts;
  endpoints: ProbedEndpoint[];
  cli: CliResolution;
  /** Dockside uses the learner's choice (rather than the CLI's default). */
  chosen: boolean;
  contextErrors: Array<{ name: string; error: string }>;
  kindClusters: DoctorKindCluster[];
  kubeContexts: DoctorKubeContext[];
  kubeconfigErrors: string[];
  tools: DoctorTool[];
}

type Severity = DoctorProblem['severity'];

function problem(code: DoctorProblemCode, severity: Severity, subject: string, summary: string, fix: Fix): DoctorProblem {
  return { code, severity, subject, summary, fix: fix.fix, ...(fix.command ? { command: fix.command } : {}) };
}

export function classify(findings: Findings): DoctorProblem[] {
  const engineProblems = [
    ...cliProblems(findings),
    ...findings.endpoints.flatMap((endpoint) => endpointProblems(endpoint, findings)),
  ];
  // Nothing answers and no endpoint problem says why: say it once, with the way to get an engine.
  if (!findings.endpoints.some((e) => e.probe.state === 'reachable') && !engineProblems.some((p) => p.severity === 'error')) {
    engineProblems.push(noEngine(findings));
  }
  const problems = [...engineProblems, ...toolProblems(findings), ...kubernetesProblems(findings)];
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return problems
    .map((p, index) => ({ p, index }))
    .sort((a, b) => rank[a.p.severity] - rank[b.p.severity] || a.index - b.index)
    .map(({ p }) => p);
}

// --- Docker endpoints -------------------------------------------------------------------------

/**
 * A reachable endpoint to switch to: the default context's engine first (the one every tool
 * finds), then one a docker context names, then any.
 */
function reachableAlternative(findings: Findings, except: Candidate): Candidate | null {
  const reachable = findings.endpoints
    .filter((e) => e.probe.state === 'reachable' && e.candidate !== except)
    .map((e) => e.candidate);
  return (
    reachable.find((c) => c.contexts.includes('default')) ?? reachable.find((c) => c.contexts.length > 0) ?? reachable[0] ?? null
  );
}

function severityOf(candidate: Candidate): Severity {
  if (candidate.inUse) return 'error';
  if (candidate.fromDockerHost || candidate.contexts.some((c) => c !== 'default') || candidate.chosen) return 'warning';
  return 'info';
}

function socketPathOf(candidate: Candidate): string {
  const { dial } = candidate.endpoint;
  return dial.kind === 'unix' || dial.kind === 'npipe' ? dial.socketPath : candidate.endpoint.host;
}

function endpointProblems({ candidate, probe }: ProbedEndpoint, findings: Findings): DoctorProblem[] {
  if (probe.state === 'reachable') return [];
  const { facts } = findings;
  const host = candidate.endpoint.host;
  const place = candidate.place;
  const severity = severityOf(candidate);
  const usedBy = candidate.inUse
    ? candidate.chosen
      ? ' Dockside uses it (you chose it).'
      : ' Dockside and the docker CLI use it.'
    : '';
  const gone = probe.state === 'missing' || probe.state === 'refused' || probe.state === 'timeout';
  const socket = socketPathOf(candidate);
  const why =
    probe.state === 'missing'
      ? 'its socket does not exist'
      : probe.state === 'refused'
        ? 'nobody listens on its socket'
        : 'it does not answer';

  if (probe.state === 'denied') {
    return [
      problem(
        'socket-permission-denied',
        severity === 'info' ? 'warning' : severity,
        host,
        `Permission denied on ${socket}: your user may not talk to this engine.${usedBy}`,
        fixes.joinDockerGroupFix(facts, socket, probe.socket?.gid ?? null),
      ),
    ];
  }
  if (probe.errorCode === 'ENGINE_TOO_OLD') {
    return [
      problem('engine-too-old', severity, host, probe.error ?? `${host} runs an engine too old for Dockside.`, {
        fix: 'Upgrade Docker to 20.10 or newer.',
      }),
    ];
  }
  if (gone && place?.kind === 'colima') {
    return [
      problem(
        'colima-stopped',
        severity,
        host,
        `Colima (profile ${place.profile}) is not running: ${why}.${usedBy}`,
        fixes.startColimaFix(place.profile),
      ),
    ];
  }
  if (gone && place?.kind === 'desktop') {
    return [
      problem('desktop-stopped', severity, host, `Docker Desktop is not running: ${why}.${usedBy}`, fixes.startDesktopFix(facts)),
    ];
  }
  if (gone && place?.kind === 'system' && facts.platform === 'darwin') {
    const desktop = findings.endpoints.find((e) => e.candidate.place?.kind === 'desktop' && e.probe.state === 'reachable');
    if (desktop) {
      return [
        problem(
          'desktop-default-socket-disabled',
          severity === 'info' ? 'warning' : severity,
          host,
          `Docker Desktop runs, but its default socket ${socket} is off: tools that do not read docker contexts cannot find the engine.${usedBy}`,
          fixes.enableDesktopDefaultSocketFix(),
        ),
      ];
    }
    if (!candidate.inUse) return []; // Colima and OrbStack users have no /var/run/docker.sock: that is fine
  }
  if (gone && candidate.fromDockerHost) {
    const alternative = reachableAlternative(findings, candidate);
    return [
      problem(
        'docker-host-unreachable',
        severity,
        host,
        `DOCKER_HOST is set to ${host}, but ${why}.${usedBy}`,
        fixes.unsetDockerHostFix(alternative?.endpoint.host ?? null),
      ),
    ];
  }
  if (gone && place) {
    const fix = startFixFor(place, facts);
    const alternative = candidate.inUse && !candidate.chosen ? reachableAlternative(findings, candidate) : null;
    if (alternative) {
      const context = alternative.contexts[0];
      return [
        problem(
          'engine-stopped',
          severity,
          host,
          `${candidate.label} at ${socket} is not running: ${why}.${usedBy}`,
          context
            ? fixes.useContextFix(context, `${alternative.label} runs.`)
            : fixes.createContextFix(
                conventionalContextName(alternative),
                alternative.endpoint.host,
                `${alternative.label} runs.`,
              ),
        ),
      ];
    }
    if (place.kind === 'system' && probe.state === 'missing') {
      // Nothing ever ran here: fine for rootless or Desktop users; the no-engine rule covers the rest.
      return [];
    }
    return [problem('engine-stopped', severity, host, `${candidate.label} at ${socket} is not running: ${why}.${usedBy}`, fix)];
  }
  const named = candidate.contexts.filter((c) => c !== 'default');
  const socketGone = probe.state === 'missing' || probe.state === 'refused';
  if (socketGone && named.length > 0 && candidate.endpoint.dial.kind === 'unix') {
    const context = named[0]!;
    const alternative = reachableAlternative(findings, candidate);
    const fix = candidate.cliDefault
      ? fixes.useContextFix(alternative?.contexts[0] ?? 'default', 'It is your current context.')
      : fixes.removeContextFix(context);
    return [
      problem('context-dead-socket', severity, host, `docker context ${context} points at ${socket}, but ${why}.${usedBy}`, fix),
    ];
  }
  const fix: Fix =
    probe.state === 'timeout'
      ? {
          fix: 'Something takes connections there but does not answer: the engine is stuck. Restart it (or the machine or VM it runs in).',
        }
      : { fix: probe.fix ?? explainUnreachable(new Error(probe.error ?? 'unreachable'), candidate.endpoint, facts.platform).fix };
  return [problem('endpoint-unreachable', severity, host, `${probe.error ?? `${host} is unreachable.`}${usedBy}`, fix)];
}

/** The context name a product's own tooling would create for it. */
function conventionalContextName(candidate: Candidate): string {
  switch (candidate.place?.kind) {
    case 'colima':
      return candidate.place.profile === 'default' ? 'colima' : `colima-${candidate.place.profile}`;
    case 'desktop':
      return 'desktop-linux';
    case 'rootless':
      return 'rootless';
    case 'orbstack':
      return 'orbstack';
    case 'rancher':
      return 'rancher-desktop';
    case 'podman':
      return 'podman';
    default:
      return 'dockside';
  }
}

function startFixFor(place: NonNullable<Candidate['place']>, facts: HostFacts): Fix {
  switch (place.kind) {
    case 'system':
      return fixes.startSystemEngineFix(facts);
    case 'rootless':
      return fixes.startRootlessFix();
    case 'podman':
      return fixes.startPodmanFix(facts, place.rootless);
    case 'orbstack':
      return fixes.startOrbStackFix();
    case 'rancher':
      return fixes.startRancherFix();
    case 'desktop':
      return fixes.startDesktopFix(facts);
    case 'colima':
      return fixes.startColimaFix(place.profile);
  }
}

function cliProblems(findings: Findings): DoctorProblem[] {
  const error = findings.cli.error;
  const problems: DoctorProblem[] = [];
  if (error) {
    const severity: Severity = findings.chosen ? 'warning' : 'error';
    const explained = explainUnreachable(error, null, findings.facts.platform);
    const code = error instanceof CoreError ? error.code : '';
    const alternative = findings.endpoints.find((e) => e.probe.state === 'reachable' && e.candidate.contexts.length > 0)
      ?.candidate.contexts[0];
    if (code === 'DOCKER_CONTEXT_NOT_FOUND' || code === 'DOCKER_CONTEXT_INVALID') {
      problems.push(
        problem(
          'context-missing',
          severity,
          'docker context',
          explained.error,
          fixes.useContextFix(alternative ?? 'default', 'The current context cannot be used.'),
        ),
      );
    } else if (code === 'DOCKER_HOST_INVALID') {
      problems.push(problem('docker-host-unreachable', severity, 'DOCKER_HOST', explained.error, fixes.unsetDockerHostFix(null)));
    } else {
      problems.push(problem('docker-config-invalid', severity, 'docker config', explained.error, { fix: explained.fix }));
    }
  }
  for (const broken of findings.contextErrors) {
    problems.push(
      problem(
        'context-missing',
        'warning',
        `docker context ${broken.name}`,
        `docker context ${broken.name} cannot be read: ${broken.error}`,
        fixes.removeContextFix(broken.name),
      ),
    );
  }
  return problems;
}

function noEngine(findings: Findings): DoctorProblem {
  const { facts } = findings;
  const colima = findings.endpoints.find((e) => e.candidate.place?.kind === 'colima')?.candidate.place;
  const desktop = findings.endpoints.find((e) => e.candidate.place?.kind === 'desktop');
  const fix =
    colima?.kind === 'colima'
      ? fixes.startColimaFix(colima.profile)
      : desktop
        ? fixes.startDesktopFix(facts)
        : facts.dockerdInstalled
          ? fixes.startSystemEngineFix(facts)
          : fixes.installEngineFix(facts);
  return problem('no-engine', 'error', 'Docker', 'No Docker engine answers on this machine.', fix);
}

// --- Tools --------------------------------------------------------------------------------------

function toolProblems(findings: Findings): DoctorProblem[] {
  const { facts } = findings;
  const missing = (name: DoctorToolName) => !findings.tools.find((t) => t.name === name)?.path;
  const problems: DoctorProblem[] = [];
  if (missing('docker')) {
    problems.push(
      problem(
        'docker-cli-missing',
        'error',
        'docker',
        'The docker command is not installed: the lessons type it in the terminal.',
        fixes.installDockerCliFix(facts),
      ),
    );
  } else {
    if (missing('compose')) {
      problems.push(
        problem(
          'compose-missing',
          'warning',
          'compose',
          '`docker compose` is not available: the Compose lessons need it.',
          fixes.installComposeFix(facts),
        ),
      );
    }
    if (missing('buildx')) {
      problems.push(
        problem(
          'buildx-missing',
          'warning',
          'buildx',
          '`docker buildx` is not available: `docker build` needs it for BuildKit.',
          fixes.installBuildxFix(facts),
        ),
      );
    }
  }
  if (missing('kubectl')) {
    problems.push(
      problem(
        'kubectl-missing',
        'warning',
        'kubectl',
        'kubectl is not installed: the Kubernetes lessons need it.',
        fixes.installKubectlFix(facts),
      ),
    );
  }
  if (missing('kind')) {
    problems.push(
      problem(
        'kind-missing',
        'warning',
        'kind',
        'kind is not installed: it runs the local Kubernetes cluster the Kubernetes lessons use.',
        fixes.installKindFix(facts),
      ),
    );
  }
  return problems;
}

// --- Kubernetes ---------------------------------------------------------------------------------

function kubernetesProblems(findings: Findings): DoctorProblem[] {
  const problems: DoctorProblem[] = [];
  for (const error of findings.kubeconfigErrors) {
    problems.push(
      problem('kubeconfig-invalid', 'warning', 'kubeconfig', `Your kubeconfig cannot be read: ${error}`, {
        fix: 'Fix the YAML at the place named, or move the file aside; kind writes a new one on `kind create cluster`.',
      }),
    );
  }
  for (const cluster of findings.kindClusters) {
    const subject = `kind cluster ${cluster.name}`;
    if (!cluster.running) {
      const stopped = cluster.nodes.filter((n) => n.state !== 'running').map((n) => n.name);
      problems.push(
        problem(
          'kind-cluster-stopped',
          'warning',
          subject,
          `kind cluster ${cluster.name} is stopped: ${stopped.join(', ')} ${stopped.length === 1 ? 'is' : 'are'} not running.`,
          fixes.startKindNodesFix(stopped),
        ),
      );
    } else if (!cluster.kubeContext) {
      problems.push(
        problem(
          'kind-kubeconfig-missing',
          'warning',
          subject,
          `kind cluster ${cluster.name} runs, but your kubeconfig has no context kind-${cluster.name} for it.`,
          fixes.exportKindKubeconfigFix(cluster.name),
        ),
      );
    }
  }
  const answering = findings.kubeContexts.find((c) => c.answers && c.local) ?? findings.kubeContexts.find((c) => c.answers);
  const engineUp = findings.endpoints.some((e) => e.probe.state === 'reachable');
  const kindInstalled = findings.tools.some((t) => t.name === 'kind' && t.path);
  for (const context of findings.kubeContexts) {
    if (context.answers) continue;
    const kindName = context.name.startsWith('kind-') ? context.name.slice('kind-'.length) : null;
    if (kindName && findings.kindClusters.some((c) => c.name === kindName && !c.running)) continue; // said above
    const severity: Severity = context.current ? 'warning' : 'info';
    const summary = `Kubernetes context ${context.name}: ${context.error ?? `the API server ${context.server} does not answer.`}`;
    const colima = /^colima(?:-(.+))?$/.exec(context.name);
    let fix: Fix;
    if (colima) fix = fixes.startColimaKubernetesFix(colima[1] ?? 'default');
    else if (kindName && engineUp)
      fix = kindInstalled ? fixes.createKindClusterFix(kindName) : fixes.installKindFix(findings.facts);
    else if (kindName) fix = { fix: 'Start your Docker engine first: kind’s nodes run in it.' };
    else if (context.current && answering) fix = fixes.useKubeContextFix(answering.name);
    else
      fix = {
        fix: `Start the cluster behind ${context.server}, or remove the context with \`kubectl config delete-context ${context.name}\`.`,
      };
    problems.push(problem('kube-context-unreachable', severity, `kube context ${context.name}`, summary, fix));
  }
  if (kindInstalled && engineUp && findings.kindClusters.length === 0 && !answering) {
    problems.push(
      problem(
        'kind-no-cluster',
        'info',
        'kind',
        'kind is installed but no kind cluster exists yet.',
        fixes.createKindClusterFix(),
      ),
    );
  }
  return problems;
}

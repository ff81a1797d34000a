/**
 * From what was found to what is wrong: each problem gets one sentence and one fix for this OS.
 * The rules go from the most specific (a stopped Colima, a socket you may not open) to the most
 * general (an endpoint that does not answer), and stop at the first that applies.
 */
import type { DoctorProblem, DoctorToolName } from '../contract';
import { cliProblems, endpointProblems, noEngine } from './endpoint-problems';
import { problem, type Findings, type Severity } from './findings';
import * as fixes from './fixes';
import type { Fix } from './fixes';

export type { Findings, ProbedEndpoint } from './findings';

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
    if (context.answers || !context.probed) continue; // a remote context is never contacted: nothing to say of it
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

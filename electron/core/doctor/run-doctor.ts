/**
 * One doctor run: discover, probe everything in parallel (each probe bounded by a short
 * timeout), then classify. Nothing here changes the learner's machine.
 */
import type { DoctorEndpoint, DoctorKubeContext, DoctorReport } from '../contract';
import { messageOf } from '../errors';
import { classify, type ProbedEndpoint } from './classify';
import { discoverEndpoints, hostKey } from './discover-endpoints';
import { hostFacts } from './host-facts';
import { listKindClusters, type EngineToAsk } from './kind-clusters';
import { judgeContext } from '../cluster/context-guard';
import { kubeContextProblem } from './kube-context-problem';
import { probeApiServer } from './kube-probe';
import { loadKubeconfig, type Kubeconfig } from './kubeconfig';
import { learnerEnv } from './login-path';
import { probeEndpoint } from './probe-endpoint';
import { systemFrom, systemPath, type DoctorInput } from './system';
import { findTools, which } from './tools';

export type { DoctorInput } from './system';

/** At most this many kubeconfig contexts are probed; more is not a learner's laptop. */
const MAX_KUBE_PROBES = 24;

export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const started = performance.now();
  // Tests give the PATH outright; otherwise read what the learner's shell has (macOS: login shell).
  const learner = input.pathDirs
    ? { env: input.env, pathDirs: input.pathDirs, pathFrom: 'environment' as const }
    : await learnerEnv(input.env, input.platform);
  const system = systemFrom({ ...input, env: learner.env });
  const path = { dirs: learner.pathDirs, from: learner.pathFrom };
  const chosen = input.chosen ?? null;
  const discovery = discoverEndpoints(system, chosen);
  const kubeconfig = loadKubeconfig(system);

  const [probed, kubeContexts, tools] = await Promise.all([
    Promise.all(
      discovery.candidates.map(async (candidate): Promise<ProbedEndpoint> => ({
        candidate,
        probe: await probeEndpoint(candidate.endpoint, system.probeTimeoutMs, system.platform),
      })),
    ),
    probeKubeContexts(kubeconfig, system.probeTimeoutMs, path.dirs),
    findTools(system, path.dirs),
  ]);

  const kindClusters = await listKindClusters(enginesToAsk(probed), system.probeTimeoutMs);
  const contextNames = new Set(kubeconfig.contexts.map((c) => c.name));
  for (const cluster of kindClusters)
    cluster.kubeContext = contextNames.has(`kind-${cluster.name}`) ? `kind-${cluster.name}` : null;

  const usualDirs = ['/usr/bin', '/usr/sbin', '/usr/local/bin'].map((dir) => systemPath(system, dir));
  const [dockerd, go] = await Promise.all([
    which('dockerd', [...path.dirs, ...usualDirs], system.platform),
    which('go', path.dirs, system.platform),
  ]);
  const facts = hostFacts(system, { dockerd: dockerd !== null, go: go !== null });
  const problems = classify({
    facts,
    endpoints: probed,
    cli: discovery.cli,
    chosen: chosen !== null,
    contextErrors: discovery.contextErrors,
    kindClusters,
    kubeContexts,
    kubeconfigErrors: kubeconfig.errors,
    tools,
  });

  const cliError = discovery.cli.error;
  return {
    platform: system.platform,
    generatedAt: Date.now(),
    durationMs: Math.round(performance.now() - started),
    pathFrom: path.from,
    cli: {
      host: discovery.cli.endpoint?.host ?? null,
      source: discovery.cli.endpoint?.source ?? null,
      context: discovery.cli.endpoint?.context ?? null,
      ...(cliError ? { error: messageOf(cliError) } : {}),
    },
    inUse: { host: discovery.inUse?.host ?? null, chosen: chosen !== null },
    endpoints: sortEndpoints(probed.map(toReportEndpoint)),
    kindClusters,
    kubeconfig: {
      files: kubeconfig.files,
      currentContext: kubeconfig.currentContext,
      ...(kubeconfig.errors.length > 0 ? { error: kubeconfig.errors.join('; ') } : {}),
    },
    kubeContexts,
    tools,
    problems,
  };
}

function toReportEndpoint({ candidate, probe }: ProbedEndpoint): DoctorEndpoint {
  return {
    host: candidate.endpoint.host,
    label: probe.engine && candidate.place === null ? probe.engine.product : candidate.label,
    foundBy: candidate.foundBy,
    contexts: candidate.contexts,
    state: probe.state,
    ...(probe.error ? { error: probe.error } : {}),
    ...(probe.engine ? { engine: probe.engine } : {}),
    probeMs: probe.probeMs,
    cliDefault: candidate.cliDefault,
    chosen: candidate.chosen,
    inUse: candidate.inUse,
  };
}

/** What Dockside uses first, then what works, then the rest; discovery order within. */
function sortEndpoints(endpoints: DoctorEndpoint[]): DoctorEndpoint[] {
  const rank = (e: DoctorEndpoint) => (e.inUse ? 0 : e.state === 'reachable' ? 1 : 2);
  return endpoints
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** One client per distinct engine (by engine ID), with every host that leads to it. */
function enginesToAsk(probed: ProbedEndpoint[]): EngineToAsk[] {
  const byId = new Map<string, EngineToAsk>();
  for (const { candidate, probe } of probed) {
    if (probe.state !== 'reachable' || !probe.docker) continue;
    const id = probe.engine?.id || hostKey(candidate.endpoint.host);
    const existing = byId.get(id);
    if (existing) existing.hosts.push(candidate.endpoint.host);
    else byId.set(id, { docker: probe.docker, hosts: [candidate.endpoint.host] });
  }
  return [...byId.values()];
}

async function probeKubeContexts(kubeconfig: Kubeconfig, timeoutMs: number, pathDirs: string[]): Promise<DoctorKubeContext[]> {
  return Promise.all(
    kubeconfig.contexts.slice(0, MAX_KUBE_PROBES).map(async (context): Promise<DoctorKubeContext> => {
      const cluster = kubeconfig.clusters.get(context.cluster);
      const judged = judgeContext({ name: context.name, server: cluster?.server ?? '' });
      const base = {
        name: context.name,
        cluster: context.cluster,
        user: context.user,
        ...(context.namespace ? { namespace: context.namespace } : {}),
        server: cluster?.server ?? '',
        current: context.name === kubeconfig.currentContext,
        local: judged.local,
        judgement: judged.reason,
        probed: false,
      };
      // Undefined cluster or user, a missing or expired certificate, a missing plugin: said, not probed.
      const problem = kubeContextProblem(context, kubeconfig, pathDirs);
      if (!cluster || problem) return { ...base, answers: false, ...(problem ? { error: problem } : {}) };
      // The guard's promise: a cluster that is not on this machine is never contacted, not even by the doctor.
      if (!judged.local) return { ...base, answers: false };
      const probe = await probeApiServer(cluster, kubeconfig.users.get(context.user), timeoutMs);
      return { ...base, probed: true, ...probe };
    }),
  );
}

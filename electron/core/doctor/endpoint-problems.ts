/**
 * What is wrong with the Docker endpoints the doctor found, and what the docker CLI resolves to:
 * one rule per kind of trouble, from the most specific (a socket you may not open, a stopped
 * Colima) to the most general (an endpoint that does not answer).
 */
import type { DoctorProblem } from '../contract';
import { explainUnreachable } from '../engine/explain';
import { CoreError } from '../errors';
import type { Candidate } from './discover-endpoints';
import { problem, type Findings, type ProbedEndpoint, type Severity } from './findings';
import * as fixes from './fixes';
import type { Fix } from './fixes';
import type { HostFacts } from './host-facts';
import type { ProbeOutcome } from './probe-endpoint';

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

/** One unreachable endpoint, with what every rule below needs to say about it. */
interface EndpointCase {
  candidate: Candidate;
  probe: ProbeOutcome;
  findings: Findings;
  host: string;
  severity: Severity;
  /** " Dockside uses it ..." when it is in use, else empty. */
  usedBy: string;
  /** Nothing there: no socket, nobody listening, or no answer. */
  gone: boolean;
  socket: string;
  /** Why it is gone, in words. */
  why: string;
}

/** A rule names the problem it recognises, [] for "fine as it is", or null when it does not apply. */
type Rule = (c: EndpointCase) => DoctorProblem[] | null;

function caseOf({ candidate, probe }: ProbedEndpoint, findings: Findings): EndpointCase {
  const usedBy = candidate.inUse
    ? candidate.chosen
      ? ' Dockside uses it (you chose it).'
      : ' Dockside and the docker CLI use it.'
    : '';
  const why =
    probe.state === 'missing'
      ? 'its socket does not exist'
      : probe.state === 'refused'
        ? 'nobody listens on its socket'
        : 'it does not answer';
  return {
    candidate,
    probe,
    findings,
    host: candidate.endpoint.host,
    severity: severityOf(candidate),
    usedBy,
    gone: probe.state === 'missing' || probe.state === 'refused' || probe.state === 'timeout',
    socket: socketPathOf(candidate),
    why,
  };
}

const denied: Rule = ({ probe, severity, host, socket, usedBy, findings }) =>
  probe.state !== 'denied'
    ? null
    : [
        problem(
          'socket-permission-denied',
          severity === 'info' ? 'warning' : severity,
          host,
          `Permission denied on ${socket}: your user may not talk to this engine.${usedBy}`,
          fixes.joinDockerGroupFix(findings.facts, socket, probe.socket?.gid ?? null),
        ),
      ];

const tooOld: Rule = ({ probe, severity, host }) =>
  probe.errorCode !== 'ENGINE_TOO_OLD'
    ? null
    : [
        problem('engine-too-old', severity, host, probe.error ?? `${host} runs an engine too old for Dockside.`, {
          fix: 'Upgrade Docker to 20.10 or newer.',
        }),
      ];

const colimaStopped: Rule = ({ candidate: { place }, gone, severity, host, why, usedBy }) =>
  !gone || place?.kind !== 'colima'
    ? null
    : [
        problem(
          'colima-stopped',
          severity,
          host,
          `Colima (profile ${place.profile}) is not running: ${why}.${usedBy}`,
          fixes.startColimaFix(place.profile),
        ),
      ];

const desktopStopped: Rule = ({ candidate: { place }, gone, severity, host, why, usedBy, findings }) =>
  !gone || place?.kind !== 'desktop'
    ? null
    : [
        problem(
          'desktop-stopped',
          severity,
          host,
          `Docker Desktop is not running: ${why}.${usedBy}`,
          fixes.startDesktopFix(findings.facts),
        ),
      ];

const macDefaultSocket: Rule = ({ candidate, gone, severity, host, socket, usedBy, findings }) => {
  if (!gone || candidate.place?.kind !== 'system' || findings.facts.platform !== 'darwin') return null;
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
  return candidate.inUse ? null : []; // Colima and OrbStack users have no /var/run/docker.sock: that is fine
};

const dockerHostGone: Rule = ({ candidate, gone, severity, host, why, usedBy, findings }) => {
  if (!gone || !candidate.fromDockerHost) return null;
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
};

const knownPlaceStopped: Rule = ({ candidate, probe, gone, severity, host, socket, why, usedBy, findings }) => {
  const place = candidate.place;
  if (!gone || !place) return null;
  const summary = `${candidate.label} at ${socket} is not running: ${why}.${usedBy}`;
  const alternative = candidate.inUse && !candidate.chosen ? reachableAlternative(findings, candidate) : null;
  if (alternative) {
    const context = alternative.contexts[0];
    const runs = `${alternative.label} runs.`;
    const fix = context
      ? fixes.useContextFix(context, runs)
      : fixes.createContextFix(conventionalContextName(alternative), alternative.endpoint.host, runs);
    return [problem('engine-stopped', severity, host, summary, fix)];
  }
  // Nothing ever ran here: fine for rootless or Desktop users; the no-engine rule covers the rest.
  if (place.kind === 'system' && probe.state === 'missing') return [];
  return [problem('engine-stopped', severity, host, summary, startFixFor(place, findings.facts))];
};

const contextDeadSocket: Rule = ({ candidate, probe, severity, host, socket, why, usedBy, findings }) => {
  const named = candidate.contexts.filter((c) => c !== 'default');
  const socketGone = probe.state === 'missing' || probe.state === 'refused';
  if (!socketGone || named.length === 0 || candidate.endpoint.dial.kind !== 'unix') return null;
  const context = named[0]!;
  const alternative = reachableAlternative(findings, candidate);
  const fix = candidate.cliDefault
    ? fixes.useContextFix(alternative?.contexts[0] ?? 'default', 'It is your current context.')
    : fixes.removeContextFix(context);
  return [
    problem('context-dead-socket', severity, host, `docker context ${context} points at ${socket}, but ${why}.${usedBy}`, fix),
  ];
};

/** The last word: it does not answer, with the fix the engine connection would give. */
function unreachable({ candidate, probe, severity, host, usedBy, findings }: EndpointCase): DoctorProblem[] {
  const fix: Fix =
    probe.state === 'timeout'
      ? {
          fix: 'Something takes connections there but does not answer: the engine is stuck. Restart it (or the machine or VM it runs in).',
        }
      : {
          fix:
            probe.fix ??
            explainUnreachable(new Error(probe.error ?? 'unreachable'), candidate.endpoint, findings.facts.platform).fix,
        };
  return [problem('endpoint-unreachable', severity, host, `${probe.error ?? `${host} is unreachable.`}${usedBy}`, fix)];
}

/** From the most specific rule to the most general; the first that applies speaks. */
const endpointRules: Rule[] = [
  denied,
  tooOld,
  colimaStopped,
  desktopStopped,
  macDefaultSocket,
  dockerHostGone,
  knownPlaceStopped,
  contextDeadSocket,
];

export function endpointProblems(endpoint: ProbedEndpoint, findings: Findings): DoctorProblem[] {
  if (endpoint.probe.state === 'reachable') return [];
  const c = caseOf(endpoint, findings);
  for (const rule of endpointRules) {
    const found = rule(c);
    if (found) return found;
  }
  return unreachable(c);
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

export function cliProblems(findings: Findings): DoctorProblem[] {
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

export function noEngine(findings: Findings): DoctorProblem {
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

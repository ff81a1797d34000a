/** What the doctor found on the machine, and how a problem about it is written. */
import type { DoctorKindCluster, DoctorKubeContext, DoctorProblem, DoctorProblemCode, DoctorTool } from '../contract';
import type { Candidate, CliResolution } from './discover-endpoints';
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

export type Severity = DoctorProblem['severity'];

export function problem(code: DoctorProblemCode, severity: Severity, subject: string, summary: string, fix: Fix): DoctorProblem {
  return { code, severity, subject, summary, fix: fix.fix, ...(fix.command ? { command: fix.command } : {}) };
}

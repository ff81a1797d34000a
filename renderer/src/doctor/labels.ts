/** How the doctor view words states and severities. */
import type { DoctorEndpoint, DoctorProblem } from '@contract';

export function endpointStateLabel(state: DoctorEndpoint['state']): string {
  switch (state) {
    case 'reachable':
      return 'Running';
    case 'missing':
      return 'Not running';
    case 'refused':
      return 'Stopped';
    case 'denied':
      return 'Permission denied';
    case 'timeout':
      return 'Not answering';
    case 'failed':
      return 'Unusable';
  }
}

export function severityLabel(severity: DoctorProblem['severity']): string {
  return severity === 'error' ? 'Needs fixing' : severity === 'warning' ? 'Worth fixing' : 'Tip';
}

/** Ways it was found that the title and badges do not already say ("DOCKER_HOST", "known socket"). */
const SAID_ELSEWHERE = ['docker CLI default', 'current docker context', 'DOCKER_CONTEXT', 'chosen in Dockside'];

export function foundByText(endpoint: DoctorEndpoint): string {
  return endpoint.foundBy.filter((way) => !way.startsWith('docker context ') && !SAID_ELSEWHERE.includes(way)).join(' · ');
}

/** The docker contexts that name it, "default" left out (the CLI default badge says it). */
export function namedContexts(endpoint: DoctorEndpoint): string[] {
  return endpoint.contexts.filter((context) => context !== 'default');
}

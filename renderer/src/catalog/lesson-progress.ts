/** How far the learner got in a lesson, from the progress file, in the words the catalog uses. */
import type { LessonProgress, LessonSummary } from '@contract';

export type LessonState = 'not-started' | 'in-progress' | 'done';

export interface LessonStanding {
  state: LessonState;
  passed: number;
  total: number;
}

export function standingOf(lesson: LessonSummary, progress: LessonProgress | undefined): LessonStanding {
  const total = lesson.stepCount;
  if (!progress) return { state: 'not-started', passed: 0, total };
  const passed = Math.min(Object.keys(progress.passed).length, total);
  // Finished once stays done, also while the learner does it again.
  if (progress.completedAt !== null) return { state: 'done', passed: total, total };
  if (progress.inProgress || passed > 0) return { state: 'in-progress', passed, total };
  return { state: 'not-started', passed: 0, total };
}

const TRACK_TITLES: Record<string, string> = {
  docker: 'Docker',
  compose: 'Compose',
  kubernetes: 'Kubernetes',
  k8s: 'Kubernetes',
  helm: 'Helm',
  k9s: 'k9s',
};

/** The tracks that run against a Kubernetes cluster, in the order the catalog lists them (after the Docker ones). */
const KUBERNETES_TRACKS = ['kubernetes', 'k8s', 'helm', 'k9s'];
const DOCKER_TRACKS = ['docker', 'compose'];

export function trackTitle(track: string): string {
  return TRACK_TITLES[track] ?? track.charAt(0).toUpperCase() + track.slice(1);
}

export function isKubernetesTrack(track: string): boolean {
  return KUBERNETES_TRACKS.includes(track);
}

/** Catalog order: the Docker tracks, the Kubernetes ones, then any other by name. */
export function compareTracks(a: string, b: string): number {
  const rank = (track: string) => {
    const docker = DOCKER_TRACKS.indexOf(track);
    if (docker >= 0) return docker;
    const kube = KUBERNETES_TRACKS.indexOf(track);
    return kube >= 0 ? DOCKER_TRACKS.length + kube : DOCKER_TRACKS.length + KUBERNETES_TRACKS.length;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * Which cluster the Kubernetes lessons use, how to get one, and the practice cluster's job, kept
 * live from `cluster.changed` and `cluster.practice`. Read from the kubeconfig alone in core:
 * asking costs no connection to any cluster. Asked again when the doctor ran (a cluster may
 * have appeared) and when the window comes back into focus (the learner may have made one).
 */
import type { ClusterStatus, PracticeJob } from '@contract';
import { useEffect, useState } from 'react';
import { api } from '../api';

export function useClusterStatus(): ClusterStatus | null {
  const [status, setStatus] = useState<ClusterStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      api.cluster.status().then(
        (next) => live && setStatus(next),
        () => undefined, // the link state shows a lost server; the next event brings the status
      );
    };
    const stops = [
      api.on('cluster.changed', (next) => setStatus(next)),
      api.on('cluster.practice', (job: PracticeJob) =>
        setStatus((previous) => (previous ? { ...previous, practice: { ...previous.practice, job } } : previous)),
      ),
      api.on('doctor.updated', load),
    ];
    window.addEventListener('focus', load);
    load();
    return () => {
      live = false;
      for (const stop of stops) stop();
      window.removeEventListener('focus', load);
    };
  }, []);
  return status;
}

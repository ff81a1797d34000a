/**
 * The current Kubernetes context, for the status bar, when the learner has one. It comes from
 * the environment doctor's report and follows `doctor.updated`. The first report is asked for a
 * few seconds after start: it probes every engine and cluster, and the app's first paint and
 * the learner's first lesson come first.
 */
import type { DoctorReport } from '@contract';
import { useEffect, useState } from 'react';
import { api } from '../api';

export interface KubeContextInfo {
  name: string;
  local: boolean;
  answers: boolean;
}

const FIRST_REPORT_DELAY_MS = 3000;

export function useKubeContext(): KubeContextInfo | null {
  const [report, setReport] = useState<DoctorReport | null>(null);
  useEffect(() => {
    let live = true;
    let heard = false;
    const stop = api.on('doctor.updated', (next) => {
      heard = true;
      setReport(next);
    });
    const timer = window.setTimeout(() => {
      api.doctor.report({}).then(
        (first) => {
          if (live && !heard) setReport(first);
        },
        () => undefined, // no report, no context shown; the doctor view says why
      );
    }, FIRST_REPORT_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
      stop();
    };
  }, []);
  const name = report?.kubeconfig.currentContext;
  if (!report || !name) return null;
  const context = report.kubeContexts.find((c) => c.name === name);
  return { name, local: context?.local ?? false, answers: context?.answers ?? false };
}

/** The doctor's report: loaded once, refreshed on demand, and kept in step with `doctor.updated`. */
import type { DoctorReport } from '@contract';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import { messageOf } from '../api/message-of';

export interface DoctorReportState {
  report: DoctorReport | null;
  /** A run is under way (the first, or a refresh). */
  running: boolean;
  error: string | null;
  refresh: () => void;
}

export function useDoctorReport(): DoctorReportState {
  const [report, setReport] = useState<DoctorReport | null>(null);
  const [running, setRunning] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const fetchReport = useCallback((refresh: boolean, isLive: () => boolean) => {
    api.doctor.report({ refresh }).then(
      (next) => {
        if (!isLive()) return;
        setReport(next);
        setError(null);
        setRunning(false);
      },
      (failure: unknown) => {
        if (!isLive()) return;
        setError(messageOf(failure));
        setRunning(false);
      },
    );
  }, []);

  useEffect(() => {
    let live = true;
    // Another window (or a choice made here) ran the doctor: show the newest report.
    const stop = api.on('doctor.updated', (next) => setReport(next));
    fetchReport(false, () => live);
    return () => {
      live = false;
      stop();
    };
  }, [fetchReport]);

  const refresh = useCallback(() => {
    setRunning(true);
    fetchReport(true, () => true);
  }, [fetchReport]);

  return { report, running, error, refresh };
}

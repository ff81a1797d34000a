/**
 * Doctor reports for the app: one run at a time (callers join it), the last report served while
 * fresh and for the same chosen endpoint, and every new report broadcast to every window.
 */
import type { CoreContext } from '../context';
import type { DoctorReport } from '../contract';
import { runDoctor } from './run-doctor';

/** A report younger than this is served from the cache unless a refresh is asked for. */
const REPORT_FRESH_MS = 15_000;

export interface DoctorReports {
  /** The last report while fresh, else a new one (always a new one with `refresh`). */
  get(refresh: boolean): DoctorReport | Promise<DoctorReport>;
  /** A new report (joining one under way). */
  run(): Promise<DoctorReport>;
}

export function createDoctorReports(context: CoreContext): DoctorReports {
  let last: { report: DoctorReport; chosen: string } | null = null;
  let running: Promise<DoctorReport> | null = null;

  const run = (): Promise<DoctorReport> => {
    running ??= runDoctor({
      env: context.env,
      homeDir: context.paths.homeDir,
      platform: context.platform,
      chosen: context.settings.get().chosenEndpoint,
    })
      .then((report) => {
        last = { report, chosen: JSON.stringify(context.settings.get().chosenEndpoint) };
        context.hub.broadcast('doctor.updated', report);
        return report;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    get(refresh) {
      const fresh =
        last !== null &&
        Date.now() - last.report.generatedAt < REPORT_FRESH_MS &&
        last.chosen === JSON.stringify(context.settings.get().chosenEndpoint);
      if (!refresh && fresh && last) return last.report;
      return run();
    },
    run,
  };
}

/**
 * The doctor's part of the contract: a report of every engine, cluster and tool (cached
 * briefly, runs coalesced), and the learner's choice of endpoint — persisted in the settings,
 * which makes the one engine connection follow it (settings/app-service.ts), and with it the
 * checks and every terminal opened afterwards.
 */
import type { Service } from '../rpc/service';
import type { CoreContext } from '../context';
import type { DoctorReport, EngineStatus, Settings } from '../contract';
import { fromHost } from '../engine/endpoint';
import { runDoctor } from './run-doctor';

/** A report younger than this is served from the cache unless a refresh is asked for. */
const REPORT_FRESH_MS = 15_000;

export function createDoctorService(context: CoreContext): Service<'doctor.report' | 'doctor.chooseEndpoint'> {
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
    handlers: {
      'doctor.report': (params) => {
        const fresh =
          last !== null &&
          Date.now() - last.report.generatedAt < REPORT_FRESH_MS &&
          last.chosen === JSON.stringify(context.settings.get().chosenEndpoint);
        if (!params?.refresh && fresh && last) return last.report;
        return run();
      },
      'doctor.chooseEndpoint': async (params) => {
        const endpoint = params.endpoint;
        // Refuse what the engine connection could not dial, before it is saved.
        if (endpoint) fromHost(endpoint.host, 'chosen', endpoint.context ?? 'chosen', null);
        const chosenEndpoint: Settings['chosenEndpoint'] = endpoint
          ? { host: endpoint.host, ...(endpoint.context ? { context: endpoint.context } : {}) }
          : null;
        await context.settings.update({ chosenEndpoint });
        const engine = await followed(context);
        void run().catch(() => undefined); // every window sees the new "in use" marks
        return { chosenEndpoint: context.settings.get().chosenEndpoint, engine };
      },
    },
  };
}

/**
 * The connection after it has dialled the new choice: `reconnect` waits for any probe already
 * under way (it may have resolved the old endpoint) and then probes afresh.
 */
async function followed(context: CoreContext): Promise<EngineStatus> {
  await context.engine.reconnect();
  return context.engine.status;
}

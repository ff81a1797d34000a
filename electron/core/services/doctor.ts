/**
 * The doctor's part of the contract: a report of every engine, cluster and tool (cached briefly,
 * runs coalesced: doctor/doctor-reports.ts), and the learner's choice of endpoint.
 */
import type { CoreContext } from '../context';
import { chooseEndpoint } from '../doctor/choose-endpoint';
import { createDoctorReports } from '../doctor/doctor-reports';
import type { Service } from '../rpc/service';

export function createDoctorService(context: CoreContext): Service<'doctor.report' | 'doctor.chooseEndpoint'> {
  const reports = createDoctorReports(context);
  return {
    handlers: {
      'doctor.report': (params) => reports.get(params?.refresh ?? false),
      'doctor.chooseEndpoint': async ({ endpoint }) => {
        const chosen = await chooseEndpoint(context, endpoint);
        void reports.run().catch(() => undefined); // every window sees the new "in use" marks
        return chosen;
      },
    },
  };
}

/**
 * The learner's choice of endpoint: persisted in the settings, which makes the one engine
 * connection follow it (services/app.ts), and with it the checks and every terminal opened afterwards.
 */
import type { CoreContext } from '../context';
import type { EngineStatus, RequestParams, RequestResult, Settings } from '../contract';
import { fromHost } from '../engine/endpoint';

/** Save the choice (null: resolve as the docker CLI does) and resolve once the connection followed it. */
export async function chooseEndpoint(
  context: CoreContext,
  endpoint: RequestParams<'doctor.chooseEndpoint'>['endpoint'],
): Promise<RequestResult<'doctor.chooseEndpoint'>> {
  // Refuse what the engine connection could not dial, before it is saved.
  if (endpoint) fromHost(endpoint.host, 'chosen', endpoint.context ?? 'chosen', null);
  const chosenEndpoint: Settings['chosenEndpoint'] = endpoint
    ? { host: endpoint.host, ...(endpoint.context ? { context: endpoint.context } : {}) }
    : null;
  await context.settings.update({ chosenEndpoint });
  const engine = await followed(context);
  return { chosenEndpoint: context.settings.get().chosenEndpoint, engine };
}
/**
 * The connection after it has dialled the new choice: `reconnect` waits for any probe already
 * under way (it may have resolved the old endpoint) and then probes afresh.
 */
async function followed(context: CoreContext): Promise<EngineStatus> {
  await context.engine.reconnect();
  return context.engine.status;
}

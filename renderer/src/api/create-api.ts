/**
 * Build the grouped, typed api (`api.engine.status()`, `api.on(...)`) over any transport.
 * A `{ error }` from core becomes a rejected promise with an `ApiError` (message + code).
 */
import { requestNames, type DocksideApi, type EventName, type Events } from '@contract';
import type { Transport } from './transport';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function createApi(transport: Transport): DocksideApi {
  const groups: Record<string, Record<string, (params?: unknown) => Promise<unknown>>> = {};
  for (const name of requestNames) {
    const [group, method] = name.split('.') as [string, string];
    groups[group] ??= {};
    groups[group][method] = async (params?: unknown) => {
      const outcome = await transport.request(name, params);
      if ('error' in outcome) throw new ApiError(outcome.error.message, outcome.error.code);
      return outcome.result;
    };
  }
  const on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) =>
    transport.subscribe(event, listener as (payload: unknown) => void);
  return { ...groups, on, transport: transport.kind } as unknown as DocksideApi;
}

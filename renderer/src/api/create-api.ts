/**
 * Build the grouped, typed api (`api.engine.status()`, `api.on(...)`) over any transport.
 * A `{ error }` from core becomes a rejected promise with an `ApiError` (message + code).
 */
import type { DocksideApi, EventName, Events, RequestName } from '@contract';
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

/**
 * `api.<group>.<method>(params)` sends the request "<group>.<method>". Built on demand rather than
 * from the contract's list of names, so the renderer takes only types from the contract (its
 * params schemas stay in core). The names are still checked: `DocksideApi` is typed from the map.
 */
export function createApi(transport: Transport): DocksideApi {
  const call = async (name: RequestName, params?: unknown) => {
    const outcome = await transport.request(name, params);
    if ('error' in outcome) throw new ApiError(outcome.error.message, outcome.error.code);
    return outcome.result;
  };
  const groups = new Map<string, Record<string, (params?: unknown) => Promise<unknown>>>();
  const groupOf = (group: string) => {
    let methods = groups.get(group);
    if (!methods) {
      const bound = new Map<string, (params?: unknown) => Promise<unknown>>();
      methods = new Proxy(
        {},
        {
          get(_target, method) {
            if (typeof method !== 'string') return undefined;
            let fn = bound.get(method);
            if (!fn) bound.set(method, (fn = (params?: unknown) => call(`${group}.${method}` as RequestName, params)));
            return fn;
          },
        },
      );
      groups.set(group, methods);
    }
    return methods;
  };
  const on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) =>
    transport.on(event, listener as (payload: unknown) => void);
  const fixed: Record<string, unknown> = { on, transport: transport.kind };
  return new Proxy(fixed, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      // React and devtools probe objects for `then` and the like: only dotted groups are requests.
      if (key in target) return target[key];
      if (key === 'then' || key === 'toJSON') return undefined;
      return groupOf(key);
    },
  }) as unknown as DocksideApi;
}

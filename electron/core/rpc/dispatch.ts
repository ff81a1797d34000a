/**
 * Route one request to its handler and turn the outcome into what crosses the wire:
 * `{ result }` or `{ error: { message, code } }`. Stacks never leave core.
 */
import { requestNames, type RequestName, type RequestParams, type RequestResult, type WireResult } from '../contract';
import { CoreError, messageOf } from '../errors';
import type { Client } from './client';

export type Handler<N extends RequestName> = (
  params: RequestParams<N>,
  client: Client,
) => Promise<RequestResult<N>> | RequestResult<N>;

export type Handlers = { [N in RequestName]: Handler<N> };

const known = new Set<string>(requestNames);

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && known.has(name);
}

export async function dispatch(handlers: Handlers, name: unknown, params: unknown, client: Client): Promise<WireResult<unknown>> {
  if (!isRequestName(name)) {
    return { error: { message: `unknown request ${JSON.stringify(name)}`, code: 'UNKNOWN_REQUEST' } };
  }
  try {
    const handler = handlers[name] as Handler<RequestName>;
    const result = await handler(params as RequestParams<RequestName>, client);
    return { result };
  } catch (error) {
    if (error instanceof CoreError) return { error: { message: error.message, code: error.code } };
    console.error(`dockside: request ${name} failed`, error);
    return { error: { message: messageOf(error), code: 'INTERNAL' } };
  }
}

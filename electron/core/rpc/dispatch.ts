/**
 * Route one request to its handler and turn the outcome into what crosses the wire:
 * `{ result }` or `{ error: { message, code } }`. Stacks never leave core. Params are checked
 * against the contract's schema first, so bad input is INVALID_PARAMS, never INTERNAL.
 */
import type { z } from 'zod';
import { requestNames, requestParams, type RequestName, type RequestParams, type WireResult } from '../contract';
import { CoreError, messageOf } from '../errors';
import type { Client } from './client';
import type { Handler, Handlers } from './service';

export type { Handler, Handlers } from './service';

const known = new Set<string>(requestNames);

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && known.has(name);
}

/** One line naming the request and the field: "terminal.input: data: Invalid input: expected string, received number". */
function describeIssue(name: RequestName, error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'params';
  return `${name}: ${field}: ${issue?.message ?? 'invalid'}`.replace(/\s*\n\s*/g, ' ');
}

/** The params of `name`, validated and typed; throws INVALID_PARAMS naming the field otherwise. */
export function validParams<N extends RequestName>(name: N, params: unknown): RequestParams<N> {
  const parsed = (requestParams[name] as z.ZodType).safeParse(params);
  if (!parsed.success) throw new CoreError('INVALID_PARAMS', describeIssue(name, parsed.error));
  return parsed.data as RequestParams<N>;
}

/** Validate, then run the handler: what dispatch does, for callers that hold only some handlers. */
export function callHandler<N extends RequestName>(
  handler: Handler<N>,
  name: N,
  params: unknown,
  client: Client,
): ReturnType<Handler<N>> {
  return handler(validParams(name, params), client);
}

export async function dispatch(handlers: Handlers, name: unknown, params: unknown, client: Client): Promise<WireResult<unknown>> {
  if (!isRequestName(name)) {
    return { error: { message: `unknown request ${JSON.stringify(name)}`, code: 'UNKNOWN_REQUEST' } };
  }
  try {
    const result = await callHandler(handlers[name] as Handler<RequestName>, name, params, client);
    return { result };
  } catch (error) {
    if (error instanceof CoreError) return { error: { message: error.message, code: error.code } };
    console.error(`dockside: request ${name} failed`, error);
    return { error: { message: messageOf(error), code: 'INTERNAL' } };
  }
}

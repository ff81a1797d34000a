/**
 * Building blocks for the params schemas each domain file declares. Core applies a request's
 * schema in `dispatch` before its handler runs, so handlers only ever see valid params.
 */
import { z } from 'zod';

/** A request without params: nothing, null or `{}` (what the transports send for "no params"). */
export const noParams = z
  .unknown()
  .refine(
    (value) =>
      value === undefined ||
      value === null ||
      (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0),
    { error: 'takes no parameters' },
  )
  .transform((): void => undefined);

/** A lesson id as the front matter writes it, e.g. "docker/containers-101". */
export const lessonIdParam = z.string().min(1).max(200);

/** A step's index within its lesson. */
export const stepParam = z.number().int().min(0).max(1000);

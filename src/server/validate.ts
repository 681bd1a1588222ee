import { z } from 'zod';

export class BadRequestError extends Error {
  override name = 'BadRequestError';
  readonly statusCode = 400;
}

/** zod at the HTTP boundary: a request that does not fit is a 400, never a 500. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success)
    throw new BadRequestError(`The request was not understood: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

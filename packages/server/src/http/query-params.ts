import * as z from 'zod/mini';

/**
 * A query parameter holding a whole number in [min, max]. Out of range is a 400 naming the parameter
 * rather than a silent clamp: the caller learns the bounds instead of getting other data than asked.
 */
export const wholeNumberParam = (min: number, max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,9}$/, 'must be a whole number')), z.transform(Number)),
    z.number().check(z.gte(min), z.lte(max)),
  );

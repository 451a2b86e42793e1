import { parseWith } from '@helpline/core';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiError } from './api-error.js';

/** Parses the JSON body with a schema; bad JSON and bad fields are 400s naming the field. */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S, what: string): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_input', `${what}: body is not valid JSON`);
  }
  const nul = pathOfNul(body);
  if (nul !== undefined)
    throw new ApiError(
      400,
      'invalid_input',
      `${what}: ${nul || 'body'}: must not contain NUL (\\u0000)`,
      nul || 'body',
    );
  return parseWith(schema, body, what);
}

/** Where a NUL character hides in a parsed body ('' for the root): PostgreSQL text cannot store it. */
function pathOfNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = pathOfNul(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Parses query parameters (all strings) with a schema that coerces what it needs. */
export function readQuery<S extends z.ZodMiniType>(c: Context, schema: S, what: string): z.infer<S> {
  const query = c.req.query();
  const nul = pathOfNul(query);
  if (nul !== undefined) throw new ApiError(400, 'invalid_input', `${what}: ${nul}: must not contain NUL (%00)`, nul);
  return parseWith(schema, query, what);
}

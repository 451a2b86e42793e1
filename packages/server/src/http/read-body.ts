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
  return parseWith(schema, body, what);
}

/** Parses query parameters (all strings) with a schema that coerces what it needs. */
export function readQuery<S extends z.ZodMiniType>(c: Context, schema: S, what: string): z.infer<S> {
  return parseWith(schema, c.req.query(), what);
}

import { isValidationError } from '@helpline/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDatabaseUnavailable } from '../db/unavailable.js';

export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'server';

/** An error answered as `{ error: { code, message, field? } }` with its HTTP status. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found`);

export function errorBody(
  code: ApiErrorCode,
  message: string,
  field?: string,
): { error: { code: ApiErrorCode; message: string; field?: string } } {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/** Hono onError: known errors keep their status; anything else is a logged 500 without internals. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message, error.field), error.status);
  }
  if (isValidationError(error)) return c.json(errorBody('invalid_input', error.message, error.field), 400);
  // Text PostgreSQL cannot store (a NUL byte in a path id or header) is bad input, not a server fault.
  const code = (error as { code?: unknown }).code;
  if (code === '22021' || code === '22P05')
    return c.json(errorBody('invalid_input', 'The request contains a character that cannot be stored (NUL)'), 400);
  if (isDatabaseUnavailable(error)) {
    c.header('Retry-After', '5');
    return c.json(errorBody('unavailable', 'The database is unavailable; retry in a few seconds'), 503);
  }
  console.error('[helpline] unhandled error', c.req.method, c.req.path, error);
  return c.json(errorBody('server', 'Internal server error'), 500);
}

import { parseWith } from '@helpline/core';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { ApiError } from './api-error.js';

/** Parses the JSON object body with a schema; bad JSON and bad fields are 400s naming the field. */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S, what: string): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_input', `${what}: body is not valid JSON`);
  }
  // Every body is an object: say so naming `body`, where the schema's root issue would name no field.
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new ApiError(400, 'invalid_input', `${what}: body: expected a JSON object`, 'body');
  const bad = findUnstorable(body);
  if (bad)
    throw new ApiError(400, 'invalid_input', `${what}: ${bad.path || 'body'}: ${bad.problem}`, bad.path || 'body');
  return parseWith(schema, body, what);
}

/** No API body nests this deep; a deeper one is refused before anything recurses into it. */
const MAX_DEPTH = 32;

/**
 * Where a body is unacceptable before its schema looks at it: a NUL character (PostgreSQL text cannot
 * store it) or nesting deeper than MAX_DEPTH. Walks with its own stack, so a hostile body cannot
 * exhaust the call stack. Answers the dotted path ('' for the root) and what is wrong there.
 */
function findUnstorable(root: unknown): { path: string; problem: string } | undefined {
  const stack: Array<[unknown, string, number]> = [[root, '', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { path, problem: 'must not contain NUL (\\u0000)' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return { path, problem: `nested more than ${MAX_DEPTH} levels deep` };
    const entries = Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index] as [string, unknown];
      stack.push([item, path ? `${path}.${key}` : key, depth + 1]);
    }
  }
  return undefined;
}

/** Parses query parameters (all strings) with a schema that coerces what it needs. */
export function readQuery<S extends z.ZodMiniType>(c: Context, schema: S, what: string): z.infer<S> {
  const query = c.req.query();
  const bad = findUnstorable(query);
  if (bad) throw new ApiError(400, 'invalid_input', `${what}: ${bad.path}: ${bad.problem}`, bad.path);
  return parseWith(schema, query, what);
}

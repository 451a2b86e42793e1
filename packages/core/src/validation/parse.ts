import * as z from 'zod/mini';
import type { HelplineErrorCode } from '../errors/helpline-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { deepestIssue, formatIssue, issuePath } from './format-issues.js';

/**
 * Parses `data` or throws a ValidationError whose message names `what` and every bad field.
 * Used at each boundary: options, command arguments, adapter responses, storage, HTTP bodies.
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
  what: string,
  code: HelplineErrorCode = 'invalid_input',
): z.infer<S> {
  const result = z.safeParse(schema, data, { reportInput: true });
  if (result.success) return result.data;
  const explained = result.error.issues.map(deepestIssue);
  const issues = explained.map(formatIssue);
  const first = explained[0];
  const field = first ? issuePath(first) : undefined;
  return raise(code, `${what}: ${issues.join('; ')}`, issues, field);
}

function raise(code: HelplineErrorCode, message: string, issues: string[], field: string | undefined): never {
  throw new ValidationError(code, message, issues, field || undefined);
}

/** Parses what a backend returned; malformed data becomes an `invalid_response` error, never a crash. */
export function parseResponse<S extends z.ZodMiniType>(schema: S, data: unknown, what: string): z.infer<S> {
  return parseWith(schema, data, `Malformed ${what} from the backend`, 'invalid_response');
}

import { HelplineError, type HelplineErrorCode, isHelplineError } from './helpline-error.js';

/** Input that does not match its schema: options, command arguments, HTTP bodies, stored data. */
export class ValidationError extends HelplineError {
  override name = 'ValidationError';
  readonly issues: readonly string[];

  constructor(code: HelplineErrorCode, message: string, issues: readonly string[], field?: string) {
    super(code, message, field === undefined ? {} : { field });
    this.issues = issues;
  }
}

export function isValidationError(value: unknown): value is ValidationError {
  return isHelplineError(value) && value.name === 'ValidationError';
}

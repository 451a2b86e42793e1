import { HelplineError, isHelplineError } from './helpline-error.js';

/** The configured adapter does not declare the capability a call needs. */
export class UnsupportedError extends HelplineError {
  override name = 'UnsupportedError';
  constructor(capability: string, adapterName: string) {
    super('unsupported', `The ${adapterName} adapter does not support ${capability}.`, { field: capability });
  }
}

export function isUnsupportedError(value: unknown): value is UnsupportedError {
  return isHelplineError(value) && value.name === 'UnsupportedError';
}

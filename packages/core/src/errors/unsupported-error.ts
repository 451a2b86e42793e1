import { HelplineError, isHelplineError } from './helpline-error.js';

/**
 * The configured adapter does not declare the capability a call needs, or the host's `features` option
 * turned it off: the message names both, so a host that turned chat off is not sent to the adapter.
 */
export class UnsupportedError extends HelplineError {
  override name = 'UnsupportedError';
  constructor(capability: string, adapterName: string) {
    super('unsupported', `The ${adapterName} adapter does not support ${capability}, or features turns it off.`, {
      field: capability,
    });
  }
}

export function isUnsupportedError(value: unknown): value is UnsupportedError {
  return isHelplineError(value) && value.name === 'UnsupportedError';
}

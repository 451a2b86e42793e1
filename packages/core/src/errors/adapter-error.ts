import { HelplineError, type HelplineErrorOptions, isHelplineError } from './helpline-error.js';

/**
 * A backend call failed: `code` says how (network, unauthorized, rate_limited, server,
 * invalid_response, …) and `retryable` whether the outbox should try again.
 */
export class AdapterError extends HelplineError {
  override name = 'AdapterError';
  /** Seconds the backend asked us to wait (429 Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(
    code: HelplineError['code'],
    message: string,
    options: HelplineErrorOptions & { retryAfter?: number } = {},
  ) {
    super(code, message, options);
    this.retryAfter = options.retryAfter;
  }
}

export function isAdapterError(value: unknown): value is AdapterError {
  return isHelplineError(value) && value.name === 'AdapterError';
}

/** Maps an HTTP status to the error an adapter should raise for it. */
export function adapterErrorFromStatus(status: number, message: string, retryAfter?: number): AdapterError {
  if (status === 401) return new AdapterError('unauthorized', message, { status });
  if (status === 403) return new AdapterError('forbidden', message, { status });
  if (status === 404) return new AdapterError('not_found', message, { status });
  if (status === 429)
    return new AdapterError('rate_limited', message, {
      status,
      retryable: true,
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  if (status >= 500) return new AdapterError('server', message, { status, retryable: true });
  return new AdapterError('invalid_input', message, { status });
}

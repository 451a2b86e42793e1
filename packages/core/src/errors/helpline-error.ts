export type HelplineErrorCode =
  | 'invalid_option'
  | 'invalid_command'
  | 'invalid_input'
  | 'invalid_response'
  | 'unsupported'
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'storage'
  | 'shut_down';

export interface HelplineErrorOptions {
  /** Dotted path of the offending field, e.g. `appearance.position`. */
  field?: string;
  /** HTTP status from the backend, when there was one. */
  status?: number;
  /** Whether sending the same request again may succeed. */
  retryable?: boolean;
  cause?: unknown;
}

/** Base of every error Helpline reports; `code` says what kind, `field` what was wrong. */
export class HelplineError extends Error {
  override name = 'HelplineError';
  readonly code: HelplineErrorCode;
  readonly field: string | undefined;
  readonly status: number | undefined;
  readonly retryable: boolean;

  constructor(code: HelplineErrorCode, message: string, options: HelplineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
  }
}

/** Checks `name` too, so errors from another realm (iframe, duplicated bundle) are recognised. */
export function isHelplineError(value: unknown): value is HelplineError {
  return (
    value instanceof HelplineError ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { code?: unknown }).code === 'string' &&
      typeof (value as { name?: unknown }).name === 'string' &&
      (value as { name: string }).name.endsWith('Error') &&
      'retryable' in value)
  );
}

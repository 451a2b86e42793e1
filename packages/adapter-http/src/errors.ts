import { AdapterError, adapterErrorFromStatus } from '@helpline/core';

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

/** Turns a non-2xx response of the reference server into a typed AdapterError with its message. */
export async function errorFromResponse(
  response: Response,
  what: string,
  fieldForStatus: Record<number, string> = {},
): Promise<AdapterError> {
  let detail = `${response.status} ${response.statusText}`.trim();
  let field: string | undefined;
  try {
    const body = (await response.clone().json()) as ErrorBody;
    if (body?.error?.message) detail = body.error.message;
    if (typeof body?.error?.field === 'string') field = body.error.field;
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status line is all we can report.
  }
  field = fieldForStatus[response.status] ?? field;
  const header = response.headers.get('retry-after');
  const retryAfter = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  const error = adapterErrorFromStatus(response.status, `${what} failed: ${detail}`, retryAfter);
  if (field === undefined) return error;
  return new AdapterError(error.code, error.message, {
    status: response.status,
    retryable: error.retryable,
    field,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

export function networkError(what: string, cause: unknown): AdapterError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AdapterError('network', `${what} failed: ${reason}`, { retryable: true, cause });
}

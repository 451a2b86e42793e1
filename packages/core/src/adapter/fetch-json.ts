import { AdapterError } from '../errors/adapter-error.js';

export interface FetchJsonOptions {
  /** What the call does, for messages: "Loading tickets" → "Loading tickets failed: …". */
  what: string;
  /** The backend's name, for a message about an answer that is not JSON. */
  backend: string;
  timeoutMs: number;
  /** Maps a non-2xx answer to an error, following the backend's error format. */
  errorFrom(response: Response, what: string): Promise<AdapterError>;
}

/**
 * fetch for vendor adapters: times out, turns a network failure into a retryable AdapterError and a
 * non-2xx answer into the backend's error, and returns the parsed JSON (undefined for an empty body).
 */
export async function fetchJson(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  options: FetchJsonOptions,
): Promise<unknown> {
  const { what } = options;
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AdapterError('network', `${what} failed: ${reason}`, { retryable: true, cause });
  }
  if (!response.ok) throw await options.errorFrom(response, what);
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AdapterError(
      'invalid_response',
      `${what} failed: ${options.backend} answered with something that is not JSON`,
      {
        status: response.status,
      },
    );
  }
}

/** A Retry-After header given in seconds (the HTTP-date form is not used by these backends). */
export function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  return header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
}

import { AdapterError, adapterErrorFromStatus } from '@helpline/core';

export type ChatwootCall = (
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  what: string,
  body?: unknown,
) => Promise<unknown>;

interface ChatwootErrorBody {
  error?: unknown;
  message?: unknown;
}

/**
 * Fetch for the Chatwoot Client API under /public/api/v1/inboxes/{inbox}. Errors follow Chatwoot's
 * RequestExceptionHandler: {"error": "..."} for 404/401, {"message": "...", "attributes": [...]}
 * for 422. FormData bodies go as multipart (attachments), anything else as JSON.
 */
export function createChatwootCall(prefix: string, timeoutMs: number, fetchImpl: typeof fetch): ChatwootCall {
  return async (method, path, what, body) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetchImpl(`${prefix}${path}`, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: payload }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AdapterError('network', `${what} failed: ${reason}`, { retryable: true, cause });
    }
    if (!response.ok) throw await errorFrom(response, what);
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AdapterError('invalid_response', `${what} failed: Chatwoot answered with something that is not JSON`, {
        status: response.status,
      });
    }
  };
}

async function errorFrom(response: Response, what: string): Promise<AdapterError> {
  let detail = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.clone().json()) as ChatwootErrorBody;
    const text = [body.error, body.message].find((v) => typeof v === 'string' && v);
    if (typeof text === 'string') detail = text;
  } catch {
    // Not JSON (a proxy's error page): the status line is all there is.
  }
  const header = response.headers.get('retry-after');
  const retryAfter = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  return adapterErrorFromStatus(response.status, `${what} failed: ${detail}`, retryAfter);
}

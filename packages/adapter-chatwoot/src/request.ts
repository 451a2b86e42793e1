import { type AdapterError, adapterErrorFromStatus, fetchJson, retryAfterSeconds } from '@helpline/core';

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
    return fetchJson(
      fetchImpl,
      `${prefix}${path}`,
      { method, headers, ...(payload === undefined ? {} : { body: payload }) },
      { what, backend: 'Chatwoot', timeoutMs, errorFrom },
    );
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
  return adapterErrorFromStatus(response.status, `${what} failed: ${detail}`, retryAfterSeconds(response));
}

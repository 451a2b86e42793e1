import { AdapterError, adapterErrorFromStatus, fetchJson, retryAfterSeconds } from '@helpline/core';

export interface ZendeskClient {
  /** Sends a JSON (or raw body) request and returns the parsed JSON answer. */
  call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    what: string,
    init?: { json?: unknown; body?: Blob; contentType?: string; headers?: Record<string, string> },
  ): Promise<unknown>;
  setToken(token: string | undefined): void;
  hasToken(): boolean;
}

interface ZendeskErrorBody {
  error?: string | { title?: string; message?: string };
  description?: string;
  details?: Record<string, { description?: string; field_key?: number | string }[]>;
}

/**
 * Fetch with Zendesk's error conventions (developer.zendesk.com "Response format"): JSON bodies like
 * {"error":"RecordNotFound","description":"Not found"} or RecordInvalid with per-field details;
 * 429 carries Retry-After in seconds.
 */
export function createZendeskClient(origin: string, timeoutMs: number, fetchImpl: typeof fetch): ZendeskClient {
  let token: string | undefined;
  return {
    setToken(next) {
      token = next;
    },
    hasToken: () => token !== undefined,
    async call(method, path, what, init = {}) {
      const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
      if (token) headers.Authorization = `Bearer ${token}`;
      let body: BodyInit | undefined;
      if (init.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(init.json);
      } else if (init.body) {
        headers['Content-Type'] = init.contentType ?? 'application/binary';
        body = init.body;
      }
      return fetchJson(
        fetchImpl,
        `${origin}${path}`,
        { method, headers, ...(body === undefined ? {} : { body }) },
        { what, backend: 'Zendesk', timeoutMs, errorFrom },
      );
    },
  };
}

async function errorFrom(response: Response, what: string): Promise<AdapterError> {
  let detail = `${response.status} ${response.statusText}`.trim();
  let fieldKey: string | undefined;
  try {
    const body = (await response.clone().json()) as ZendeskErrorBody;
    const error = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.error?.title);
    const first = Object.values(body.details ?? {}).flat()[0];
    detail = [error, first?.description ?? body.description].filter(Boolean).join(': ') || detail;
    if (first?.field_key !== undefined) fieldKey = String(first.field_key);
  } catch {
    // An HTML page (unknown subdomain, closed Help Center): the status line says enough.
  }
  const mapped = adapterErrorFromStatus(response.status, `${what} failed: ${detail}`, retryAfterSeconds(response));
  if (fieldKey === undefined) return mapped;
  return new AdapterError(mapped.code, mapped.message, {
    status: response.status,
    retryable: mapped.retryable,
    field: `zendesk_field_${fieldKey}`,
  });
}

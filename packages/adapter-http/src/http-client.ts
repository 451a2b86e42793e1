import type { AdapterError } from '@helpline/core';
import ky, { HTTPError, type KyInstance, type Options } from 'ky';
import { errorFromResponse, networkError } from './errors.js';
import type { HttpAdapterDeps, HttpAdapterOptions } from './options.js';

export interface HttpClient {
  /** Sends a request under /v1 and returns the parsed JSON (or undefined for 204). */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    what: string,
    body?: unknown,
    searchParams?: Record<string, string>,
  ): Promise<unknown>;
  url(path: string): string;
  headers(): Record<string, string>;
  setToken(token: string | undefined): void;
  /** Called once on a 401 for an authenticated call; resolves when a fresh token is set. */
  onUnauthorized(handler: () => Promise<void>): void;
}

export function createHttpClient(options: HttpAdapterOptions, deps: HttpAdapterDeps): HttpClient {
  const prefix = `${options.baseUrl.replace(/\/+$/, '')}/v1`;
  let token: string | undefined;
  let refresh: (() => Promise<void>) | undefined;
  const headers = () => ({
    'X-Helpline-Key': options.workspaceKey,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  });
  const api: KyInstance = ky.create({
    prefixUrl: prefix,
    timeout: options.timeoutMs,
    retry: { limit: options.retries, methods: ['get'], statusCodes: [408, 429, 500, 502, 503, 504] },
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });

  async function send(
    method: string,
    path: string,
    what: string,
    body: unknown,
    searchParams?: Record<string, string>,
  ) {
    const init: Options = { method, headers: headers() };
    if (body !== undefined) init.json = body;
    if (searchParams) init.searchParams = searchParams;
    try {
      const response = await api(path.replace(/^\//, ''), init);
      if (response.status === 204) return undefined;
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch (error) {
      if (error instanceof HTTPError) throw await errorFromResponse(error.response, what);
      if (error instanceof SyntaxError) throw networkError(what, new Error('response is not JSON'));
      throw networkError(what, error);
    }
  }

  return {
    async request(method, path, what, body, searchParams) {
      try {
        return await send(method, path, what, body, searchParams);
      } catch (error) {
        const status = (error as AdapterError).status;
        if (status === 401 && token && refresh && !path.startsWith('/session')) {
          await refresh();
          return send(method, path, what, body, searchParams);
        }
        throw error;
      }
    },
    url: (path) => `${prefix}${path}`,
    headers,
    setToken(next) {
      token = next;
    },
    onUnauthorized(handler) {
      refresh = handler;
    },
  };
}

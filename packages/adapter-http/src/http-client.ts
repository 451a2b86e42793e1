import type { AdapterError } from '@helpline/core';
import { errorFromResponse, networkError } from './errors.js';
import type { HttpAdapterOptions } from './options.js';

export interface HttpClient {
  /**
   * Sends a request under /v1 and returns the parsed JSON (or undefined for 204). `as` is a session
   * token to send instead of the current one (ending a session the adapter no longer uses).
   */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    what: string,
    body?: unknown,
    searchParams?: Record<string, string>,
    as?: string,
  ): Promise<unknown>;
  /**
   * Runs a call of its own (an upload) as `request` runs its: between two sessions it waits for the
   * one being made, ending its token waits for it, and a 401 gets a new session and one more try.
   */
  authorized<T>(call: (headers: Record<string, string>) => Promise<T>): Promise<T>;
  url(path: string): string;
  headers(): Record<string, string>;
  token(): string | undefined;
  setToken(token: string | undefined): void;
  /** Called once on a 401 for an authenticated call; resolves when a fresh token is set. */
  onUnauthorized(handler: () => Promise<void>): void;
  /**
   * A session is being made (returned as given): calls without a token wait for it. `undefined`
   * after a logout: none is, and no call waits for (or fails with) one asked for before it.
   */
  making<T extends Promise<unknown> | undefined>(session: T): T;
  /**
   * Gets a new session (through the onUnauthorized handler) when `used` is still the current
   * token; callers refused together share one. A token that changed meanwhile is left as it is,
   * once a session being made has landed.
   */
  reauthorize(used: string | undefined): Promise<void>;
  /**
   * Resolves once every request that went out with this token has come back, however it ended (a
   * call refused and sent again with a new token counts under that one).
   */
  settled(token: string): Promise<void>;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * fetch with a timeout, JSON in and out, and retries of GETs (idempotent) on network errors and
 * 408/429/5xx with exponential backoff (Retry-After honoured up to 10 s). Writes are never retried
 * here: the outbox owns their retries, with idempotency keys. (ky did this for 5 KB gzip; this is
 * the part we use, for a tenth of it.)
 */
export function createHttpClient(
  options: HttpAdapterOptions,
  deps: { fetch: typeof fetch; sleep?: (ms: number) => Promise<void> },
): HttpClient {
  const prefix = `${options.baseUrl.replace(/\/+$/, '')}/v1`;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let token: string | undefined;
  let refresh: (() => Promise<void>) | undefined;
  /** The newest session asked for: a call between two sessions waits for it. */
  let session: Promise<unknown> | undefined;
  /** Calls on the wire by the token they carry. */
  const carrying = new Map<string, Set<Promise<unknown>>>();
  const track = (bearer: string, call: Promise<unknown>) => {
    const calls = carrying.get(bearer) ?? new Set();
    carrying.set(bearer, calls);
    calls.add(call);
    const done = () => {
      calls.delete(call);
      if (calls.size === 0) carrying.delete(bearer);
    };
    call.then(done, done);
  };
  const reauthorize = async (used: string | undefined): Promise<void> => {
    // The handler's connect clears the token before its first await: calls refused with the same
    // token join the session it makes instead of making more.
    if (refresh && token === used) refresh().catch(() => {});
    await session;
  };
  const headers = (bearer = token): Record<string, string> => ({
    'X-Helpline-Key': options.workspaceKey,
    ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
  });

  async function send(
    method: string,
    path: string,
    what: string,
    body: unknown,
    searchParams: Record<string, string> | undefined,
    bearer: string | undefined,
  ) {
    const query = searchParams ? `?${new URLSearchParams(searchParams)}` : '';
    const retries = method === 'GET' ? options.retries : 0;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        const base = headers(bearer);
        response = await deps.fetch(`${prefix}${path}${query}`, {
          method,
          headers: body === undefined ? base : { ...base, 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        if (attempt < retries) {
          await sleep(300 * 2 ** attempt);
          continue;
        }
        throw networkError(what, error);
      }
      if (response.ok) {
        if (response.status === 204) return undefined;
        const text = await response.text();
        try {
          return text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          throw networkError(what, new Error('response is not JSON'));
        }
      }
      if (attempt < retries && RETRY_STATUS.has(response.status)) {
        const after = Number(response.headers.get('retry-after'));
        await sleep(Number.isFinite(after) && after > 0 ? Math.min(after, 10) * 1000 : 300 * 2 ** attempt);
        continue;
      }
      throw await errorFromResponse(response, what);
    }
  }

  async function authorized<T>(call: (bearer: string | undefined) => Promise<T>, as?: string): Promise<T> {
    // Retries keep the token a request went out with, so ending that token can wait for them.
    const go = (bearer: string | undefined) => {
      const sent = call(bearer);
      if (bearer) track(bearer, sent);
      return sent;
    };
    // Between two sessions (identify): a call waits for the one being made, whose token it then
    // carries, rather than go without one.
    if (!(as ?? token)) await session?.catch(() => {});
    const used = as ?? token;
    try {
      return await go(used);
    } catch (error) {
      if ((error as AdapterError).status !== 401 || !refresh) throw error;
      await reauthorize(used);
      return go(token);
    }
  }

  return {
    request(method, path, what, body, searchParams, as) {
      const call = (bearer: string | undefined) => send(method, path, what, body, searchParams, bearer);
      // Making a session neither waits for one nor makes another when refused.
      return path === '/session' ? call(as ?? token) : authorized(call, as);
    },
    authorized: (call) => authorized((bearer) => call(headers(bearer))),
    url: (path) => `${prefix}${path}`,
    headers: () => headers(),
    token: () => token,
    setToken(next) {
      token = next;
    },
    onUnauthorized(handler) {
      refresh = handler;
    },
    making(next) {
      session = next;
      return next;
    },
    reauthorize,
    async settled(bearer) {
      await Promise.allSettled([...(carrying.get(bearer) ?? [])]);
    },
  };
}

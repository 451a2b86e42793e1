import type { FetchLike } from '../api/inbox-api.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Reply = { status?: number; body?: unknown } | Response;
export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

const json = (status: number, body: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });

/**
 * A stand-in for the server's agent API: routes are "METHOD /path" (query included) under
 * /agent/api. Every request is recorded; an unknown route answers 404 like the server does.
 */
export function fakeFetch(routes: Record<string, Handler | Reply>) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (input, init = {}) => {
    const path = input.replace(/^\/agent\/api/, '');
    const method = init.method ?? 'GET';
    // Lower-cased like HTTP/2: happy-dom's Headers keeps the spelling it was given.
    const headers = Object.fromEntries(
      [...new Headers(init.headers).entries()].map(([name, value]) => [name.toLowerCase(), value]),
    );
    const request: RecordedRequest = {
      method,
      path,
      headers,
      // JSON parsed; an upload's File as it was sent.
      body: typeof init.body === 'string' ? JSON.parse(init.body) : (init.body ?? undefined),
    };
    requests.push(request);
    const route = routes[`${method} ${path}`];
    if (!route) return json(404, { error: { code: 'not_found', message: `${method} ${path} not found` } });
    const reply = typeof route === 'function' ? await route(request) : route;
    if (reply instanceof Response) return reply;
    return json(reply.status ?? 200, reply.body);
  };
  return { fetch, requests };
}

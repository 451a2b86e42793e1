import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../testing/fake-fetch.js';
import { session } from '../testing/fixtures.js';
import { createInboxApi } from './inbox-api.js';
import { InboxApiError } from './inbox-api-error.js';

describe('inbox API client', () => {
  it('sends the CSRF token from login on writes only, with same-origin credentials', async () => {
    const seen: RequestInit[] = [];
    const server = fakeFetch({
      'POST /login': { body: session },
      'GET /queue': { body: { conversations: [], tickets: [] } },
      'POST /presence': { status: 204 },
    });
    const api = createInboxApi({
      fetch: (input, init) => {
        seen.push(init ?? {});
        return server.fetch(input, init);
      },
    });
    await api.login('alex@example.com', 'pw');
    await api.queue();
    await api.setPresence(true);
    expect(server.requests.map((request) => request.headers['x-csrf-token'])).toEqual([
      undefined,
      undefined,
      'csrf-123',
    ]);
    expect(seen.every((init) => init.credentials === 'same-origin')).toBe(true);
  });

  it("turns the server's error body into an InboxApiError with status, code and field", async () => {
    const api = createInboxApi({
      fetch: fakeFetch({
        'PATCH /tickets/t1': {
          status: 400,
          body: { error: { code: 'invalid_input', message: 'Ticket change: nothing to change', field: 'status' } },
        },
      }).fetch,
    });
    const error = await api.updateTicket('t1', {}).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(InboxApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', field: 'status' });
  });

  it('names the bad field when a response is malformed', async () => {
    const api = createInboxApi({
      fetch: fakeFetch({ 'GET /tickets/t1': { body: { ticket: { id: 't1' }, messages: [] } } }).fetch,
    });
    await expect(api.ticket('t1')).rejects.toThrow(/Malformed ticket.*ticket/);
  });

  it('answers null from me() when signed out and escapes ids in paths', async () => {
    const server = fakeFetch({ 'GET /me': { status: 401, body: { error: { code: 'unauthorized', message: 'x' } } } });
    const api = createInboxApi({ fetch: server.fetch });
    expect(await api.me()).toBeNull();
    await api.conversation('../me').catch(() => undefined);
    expect(server.requests.at(-1)?.path).toBe('/conversations/..%2Fme');
  });

  it('reports a non-JSON error page with its status', async () => {
    const api = createInboxApi({ fetch: async () => new Response('<html>bad gateway</html>', { status: 502 }) });
    await expect(api.queue()).rejects.toMatchObject({ status: 502, code: 'server' });
  });
});

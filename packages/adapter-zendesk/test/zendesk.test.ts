import { conformanceArticles } from '@helpline/adapter-testkit';
import { type AdapterError, isHelplineError, type SupportAdapter } from '@helpline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZendeskAdapter } from '../src/index.js';
import { type FakeZendesk, startFakeZendesk } from './fake-zendesk.js';

const ORDER_FIELD = 360_001;
const CATEGORY_FIELD = 360_002;
const visitor = { visitorId: 'visitor-12345678', user: { name: 'Ada Visitor', email: 'ada.visitor@example.com' } };
const signedIn = { visitorId: 'visitor-signed-in', verification: { jwt: 'token-ada-0001' } };

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (isHelplineError(error)) return error as AdapterError;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const ticketInput = (key: string, extra: Record<string, unknown> = {}) => ({
  subject: 'Payments page is blank',
  description: 'Since this morning the page shows nothing.',
  severity: 'P0' as const,
  category: 'bug' as const,
  fields: { order_id: 'A-1001' },
  attachmentIds: [],
  idempotencyKey: key,
  ...extra,
});

let zendesk: FakeZendesk;
let adapter: SupportAdapter;

beforeEach(async () => {
  zendesk = await startFakeZendesk({ articles: conformanceArticles, requiredFieldIds: [ORDER_FIELD] });
  adapter = createZendeskAdapter({
    baseUrl: zendesk.origin,
    ticketFields: [{ id: 'order_id', label: 'Order number', type: 'text', required: true, zendeskId: ORDER_FIELD }],
    categoryFieldId: CATEGORY_FIELD,
  });
});
afterEach(() => zendesk.close());

describe('options', () => {
  it('refuses both subdomain and baseUrl, naming the field', () => {
    let error: unknown;
    try {
      createZendeskAdapter({ subdomain: 'acme', baseUrl: 'https://acme.example.com' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'invalid_option', field: 'subdomain' });
  });

  it('talks to https://{subdomain}.zendesk.com', async () => {
    const urls: string[] = [];
    const recording = createZendeskAdapter(
      { subdomain: 'acme' },
      {
        fetch: async (url) => {
          urls.push(String(url));
          return new Response(JSON.stringify({ user: { id: null, name: 'Anonymous user' } }));
        },
      },
    );
    await recording.connect(visitor);
    expect(urls).toEqual(['https://acme.zendesk.com/api/v2/users/me']);
  });
});

describe('the email a visitor the host has not named gives (contact)', () => {
  const unnamed = { visitorId: 'visitor-unnamed-01' };
  const requesterSent = () => {
    const post = zendesk.seen.findLast((r) => r.method === 'POST' && r.path === '/api/v2/requests');
    return (post?.body as { request?: { requester?: unknown } } | undefined)?.request?.requester;
  };

  it('asks for it on the ticket form and makes it the anonymous request’s requester', async () => {
    await adapter.connect(unnamed);
    expect(adapter.capabilities.contact).toBe(true);
    expect((await adapter.getTicketForm?.())?.contactRequired).toBe(true);
    await adapter.setContact?.({ email: 'reach.me@example.com', name: 'Ada' });
    await adapter.createTicket?.(ticketInput('ticket-contact-01'));
    expect(requesterSent()).toEqual({ name: 'Ada', email: 'reach.me@example.com' });
  });

  it('leaves the host’s email first, is not required when the host gave one, and is forgotten on disconnect', async () => {
    await adapter.connect(visitor);
    expect((await adapter.getTicketForm?.())?.contactRequired).toBe(false);
    await adapter.setContact?.({ email: 'other@example.com' });
    await adapter.createTicket?.(ticketInput('ticket-contact-02'));
    expect(requesterSent()).toEqual({ name: 'Ada Visitor', email: 'ada.visitor@example.com' });

    await adapter.disconnect?.();
    await adapter.connect(unnamed);
    await adapter.createTicket?.(ticketInput('ticket-contact-03'));
    expect(requesterSent()).toEqual({ name: 'Website visitor' });
  });

  it('is not asked of a signed-in end user, whose account has their email', async () => {
    await adapter.connect(signedIn);
    expect(adapter.capabilities.contact).toBe(false);
    expect((await adapter.getTicketForm?.())?.contactRequired).toBe(false);
    expect(await failure(adapter.setContact?.({ email: 'ada@example.com' }) ?? Promise.resolve())).toMatchObject({
      code: 'unsupported',
    });
  });

  it('refuses what is not an email, naming the field', async () => {
    await adapter.connect(unnamed);
    expect(await failure(adapter.setContact?.({ email: 'ada' }) ?? Promise.resolve())).toMatchObject({
      code: 'invalid_input',
      field: 'email',
    });
  });
});

describe('anonymous requester', () => {
  beforeEach(() => adapter.connect(visitor));

  it('creates a request with priority, custom fields, requester and a readable context block', async () => {
    const ticket = await adapter.createTicket?.({
      ...ticketInput('ticket-key-0001'),
      context: {
        capturedAt: new Date().toISOString(),
        page: { url: 'https://app.example.com/payments', path: '/payments', title: 'Payments' },
        routeTrail: [],
        breadcrumbs: [
          { type: 'console', level: 'error', message: 'TypeError: x is undefined', at: new Date().toISOString() },
        ],
        selfService: [],
        custom: { plan: 'pro' },
      },
    });
    expect(ticket).toMatchObject({
      severity: 'P0',
      priority: 'urgent',
      category: 'bug',
      status: 'new',
      fields: { order_id: 'A-1001' },
    });
    expect(ticket?.description).toBe('Since this morning the page shows nothing.');
    expect(Date.parse(ticket?.firstResponseDueAt ?? '')).toBe(Date.parse(ticket?.createdAt ?? '') + 15 * 60_000);
    const post = zendesk.seen.find((r) => r.method === 'POST' && r.path === '/api/v2/requests');
    expect(post?.headers['idempotency-key']).toBe('ticket-key-0001');
    const sent = (post?.body as { request: Record<string, unknown> } | undefined)?.request ?? {};
    expect(sent).toMatchObject({
      subject: 'Payments page is blank',
      priority: 'urgent',
      requester: { name: 'Ada Visitor', email: 'ada.visitor@example.com' },
      custom_fields: [
        { id: ORDER_FIELD, value: 'A-1001' },
        { id: CATEGORY_FIELD, value: 'bug' },
      ],
    });
    const body = (sent.comment as { body: string }).body;
    expect(body).toContain('Path: /payments');
    expect(body).toContain('Console error: TypeError: x is undefined');
    expect(body).toContain('Helpline reference: ticket-key-0001');
  });

  it('maps severities to Zendesk priorities', async () => {
    const priorities = [];
    for (const severity of ['P1', 'P2', 'P3'] as const) {
      priorities.push((await adapter.createTicket?.(ticketInput(`ticket-sev-${severity}`, { severity })))?.priority);
    }
    expect(priorities).toEqual(['high', 'normal', 'low']);
  });

  it('stores a retried submit once', async () => {
    const first = await adapter.createTicket?.(ticketInput('ticket-key-0002'));
    const second = await adapter.createTicket?.(ticketInput('ticket-key-0002'));
    expect(second?.id).toBe(first?.id);
    expect(zendesk.requests.size).toBe(1);
  });

  it('refuses a missing required field before sending, naming it', async () => {
    const error = await failure(
      adapter.createTicket?.(ticketInput('ticket-key-0003', { fields: {} })) ?? Promise.resolve(),
    );
    expect(error).toMatchObject({ code: 'invalid_input', field: 'fields.order_id' });
    expect(zendesk.requests.size).toBe(0);
  });

  it("surfaces Zendesk's RecordInvalid for a field the form does not know is required", async () => {
    const loose = createZendeskAdapter({ baseUrl: zendesk.origin });
    await loose.connect(visitor);
    const error = await failure(
      loose.createTicket?.(ticketInput('ticket-key-0004', { fields: {} })) ?? Promise.resolve(),
    );
    expect(error).toMatchObject({ code: 'invalid_input', status: 422, field: `zendesk_field_${ORDER_FIELD}` });
    // A form that maps the field but does not mark it required gets the error under the field's own id.
    const mapped = createZendeskAdapter({
      baseUrl: zendesk.origin,
      ticketFields: [{ id: 'order_id', label: 'Order number', type: 'text', zendeskId: ORDER_FIELD }],
    });
    await mapped.connect(visitor);
    const named = await failure(
      mapped.createTicket?.(ticketInput('ticket-key-0007', { fields: {} })) ?? Promise.resolve(),
    );
    expect(named).toMatchObject({ code: 'invalid_input', status: 422, field: 'fields.order_id' });
  });

  it('uploads a file and attaches its token to the request', async () => {
    const data = new Blob(['hello'], { type: 'text/plain' });
    const attachment = await adapter.uploadAttachment?.({
      name: 'notes.txt',
      type: 'text/plain',
      size: data.size,
      data,
    });
    expect(attachment).toMatchObject({ name: 'notes.txt', type: 'text/plain', size: 5 });
    const ticket = await adapter.createTicket?.(ticketInput('ticket-key-0005', { attachmentIds: [attachment?.id] }));
    expect(ticket?.attachments.map((a) => a.name)).toEqual(['notes.txt']);
    const sent = zendesk.seen.find((r) => r.path === '/api/v2/requests')?.body as {
      request: { comment: { uploads: string[] } };
    };
    expect(sent.request.comment.uploads).toEqual([attachment?.id]);
  });

  it('refuses a disallowed file type without uploading, and an unknown upload token at Zendesk', async () => {
    const exe = new Blob(['MZ'], { type: 'application/x-msdownload' });
    const refused = await failure(
      adapter.uploadAttachment?.({ name: 'a.exe', type: 'application/x-msdownload', size: 2, data: exe }) ??
        Promise.resolve(),
    );
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'type' });
    expect(zendesk.seen.some((r) => r.path === '/api/v2/uploads')).toBe(false);
    const unknown = await failure(
      adapter.createTicket?.(ticketInput('ticket-key-0006', { attachmentIds: ['no-such-token'] })) ?? Promise.resolve(),
    );
    expect(unknown).toMatchObject({ code: 'invalid_input', status: 422 });
  });

  it('shows what it submitted this session, but cannot read other requests back', async () => {
    const ticket = await adapter.createTicket?.(ticketInput('ticket-key-0008'));
    const thread = await adapter.getTicket?.(ticket?.id ?? '');
    expect(thread?.messages.map((m) => m.body)).toEqual(['Since this morning the page shows nothing.']);
    expect(await failure(adapter.getTicket?.('12345') ?? Promise.resolve())).toMatchObject({ code: 'unauthorized' });
  });

  it('cannot list requests or vote: Zendesk needs a signed-in end user', async () => {
    expect(adapter.capabilities.ticketList).toBe(false);
    expect(await failure(adapter.listTickets?.() ?? Promise.resolve())).toMatchObject({ code: 'unauthorized' });
    const [hit] = (await adapter.searchArticles?.('refund')) ?? [];
    expect(await failure(adapter.rateArticle?.(hit?.id ?? '', true) ?? Promise.resolve())).toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
  });
});

describe('signed-in end user', () => {
  beforeEach(() => adapter.connect(signedIn));

  it('connects verified and lists its requests with mapped statuses', async () => {
    expect(adapter.capabilities.ticketList).toBe(true);
    const ticket = await adapter.createTicket?.(ticketInput('ticket-key-0101'));
    zendesk.agent.setTicketStatus(ticket?.id ?? '', 'open');
    const requestHold = zendesk.requests.get(Number(ticket?.id));
    if (requestHold) requestHold.status = 'hold';
    const [listed] = (await adapter.listTickets?.()) ?? [];
    expect(listed).toMatchObject({ id: ticket?.id, status: 'open', category: 'bug', fields: { order_id: 'A-1001' } });
    expect(zendesk.seen.find((r) => r.path === '/api/v2/requests' && r.method === 'POST')?.body).not.toHaveProperty(
      'request.requester',
    );
  });

  it('reads the thread with agent replies and posts a reply', async () => {
    const ticket = await adapter.createTicket?.(ticketInput('ticket-key-0102'));
    const id = ticket?.id ?? '';
    zendesk.agent.reply(id, 'We are looking into it.');
    const thread = await adapter.getTicket?.(id);
    expect(thread?.ticket.status).toBe('pending');
    expect(thread?.messages.map((m) => [m.author.type, m.body])).toEqual([
      ['user', 'Since this morning the page shows nothing.'],
      ['agent', 'We are looking into it.'],
    ]);
    const reply = await adapter.replyToTicket?.(id, {
      body: 'Thanks!',
      attachmentIds: [],
      idempotencyKey: 'reply-key-0001',
    });
    expect(reply).toMatchObject({ body: 'Thanks!', author: { type: 'user' }, idempotencyKey: 'reply-key-0001' });
    const again = await adapter.replyToTicket?.(id, {
      body: 'Thanks!',
      attachmentIds: [],
      idempotencyKey: 'reply-key-0001',
    });
    expect(again?.id).toBe(reply?.id);
    expect(zendesk.comments.filter((c) => c.body === 'Thanks!')).toHaveLength(1);
    const empty = await failure(
      adapter.replyToTicket?.(id, { body: '  ', attachmentIds: [], idempotencyKey: 'reply-key-0002' }) ??
        Promise.resolve(),
    );
    expect(empty).toMatchObject({ code: 'invalid_input', field: 'body' });
  });

  it('finds a request an earlier page session already created instead of creating it again', async () => {
    const first = await adapter.createTicket?.(ticketInput('ticket-key-0103'));
    const reloaded = createZendeskAdapter({
      baseUrl: zendesk.origin,
      ticketFields: [{ id: 'order_id', label: 'Order number', type: 'text', required: true, zendeskId: ORDER_FIELD }],
    });
    await reloaded.connect(signedIn);
    const second = await reloaded.createTicket?.(ticketInput('ticket-key-0103'));
    expect(second?.id).toBe(first?.id);
    expect(zendesk.requests.size).toBe(1);
  });

  it('votes on articles', async () => {
    const [hit] = (await adapter.searchArticles?.('refund')) ?? [];
    await adapter.rateArticle?.(hit?.id ?? '', false);
    expect(zendesk.votes).toEqual([expect.objectContaining({ articleId: Number(hit?.id), value: -1 })]);
  });

  it('does not show another user’s request', async () => {
    const ticket = await adapter.createTicket?.(ticketInput('ticket-key-0104'));
    const bob = createZendeskAdapter({ baseUrl: zendesk.origin });
    await bob.connect({ visitorId: 'visitor-bob-0001', verification: { jwt: 'token-bob-0001' } });
    expect(await failure(bob.getTicket?.(ticket?.id ?? '') ?? Promise.resolve())).toMatchObject({ code: 'not_found' });
  });
});

describe('help center', () => {
  it('turns <em> snippets into plain text with highlight offsets', async () => {
    const hits = (await adapter.searchArticles?.('refund')) ?? [];
    const hit = hits.find((h) => h.title === 'Refunding a payment');
    expect(hit?.snippet).not.toMatch(/<|>/);
    const marked = hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end).toLowerCase()) ?? [];
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word.startsWith('refund')).toBe(true);
    expect(zendesk.seen.at(-1)?.path).toBe('/api/v2/help_center/articles/search');
  });

  it('loads an article and answers an unknown one with not_found', async () => {
    const [hit] = (await adapter.searchArticles?.('export')) ?? [];
    const article = await adapter.getArticle?.(hit?.id ?? '');
    expect(article).toMatchObject({
      title: 'Exporting reports',
      summary: expect.stringContaining('Reports can be exported'),
    });
    expect(await failure(adapter.getArticle?.('999999') ?? Promise.resolve())).toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });
});

describe('errors', () => {
  it('refuses an unknown token as unauthorized', async () => {
    const error = await failure(
      adapter.connect({ visitorId: 'visitor-12345678', verification: { jwt: 'token-forged' } }),
    );
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, retryable: false });
  });

  it('answers an unknown subdomain with not_found', async () => {
    const closed = await startFakeZendesk({ closed: true });
    const error = await failure(createZendeskAdapter({ baseUrl: closed.origin }).connect(visitor));
    await closed.close();
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('maps a malformed answer to invalid_response', async () => {
    zendesk.agent.failNext('malformed');
    expect(await failure(adapter.searchArticles?.('refund') ?? Promise.resolve())).toMatchObject({
      code: 'invalid_response',
    });
  });

  it('maps 429 to a retryable rate_limited error with Retry-After', async () => {
    zendesk.agent.failNext(429);
    expect(await failure(adapter.connect(visitor))).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      retryAfter: 7,
    });
  });

  it('maps a dropped connection to a retryable network error', async () => {
    zendesk.agent.failNext('network');
    expect(await failure(adapter.connect(visitor))).toMatchObject({ code: 'network', retryable: true });
  });
});

import { firstResponseDue } from '@helpline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type RunningServer } from '../src/index.js';
import { type Call, hmac, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let client: WidgetClient;
beforeAll(async () => {
  server = await startTestServer();
  client = new WidgetClient(server.url);
  await client.session({ user: { id: 'u-tickets', name: 'Lin' } });
});
afterAll(() => server?.close());

const ticket = (overrides: Record<string, unknown> = {}) => ({
  subject: 'Cannot download invoice PDF',
  description: 'The button spins forever.',
  severity: 'P1',
  category: 'bug',
  fields: { affected_area: 'invoices' },
  attachmentIds: [],
  idempotencyKey: key(),
  ...overrides,
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n');
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0]);

describe('tickets', () => {
  it('serves the demo form with custom fields and SLA targets', async () => {
    const form = await client.call('GET', '/v1/tickets/form');
    expect(form.status).toBe(200);
    expect(form.body.fields.map((f: { id: string }) => f.id)).toEqual(['affected_area', 'invoice_number']);
    expect(form.body.fields[0]).toMatchObject({ type: 'select', required: true });
    expect(form.body.firstResponseMinutes).toEqual({ P0: 15, P1: 60, P2: 240, P3: 1440 });
  });

  it('creates a ticket with a reference, priority and first-response due time from the SLA', async () => {
    const created = await client.call('POST', '/v1/tickets', ticket());
    expect(created.status).toBe(201);
    expect(created.body.reference).toMatch(/^HL-10\d\d$/);
    expect(created.body).toMatchObject({ status: 'new', priority: 'high', severity: 'P1' });
    const due = Date.parse(created.body.firstResponseDueAt) - Date.parse(created.body.createdAt);
    expect(due).toBe(60 * 60_000);
    const next = await client.call('POST', '/v1/tickets', ticket({ severity: 'P3' }));
    expect(Number(next.body.reference.slice(3))).toBe(Number(created.body.reference.slice(3)) + 1);
    expect(next.body.priority).toBe('low');
  });

  it('bumps priority one level for verified enterprise accounts', async () => {
    const enterprise = new WidgetClient(server.url);
    await enterprise.session({
      user: { id: 'u-enterprise' },
      account: { id: 'acme', plan: 'enterprise' },
      verification: { userHash: hmac('u-enterprise') },
    });
    const created = await enterprise.call('POST', '/v1/tickets', ticket({ severity: 'P2' }));
    expect(created.body.priority).toBe('high');
  });

  it('counts the SLA in business hours when the workspace has them', async () => {
    const hours = {
      timezone: 'Europe/Berlin',
      days: {
        '1': [['09:00', '17:00']],
        '2': [['09:00', '17:00']],
        '3': [['09:00', '17:00']],
        '4': [['09:00', '17:00']],
        '5': [['09:00', '17:00']],
      },
    } as const;
    await createWorkspace(server.db, {
      name: 'Hours',
      publicKey: 'hours-key',
      settings: { businessHours: { ...hours, alwaysOpen: false } as never },
    });
    const other = new WidgetClient(server.url, 'hours-key');
    await other.session();
    const created = await other.call('POST', '/v1/tickets', ticket({ fields: {} }));
    expect(created.status).toBe(201);
    const expected = firstResponseDue(new Date(created.body.createdAt), 'P1', { hours });
    expect(created.body.firstResponseDueAt).toBe(expected.toISOString());
  });

  it('validates custom fields against the form, naming the field', async () => {
    const missing = await client.call('POST', '/v1/tickets', ticket({ fields: {} }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('fields.affected_area');
    const wrongOption = await client.call('POST', '/v1/tickets', ticket({ fields: { affected_area: 'kitchen' } }));
    expect(wrongOption.body.error.field).toBe('fields.affected_area');
    const unknown = await client.call(
      'POST',
      '/v1/tickets',
      ticket({ fields: { affected_area: 'other', colour: 'red' } }),
    );
    expect(unknown.body.error.field).toBe('fields.colour');
    const badSeverity = await client.call('POST', '/v1/tickets', ticket({ severity: 'P9' }));
    expect(badSeverity.body.error.field).toBe('severity');
    const billing = await client.call(
      'POST',
      '/v1/tickets',
      ticket({ category: 'billing_access', fields: { affected_area: 'payments', invoice_number: 'INV-7' } }),
    );
    expect(billing.body.fields).toEqual({ affected_area: 'payments', invoice_number: 'INV-7' });
  });

  it('stores a ticket once per idempotency key, lists it and takes replies', async () => {
    const idempotencyKey = key();
    const first = await client.call('POST', '/v1/tickets', ticket({ idempotencyKey }));
    const again = await client.call('POST', '/v1/tickets', ticket({ idempotencyKey, subject: 'Other subject' }));
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const list = await client.call('GET', '/v1/tickets');
    expect(list.body.filter((t: { id: string }) => t.id === first.body.id)).toHaveLength(1);
    const reply = await client.call('POST', `/v1/tickets/${first.body.id}/replies`, {
      body: 'More detail',
      idempotencyKey: key(),
    });
    expect(reply.status).toBe(201);
    const thread = await client.call('GET', `/v1/tickets/${first.body.id}`);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual(['More detail']);
  });
});

describe('attachments', () => {
  it('accepts a PNG, serves it back from its signed URL with safe headers', async () => {
    const uploaded = await client.call('POST', '/v1/attachments', PNG, {
      'Content-Type': 'image/png',
      'X-Filename': encodeURIComponent('screen shot.png'),
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'screen shot.png', type: 'image/png', size: PNG.length });
    const download = await fetch(uploaded.body.url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG);
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(download.headers.get('Content-Security-Policy')).toContain('sandbox');
    expect(download.headers.get('Content-Disposition')).toMatch(/^inline/);
    expect((await fetch(uploaded.body.url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
  });

  it('serves non-images as downloads and attaches uploads to messages', async () => {
    const uploaded = await client.call('POST', '/v1/attachments', PDF, {
      'Content-Type': 'application/pdf',
      'X-Filename': 'invoice.pdf',
    });
    expect(uploaded.status).toBe(201);
    const download = await fetch(uploaded.body.url);
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment/);
    const started = await client.call('POST', '/v1/conversations', {
      body: 'see file',
      attachmentIds: [uploaded.body.id],
      idempotencyKey: key(),
    });
    expect(started.body.message.attachments[0]).toMatchObject({
      id: uploaded.body.id,
      name: 'invoice.pdf',
      type: 'application/pdf',
    });
  });

  it('refuses unknown types and types that do not match the declared one with 415', async () => {
    const zip = await client.call('POST', '/v1/attachments', ZIP, {
      'Content-Type': 'application/zip',
      'X-Filename': 'a.zip',
    });
    expect(zip.status).toBe(415);
    const disguised = await client.call('POST', '/v1/attachments', PDF, {
      'Content-Type': 'image/png',
      'X-Filename': 'x.png',
    });
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.message).toContain('application/pdf');
  });
});

describe('limits', () => {
  let strict: RunningServer;
  beforeAll(async () => {
    strict = await startTestServer(
      {
        seedDemo: false,
        maxAttachmentBytes: 64,
        rateLimit: { visitor: { capacity: 3, refillPerSecond: 0.01 }, ip: { capacity: 1000, refillPerSecond: 100 } },
      },
      { db: server.db },
    );
  });
  afterAll(() => strict?.close());

  it("answers 429 with Retry-After once a visitor's bucket is empty", async () => {
    const limited = new WidgetClient(strict.url);
    await limited.session();
    const statuses: number[] = [];
    let last: Call | undefined;
    for (let i = 0; i < 4; i++) {
      last = await limited.call('GET', '/v1/kb/search?q=refund');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(last?.body.error.code).toBe('rate_limited');
  });

  it('limits requests per IP address before any key or token is checked', async () => {
    const perIp = await startTestServer(
      {
        seedDemo: false,
        rateLimit: { visitor: { capacity: 100, refillPerSecond: 1 }, ip: { capacity: 2, refillPerSecond: 0.01 } },
      },
      { db: server.db },
    );
    try {
      const anyone = new WidgetClient(perIp.url, 'not-even-a-key');
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await anyone.call('GET', '/v1/availability')).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await perIp.close();
    }
  });

  it('answers 413 to an upload over the size cap', async () => {
    const uploader = new WidgetClient(strict.url);
    await uploader.session();
    const big = new TextEncoder().encode('x'.repeat(200));
    const result = await uploader.call('POST', '/v1/attachments', big, {
      'Content-Type': 'text/plain',
      'X-Filename': 'big.txt',
    });
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('payload_too_large');
  });
});

import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/escalation/sign.ts';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { AGENT_PASSWORD, key, startTestServer, WidgetClient } from './test-server.js';

const TRACKER_SECRET = 'tracker-secret-0123456789';
const SLACK_SECRET = 'slack-secret-0123456789ab';

interface Received {
  path: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A local webhook receiver: answers 503 while `failures` lasts, then 200; resolves waiters per request. */
class Receiver {
  server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    this.received.push({ path: req.url ?? '', body, headers: req.headers });
    if (this.failures > 0) {
      this.failures -= 1;
      res.writeHead(503).end();
    } else res.writeHead(200).end('ok');
    for (const waiter of [...this.waiters]) waiter();
  });
  received: Received[] = [];
  failures = 0;
  private waiters = new Set<() => void>();
  url = '';

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once `count` requests have arrived. */
  until(count: number): Promise<Received[]> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.received.length >= count) {
          this.waiters.delete(check);
          resolve(this.received.slice(0, count));
        }
      };
      this.waiters.add(check);
      check();
    });
  }
}

const tracker = new Receiver();
const slack = new Receiver();
let server: RunningServer;
let agent: AgentClient;
let visitor: WidgetClient;

beforeAll(async () => {
  await Promise.all([tracker.start(), slack.start()]);
  server = await startTestServer({
    webhooks: [
      { id: 'tracker', url: `${tracker.url}/hooks/helpline`, secret: TRACKER_SECRET, events: ['escalation'] },
      {
        id: 'slack',
        url: `${slack.url}/services/T0/B0/x`,
        secret: SLACK_SECRET,
        format: 'slack',
        events: ['p0_ticket'],
      },
    ],
    webhookRetry: { maxAttempts: 3, baseDelayMs: 1 },
  });
  agent = new AgentClient(server.url);
  await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
  visitor = new WidgetClient(server.url);
  await visitor.session({ user: { id: 'escalation-user', name: 'Dana', email: 'dana@example.com' } });
});
afterAll(async () => {
  await server?.close();
  tracker.server.close();
  slack.server.close();
});

const context = {
  capturedAt: new Date().toISOString(),
  page: { url: 'https://app.test/billing/retry', path: '/billing/retry', title: 'Retry payment' },
  routeTrail: [
    { path: '/dashboard', at: '2026-11-29T09:58:00.000Z' },
    { path: '/billing/retry', title: 'Retry payment', at: '2026-11-29T09:59:00.000Z' },
  ],
  account: { id: 'northwind', name: 'Northwind', plan: 'pro', seats: 40 },
  breadcrumbs: [
    {
      type: 'request',
      method: 'POST',
      url: '/api/payments/retry',
      status: 502,
      durationMs: 812,
      at: '2026-11-29T09:59:30.000Z',
    },
    { type: 'console', level: 'error', message: 'Payment retry failed 502', at: '2026-11-29T09:59:31.000Z' },
  ],
  selfService: [
    { kind: 'answer', ref: 'answer-1', title: 'Update your payment method › Retrying', at: '2026-11-29T09:59:40.000Z' },
  ],
};

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function newTicket(overrides: Record<string, unknown> = {}) {
  const created = await visitor.call('POST', '/v1/tickets', {
    subject: 'Payments fail with 502',
    description: 'Retry does nothing.',
    severity: 'P1',
    category: 'bug',
    fields: { affected_area: 'invoices' },
    attachmentIds: [],
    idempotencyKey: key(),
    context,
    ...overrides,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; reference: string };
}

const deliveriesFor = async (payloadId: string) =>
  ((await agent.call('GET', '/webhooks/deliveries')).body.deliveries as { payloadId: string; attempt: number }[])
    .filter((entry) => entry.payloadId === payloadId)
    .sort((a, b) => a.attempt - b.attempt);

describe('escalation to engineering', () => {
  it('posts a signed payload with repro steps, failed requests and account, retrying after a 503', async () => {
    const upload = await visitor.call('POST', '/v1/attachments', PNG, {
      'Content-Type': 'image/png',
      'X-Filename': 'screen.png',
    });
    const ticket = await newTicket({ attachmentIds: [upload.body.id] });
    tracker.failures = 1;
    const before = tracker.received.length;

    const refused = await agent.call('POST', `/tickets/${ticket.id}/escalate`, { note: 'x' }, { csrf: false });
    expect(refused.status).toBe(403);
    const escalated = await agent.call('POST', `/tickets/${ticket.id}/escalate`, { note: 'Reproduced on staging' });
    expect(escalated.status).toBe(202);
    expect(escalated.body.endpoints).toBe(1);

    const [failed, delivered] = (await tracker.until(before + 2)).slice(before);
    expect(failed?.body).toBe(delivered?.body);
    expect(delivered?.path).toBe('/hooks/helpline');
    expect(delivered?.headers['x-helpline-event']).toBe('escalation');
    expect(
      verifyWebhook(
        delivered?.body ?? '',
        String(delivered?.headers['x-helpline-signature']),
        TRACKER_SECRET,
        new Date(),
      ),
    ).toBe(true);
    expect(
      verifyWebhook(
        delivered?.body ?? '',
        String(delivered?.headers['x-helpline-signature']),
        SLACK_SECRET,
        new Date(),
      ),
    ).toBe(false);
    const payload = JSON.parse(delivered?.body ?? '{}');
    expect(payload).toMatchObject({
      type: 'escalation',
      id: escalated.body.escalationId,
      workspace: { name: expect.any(String) },
      source: {
        kind: 'ticket',
        id: ticket.id,
        reference: ticket.reference,
        url: `${server.url}/inbox/tickets/${ticket.id}`,
      },
      summary: 'Payments fail with 502',
      severity: 'P1',
      category: 'bug',
      note: 'Reproduced on staging',
      escalatedBy: { name: expect.any(String) },
      customer: {
        user: { id: 'escalation-user', name: 'Dana' },
        account: { name: 'Northwind', plan: 'pro', seats: 40 },
      },
      page: { url: 'https://app.test/billing/retry', title: 'Retry payment' },
      reproSteps: [
        '2026-11-29T09:58:00.000Z visited /dashboard',
        '2026-11-29T09:59:00.000Z visited /billing/retry (Retry payment)',
      ],
      failedRequests: [{ method: 'POST', url: '/api/payments/retry', status: 502, durationMs: 812 }],
      consoleErrors: ['[error] Payment retry failed 502'],
      alreadyTried: ['answer: Update your payment method › Retrying'],
    });
    expect(payload.attachments).toHaveLength(1);
    expect(payload.attachments[0].name).toBe('screen.png');
    const download = await fetch(payload.attachments[0].url);
    expect(download.status).toBe(200);

    await expect
      .poll(() => deliveriesFor(payload.id))
      .toMatchObject([
        {
          endpointId: 'tracker',
          event: 'escalation',
          attempt: 1,
          status: 503,
          ok: false,
          error: 'receiver answered 503',
          source: { kind: 'ticket', id: ticket.id, reference: ticket.reference },
        },
        { endpointId: 'tracker', attempt: 2, status: 200, ok: true },
      ]);
    const detail = await agent.call('GET', `/tickets/${ticket.id}`);
    expect(detail.body.history).toContainEqual(
      expect.objectContaining({ field: 'escalation', to: 'Reproduced on staging' }),
    );
  });

  it('escalates a conversation with its snapshot and an empty body', async () => {
    const started = await visitor.call('POST', '/v1/conversations', {
      body: 'Checkout is broken',
      attachmentIds: [],
      idempotencyKey: key(),
      context,
    });
    expect(started.status).toBe(201);
    const before = tracker.received.length;
    const escalated = await agent.call('POST', `/conversations/${started.body.conversation.id}/escalate`);
    expect(escalated.status).toBe(202);
    const [delivered] = (await tracker.until(before + 1)).slice(before);
    const payload = JSON.parse(delivered?.body ?? '{}');
    expect(payload).toMatchObject({
      source: { kind: 'conversation', id: started.body.conversation.id },
      summary: expect.stringContaining('Checkout is broken'),
      failedRequests: [{ status: 502 }],
    });
    expect(payload.note).toBeUndefined();
  });

  it('refuses unknown threads and a bad note, naming the field', async () => {
    expect((await agent.call('POST', '/tickets/nope/escalate', {})).status).toBe(404);
    expect((await agent.call('POST', '/conversations/nope/escalate', {})).status).toBe(404);
    const ticket = await newTicket();
    const bad = await agent.call('POST', `/tickets/${ticket.id}/escalate`, { note: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('note');
    expect((await fetch(`${server.url}/agent/api/webhooks/deliveries`)).status).toBe(401);
  });

  it('notifies p0_ticket subscribers (Slack format) as soon as a P0 ticket is created', async () => {
    const before = slack.received.length;
    const ticket = await newTicket({ severity: 'P0', subject: 'Everything is down' });
    const [message] = (await slack.until(before + 1)).slice(before);
    expect(message?.headers['x-helpline-event']).toBe('p0_ticket');
    expect(
      verifyWebhook(message?.body ?? '', String(message?.headers['x-helpline-signature']), SLACK_SECRET, new Date()),
    ).toBe(true);
    const body = JSON.parse(message?.body ?? '{}');
    expect(body.text).toContain('Everything is down');
    expect(JSON.stringify(body.blocks)).toContain(`/inbox/tickets/${ticket.id}`);
    // A P1 ticket pages nobody.
    await newTicket({ severity: 'P1' });
    expect(slack.received.length).toBe(before + 1);
  });
});

describe('escalation without endpoints', () => {
  it('says no endpoint subscribes instead of pretending it was sent', async () => {
    const bare = await startTestServer();
    try {
      const client = new AgentClient(bare.url);
      await client.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
      const widget = new WidgetClient(bare.url);
      await widget.session({ user: { id: 'lonely' } });
      const started = await widget.call('POST', '/v1/conversations', {
        body: 'hi',
        attachmentIds: [],
        idempotencyKey: key(),
      });
      const result = await client.call('POST', `/conversations/${started.body.conversation.id}/escalate`, {});
      expect(result.status).toBe(409);
      expect(result.body.error.message).toMatch(/webhooks/);
      expect((await client.call('GET', '/webhooks/deliveries')).body).toEqual({ endpoints: [], deliveries: [] });
    } finally {
      await bare.close();
    }
  });
});

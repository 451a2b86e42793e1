import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContextSnapshot } from '@helpline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeliveryAttempt, deliverWebhook, WebhookEndpoint } from '../src/escalation/deliver.ts';
import { buildEscalationPayload } from '../src/escalation/payload.ts';
import { signWebhook, verifyWebhook } from '../src/escalation/sign.ts';

const context: ContextSnapshot = {
  capturedAt: '2026-11-29T10:00:00.000Z',
  page: { url: 'https://app.example/billing', path: '/billing', title: 'Billing' },
  routeTrail: [
    { path: '/dashboard', at: '2026-11-29T09:58:00.000Z' },
    { path: '/billing', title: 'Billing', at: '2026-11-29T09:59:00.000Z' },
  ],
  user: { id: 'u1', name: 'Dana', email: 'dana@example.com' },
  account: { id: 'a1', name: 'Northwind', plan: 'enterprise', seats: 240 },
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
    {
      kind: 'article',
      ref: 'update-payment-method',
      title: 'Update your payment method',
      at: '2026-11-29T09:59:40.000Z',
    },
  ],
  custom: {},
};

const payload = buildEscalationPayload({
  type: 'escalation',
  id: 'esc-1',
  now: new Date('2026-11-29T10:01:00.000Z'),
  workspace: { id: 'w1', name: 'Demo' },
  source: { kind: 'ticket', id: 't1', reference: 'HL-1001' },
  summary: 'Payments fail with 502',
  severity: 'P1',
  category: 'billing_access',
  verified: true,
  context,
  attachments: [{ name: 'screenshot.png', url: 'https://support.example/v1/attachments/x?sig=y' }],
});

// A local receiver standing in for an issue tracker and a Slack incoming webhook.
let server: Server;
let base: string;
const received: { path: string; body: string; signature: string }[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    received.push({ path: req.url ?? '', body, signature: String(req.headers['x-helpline-signature']) });
    if (req.url === '/gone') return res.writeHead(410).end();
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return res.writeHead(503).end();
    }
    res.writeHead(200).end('ok');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const noSleep = async () => {};

describe('escalation webhooks', () => {
  it('builds a structured repro from the context snapshot', () => {
    expect(payload.reproSteps).toEqual([
      '2026-11-29T09:58:00.000Z visited /dashboard',
      '2026-11-29T09:59:00.000Z visited /billing (Billing)',
    ]);
    expect(payload.failedRequests).toEqual([
      { method: 'POST', url: '/api/payments/retry', status: 502, durationMs: 812 },
    ]);
    expect(payload.consoleErrors).toEqual(['[error] Payment retry failed 502']);
    expect(payload.customer.account).toEqual({ id: 'a1', name: 'Northwind', plan: 'enterprise', seats: 240 });
    expect(payload.alreadyTried).toEqual(['article: Update your payment method']);
  });

  it('carries the email an unnamed visitor gave for replies, apart from the user the host named', () => {
    expect(payload.customer.contact).toBeUndefined();
    const { user: _named, ...anonymous } = context;
    const fromVisitor = buildEscalationPayload({
      type: 'escalation',
      id: 'esc-2',
      now: new Date('2026-11-29T10:01:00.000Z'),
      workspace: { id: 'w1', name: 'Demo' },
      source: { kind: 'conversation', id: 'c1' },
      summary: 'Where is my invoice?',
      verified: false,
      contact: { email: 'ada@example.com', name: 'Ada' },
      context: anonymous,
      attachments: [],
    });
    expect(fromVisitor.customer).toEqual({
      account: { id: 'a1', name: 'Northwind', plan: 'enterprise', seats: 240 },
      verified: false,
      contact: { email: 'ada@example.com', name: 'Ada' },
    });
  });

  it('signs deliveries so a receiver can verify them, and refuses tampering and replays', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const header = signWebhook('{"a":1}', 'a-very-long-secret', now);
    expect(verifyWebhook('{"a":1}', header, 'a-very-long-secret', now)).toBe(true);
    expect(verifyWebhook('{"a":2}', header, 'a-very-long-secret', now)).toBe(false);
    expect(verifyWebhook('{"a":1}', header, 'another-long-secret', now)).toBe(false);
    expect(verifyWebhook('{"a":1}', header, 'a-very-long-secret', new Date('2026-11-29T10:10:00Z'))).toBe(false);
  });

  it('retries a failing receiver with backoff and logs every attempt', async () => {
    failuresLeft = 2;
    received.length = 0;
    const log: DeliveryAttempt[] = [];
    const endpoint = WebhookEndpoint.parse({ id: 'tracker', url: `${base}/hook`, secret: 'tracker-secret-123456' });
    const result = await deliverWebhook(endpoint, payload, { record: async (a) => void log.push(a), sleep: noSleep });
    expect(result.ok).toBe(true);
    expect(log.map((a) => [a.attempt, a.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    const last = received.at(-1)!;
    expect(verifyWebhook(last.body, last.signature, 'tracker-secret-123456', new Date())).toBe(true);
    expect(JSON.parse(last.body).summary).toBe('Payments fail with 502');
  });

  it('stops at a permanent refusal instead of retrying', async () => {
    const log: DeliveryAttempt[] = [];
    const endpoint = WebhookEndpoint.parse({ id: 'gone', url: `${base}/gone`, secret: 'tracker-secret-123456' });
    const result = await deliverWebhook(endpoint, payload, { record: async (a) => void log.push(a), sleep: noSleep });
    expect(result.ok).toBe(false);
    expect(log).toHaveLength(1);
    expect(result.error).toBe('receiver answered 410');
  });

  it('formats for Slack without letting customer text form links or mentions', async () => {
    received.length = 0;
    const hostile = { ...payload, summary: 'Help <!channel> <https://evil.example|click>' };
    const endpoint = WebhookEndpoint.parse({
      id: 'slack',
      url: `${base}/slack`,
      secret: 'slack-secret-1234567',
      format: 'slack',
    });
    await deliverWebhook(endpoint, hostile, { record: async () => {}, sleep: noSleep });
    const message = JSON.parse(received.at(-1)!.body);
    expect(message.text).toContain('Escalation P1');
    expect(JSON.stringify(message)).not.toContain('<!channel>');
    expect(JSON.stringify(message)).not.toContain('<https://evil.example');
  });

  it('refuses an endpoint config with a non-http URL or a short secret, naming the field', () => {
    expect(() =>
      WebhookEndpoint.parse({ id: 'x', url: 'file:///etc/passwd', secret: 'long-enough-secret-1' }),
    ).toThrow();
    const result = WebhookEndpoint.safeParse({ id: 'x', url: 'https://ok.example', secret: 'short' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['secret']);
  });
});

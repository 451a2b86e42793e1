import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type RunningServer } from '../src/index.js';
import { DEMO_SECRET, hmac, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
const STRICT_KEY = 'strict-public-key';

beforeAll(async () => {
  server = await startTestServer();
  await createWorkspace(server.db, {
    name: 'Strict Co',
    publicKey: STRICT_KEY,
    settings: { allowUnverified: false },
  });
});
afterAll(() => server?.close());

const hostJwt = (claims: Record<string, unknown>) =>
  new SignJWT({ exp: Math.floor(Date.now() / 1000) + 600, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(DEMO_SECRET));

describe('what a visitor may claim', () => {
  it('bounds ids and names, and names the field that is too long', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['visitorId', { visitorId: 'v'.repeat(4000) }],
      ['user.id', { user: { id: 'u'.repeat(10_000) }, verification: { userHash: hmac('u'.repeat(10_000)) } }],
      ['user.name', { user: { name: 'n'.repeat(900_000) } }],
      ['account.plan', { account: { plan: 'p'.repeat(500) } }],
      ['locale', { locale: 'x'.repeat(50_000) }],
    ];
    for (const [field, identity] of cases) {
      const result = await new WidgetClient(server.url).session(identity);
      expect(result.status, field).toBe(400);
      expect(result.body.error.field, field).toBe(field);
    }
    const sub = 's'.repeat(300);
    const signed = await new WidgetClient(server.url).session({ verification: { jwt: await hostJwt({ sub }) } });
    expect(signed.status).toBe(401);
    expect(signed.body.error).toMatchObject({ field: 'verification.jwt' });
    expect(signed.body.error.message).toContain('sub is longer than 200 characters');
  });

  it('refuses claimed details, but not anonymous visitors, where identities must be verified', async () => {
    const claims = [{ user: { name: 'The CEO', email: 'ceo@strict.test' } }, { account: { name: 'Strict Co' } }];
    for (const identity of claims) {
      const result = await new WidgetClient(server.url, STRICT_KEY).session(identity);
      expect(result.status).toBe(401);
      expect(result.body.error.field).toBe('verification');
    }
    expect((await new WidgetClient(server.url, STRICT_KEY).session()).status).toBe(200);
  });
});

describe('plan-based priority', () => {
  const ticket = (context?: Record<string, unknown>) => ({
    subject: 'Cannot download invoice PDF',
    description: 'The button spins forever.',
    severity: 'P2',
    category: 'bug',
    fields: { affected_area: 'invoices' },
    attachmentIds: [],
    idempotencyKey: key(),
    ...(context ? { context } : {}),
  });
  const enterpriseContext = {
    capturedAt: new Date().toISOString(),
    page: { url: 'https://app.test/invoices', path: '/invoices', title: 'Invoices' },
    account: { id: 'acme', plan: 'enterprise' },
  };
  const priorityFor = async (identity: Record<string, unknown>, context?: Record<string, unknown>) => {
    const client = new WidgetClient(server.url);
    expect((await client.session(identity)).status).toBe(200);
    const created = await client.call('POST', '/v1/tickets', ticket(context));
    expect(created.status).toBe(201);
    return created.body.priority;
  };

  it('comes from a verified sign-in, never from what the page or the snapshot claims', async () => {
    const enterprise = { account: { id: 'acme', plan: 'enterprise' } };
    expect(await priorityFor({}, enterpriseContext)).toBe('normal');
    expect(await priorityFor(enterprise)).toBe('normal');
    expect(await priorityFor({ ...enterprise, user: { id: 'u-ent' }, verification: { userHash: hmac('u-ent') } })).toBe(
      'high',
    );
    // The signed account claim wins over the page's account and the snapshot's.
    const jwt = await hostJwt({ sub: 'u-free', account: { id: 'acme', plan: 'free' } });
    expect(await priorityFor({ ...enterprise, user: { id: 'u-free' }, verification: { jwt } }, enterpriseContext)).toBe(
      'normal',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer, startServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { AGENT_PASSWORD, hmac, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let agent: AgentClient;

beforeAll(async () => {
  server = await startTestServer({
    routing: {
      defaultQueue: 'frontline',
      rules: [
        { name: 'billing area', when: { pathPrefix: '/billing' }, assign: { queue: 'billing', priority: 'high' } },
        { name: 'big accounts', when: { minSeats: 100 }, assign: { queue: 'key-accounts', bumpPriority: true } },
      ],
    },
  });
  agent = new AgentClient(server.url);
  await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
});
afterAll(() => server?.close());

/** A ticket from a verified user of an account with `seats` (routing trusts only a verified sign-in's account). */
async function ticketAt(path: string, seats: number) {
  const visitor = new WidgetClient(server.url);
  const id = `routing-user-${seats}`;
  await visitor.session({
    user: { id, name: 'Ravi' },
    account: { id: 'acc', seats },
    verification: { userHash: hmac(id) },
  });
  const created = await visitor.call('POST', '/v1/tickets', {
    subject: `Help on ${path}`,
    description: 'Something is off.',
    severity: 'P3',
    category: 'bug',
    fields: { affected_area: 'invoices' },
    attachmentIds: [],
    idempotencyKey: key(),
    context: {
      capturedAt: new Date().toISOString(),
      page: { url: `https://app.test${path}`, path, title: 'Page' },
    },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; priority: string };
}

describe('routing rules on ticket creation', () => {
  it('assigns queue and priority from the product area (page path), first matching rule wins', async () => {
    const billing = await ticketAt('/billing/invoices', 500);
    expect(billing.priority).toBe('high');
    const detail = await agent.call('GET', `/tickets/${billing.id}`);
    expect(detail.body.queue).toBe('billing');

    const big = await ticketAt('/reports', 500);
    expect(big.priority).toBe('normal'); // P3 → low, bumped one level
    const plain = await ticketAt('/reports', 5);
    expect(plain.priority).toBe('low');

    const queue = await agent.call('GET', '/queue');
    const queues = Object.fromEntries(
      queue.body.tickets.map((item: { ticket: { id: string }; queue: string }) => [item.ticket.id, item.queue]),
    );
    expect(queues[big.id]).toBe('key-accounts');
    expect(queues[plain.id]).toBe('frontline');
  });
});

describe('routing config at start', () => {
  it('refuses to start with an invalid rule, naming the field', async () => {
    await expect(
      startServer({
        port: 0,
        dataDir: ':memory:',
        seedDemo: false,
        routing: { rules: [{ name: 'bad', when: { plan: [''] }, assign: { priority: 'asap' } }] } as never,
      }),
    ).rejects.toThrow(/routing\.rules\.0\.(when\.plan\.0|assign\.priority)/);
  });
});

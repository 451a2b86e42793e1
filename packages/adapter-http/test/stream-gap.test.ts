import { createHttpAdapter } from '@helpline/adapter-http';
import { createClient, createMemoryStore } from '@helpline/core';
import { type RunningServer, startServer } from '@helpline/server';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

// The real reference server starts a stream opened without Last-Event-ID at its newest event: what an
// agent did while the widget's stream was still opening is not on it.
const PASSWORD = 'stream-gap agent password';
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: ':memory:', agentPassword: PASSWORD });
});
afterAll(() => server?.close());

async function asAgent(method: string, path: string, body: unknown): Promise<void> {
  const login = await fetch(`${server.url}/agent/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'agent@demo.helpline.dev', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const response = await fetch(`${server.url}/agent/api${path}`, {
    method,
    headers: {
      Cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '',
      'X-CSRF-Token': csrfToken,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

/** A client whose live stream opens only when `openStream` is called. */
function clientWithHeldStream() {
  let openStream = () => {};
  const streamMayOpen = new Promise<void>((resolve) => {
    openStream = resolve;
  });
  const adapter = createHttpAdapter(
    { baseUrl: server.url, workspaceKey: 'demo-public-key' },
    {
      fetch: async (input, init) => {
        if (new URL(String(input)).pathname === '/v1/events') await streamMayOpen;
        return fetch(input, init);
      },
    },
  );
  const quiet = { error: () => {}, warn: () => {}, info: () => {} };
  const client = createClient(
    { adapter, features: { kb: false } },
    { store: createMemoryStore(), locks: null, channel: () => null, console: quiet },
  );
  return { client, openStream };
}

it('shows what the agent did while the live stream was still opening: the reply and the resolved chat', async () => {
  const { client, openStream } = clientWithHeldStream();
  await client.chat.send({ body: 'Where are my invoices?', includeContext: false });
  await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
  const conversationId = client.chat.conversations.value[0]?.id ?? '';
  await vi.waitFor(() => expect(client.chat.thread(conversationId).value.messages).toHaveLength(1));

  await asAgent('POST', `/conversations/${conversationId}/messages`, { body: 'Billing → Invoices.' });
  await asAgent('POST', `/conversations/${conversationId}/status`, { status: 'resolved' });
  openStream();

  await vi.waitFor(() => expect(client.chat.conversations.value[0]?.status).toBe('resolved'), { timeout: 5000 });
  await vi.waitFor(
    () =>
      expect(client.chat.thread(conversationId).value.messages.map((message) => message.body)).toEqual([
        'Where are my invoices?',
        'Billing → Invoices.',
      ]),
    { timeout: 5000 },
  );
  await client.shutdown();
});

it('shows an agent’s reply to an open ticket made while the live stream was still opening', async () => {
  const { client, openStream } = clientWithHeldStream();
  const ticket = await client.tickets.create({
    subject: 'Export fails',
    description: 'The CSV export spins forever',
    severity: 'P2',
    category: 'bug',
    fields: { affected_area: 'invoices' },
    includeContext: false,
  });
  await client.tickets.reply(ticket.id, 'On Firefox too');
  const thread = client.tickets.thread(ticket.id);
  const bodies = () => thread.value.messages.map((message) => message.body);
  await vi.waitFor(() => expect(bodies()).toEqual(['On Firefox too']));

  await asAgent('POST', `/tickets/${ticket.id}/replies`, { body: 'Fixed in 2.4.' });
  openStream();

  await vi.waitFor(() => expect(bodies()).toEqual(['On Firefox too', 'Fixed in 2.4.']), { timeout: 5000 });
  await vi.waitFor(() => expect(client.tickets.list.value.tickets[0]?.status).toBe('open'), { timeout: 5000 });
  await client.shutdown();
});

import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { SseClient } from '../sse-client.js';
import { key, startTestServer, WidgetClient } from '../test-server.js';

// Runs in the server-postgres project, whose global setup starts a throwaway PostgreSQL; the server
// project also runs it when HELPLINE_TEST_DATABASE_URL names an empty-or-Helpline database.
const url = process.env.HELPLINE_TEST_DATABASE_URL ?? inject('postgres').url;
let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer({ databaseUrl: url }), startTestServer({ databaseUrl: url })]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

it('runs the widget API on PostgreSQL, two instances sharing realtime events through LISTEN/NOTIFY', async () => {
  const client = new WidgetClient(a.url);
  expect((await client.session({ user: { id: 'pg-user' } })).status).toBe(200);
  const search = await client.call('GET', '/v1/kb/search?q=refund');
  expect(search.body[0].title.toLowerCase()).toContain('refund');
  const started = await client.call('POST', '/v1/conversations', {
    body: 'pg hello',
    attachmentIds: [],
    idempotencyKey: key(),
  });
  expect(started.status).toBe(201);
  const stream = await SseClient.open(`${b.url}/v1/events?token=${client.token}`);
  await stream.comment('connected');
  await client.call('POST', `/v1/conversations/${started.body.conversation.id}/messages`, {
    body: 'from a',
    idempotencyKey: key(),
  });
  const event = await stream.nextWhere((d) => d.type === 'message' && d.message.body === 'from a');
  expect(Number(event.id)).toBeGreaterThan(0);
  stream.close();
  const resumed = await SseClient.open(`${b.url}/v1/events?token=${client.token}&lastEventId=0`);
  const first = await resumed.nextWhere((d) => d.type === 'message');
  expect(first.data.message.body).toBe('pg hello');
  resumed.close();
  const ticket = await client.call('POST', '/v1/tickets', {
    subject: 'pg ticket',
    description: '',
    severity: 'P2',
    category: 'bug',
    fields: { affected_area: 'other' },
    attachmentIds: [],
    idempotencyKey: key(),
  });
  expect(ticket.status).toBe(201);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const up = await client.call('POST', '/v1/attachments', png, { 'Content-Type': 'image/png', 'X-Filename': 'a.png' });
  expect(up.status).toBe(201);
  expect(new Uint8Array(await (await fetch(up.body.url)).arrayBuffer())).toEqual(png);
  const answer = await client.call('POST', '/v1/answers', { question: 'refund a paid invoice', path: '/invoices/3' });
  expect(answer.body.passages.length).toBeGreaterThan(0);
});

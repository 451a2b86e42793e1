import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { RunningServer } from '../../src/index.js';
import { SseClient } from '../sse-client.js';
import { key, startTestServer, WidgetClient } from '../test-server.js';
import { startClusterProcess, stopCluster } from './cluster.js';

const cluster = inject('postgres');
const url = cluster.databases.helpline_faults ?? '';
let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer({ databaseUrl: url }), startTestServer({ databaseUrl: url })]);
});
afterAll(async () => {
  // Leave the cluster running for whoever comes next, whatever happened here.
  try {
    startClusterProcess(cluster);
  } catch {
    // Already running.
  }
  await a?.close();
  await b?.close();
});

it('answers 503 while PostgreSQL is down and recovers, realtime included, without restarting the servers', async () => {
  const visitor = new WidgetClient(a.url);
  await visitor.session();
  const started = await visitor.call('POST', '/v1/conversations', {
    body: 'before outage',
    attachmentIds: [],
    idempotencyKey: key(),
  });
  expect(started.status).toBe(201);
  const conversationId = started.body.conversation.id;

  stopCluster(cluster);
  for (const server of [a, b]) {
    const client = new WidgetClient(server.url);
    client.token = visitor.token;
    const res = await client.call('GET', '/v1/conversations');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(res.headers.get('Retry-After')).toBe('5');
  }
  const during = await visitor.call('POST', `/v1/conversations/${conversationId}/messages`, {
    body: 'during outage',
    idempotencyKey: key(),
  });
  expect(during.status).toBe(503);
  expect((await fetch(`${a.url}/healthz`)).status).toBe(200);

  startClusterProcess(cluster);
  // The pools reconnect on the next query; the LISTEN connections reconnect in the background, so
  // the widget's own retry (with its idempotency key) is what a real client would do here.
  expect((await visitor.call('GET', '/v1/conversations')).status).toBe(200);
  const stream = await SseClient.open(`${b.url}/v1/events?token=${visitor.token}`);
  let delivered: string | undefined;
  for (let attempt = 0; !delivered; attempt++) {
    const body = `after outage ${attempt}`;
    expect(
      (await visitor.call('POST', `/v1/conversations/${conversationId}/messages`, { body, idempotencyKey: key() }))
        .status,
    ).toBe(201);
    // Instance b hears instance a's NOTIFY once its LISTEN connection is back.
    const event = await Promise.race([
      stream.nextWhere((d) => d.type === 'message'),
      new Promise<undefined>((resolve) => setTimeout(resolve, 1000)),
    ]);
    if (event) delivered = event.data.message.body;
    if (attempt > 30) throw new Error('realtime did not recover within 30 attempts');
  }
  expect(delivered).toMatch(/^after outage/);
  stream.close();
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../test/free-port.js';
import { key, WidgetClient } from '../test/test-server.js';
import { buildServerCli, type ServerProcess, startServerProcess } from './server-process.js';

const CLIENTS = 50;
const MESSAGES = 30;
let cli: string;
let dataDir: string;
let env: Record<string, string>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  cli = await buildServerCli();
  dataDir = await mkdtemp(join(tmpdir(), 'helpline-kill9-'));
  env = {
    PORT: String(await freePort()),
    HELPLINE_DATA_DIR: dataDir,
    HELPLINE_AGENT_PASSWORD: 'stress-password',
    HELPLINE_DEMO_SECRET: 'stress-demo-secret-0123456789',
    HELPLINE_RATE_LIMIT: JSON.stringify({
      visitor: { capacity: 100_000, refillPerSecond: 1000 },
      ip: { capacity: 1_000_000, refillPerSecond: 10_000 },
    }),
  };
  server = await startServerProcess(cli, env);
});
afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the widget's outbox does: the same idempotency key until the server acknowledges. */
async function deliver(client: WidgetClient, path: string, body: Record<string, unknown>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.call('POST', path, body);
      if (res.status < 300) return attempt;
      if (res.status < 500) throw new Error(`refused ${res.status}: ${JSON.stringify(res.body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('refused')) throw error;
      // Connection refused or reset: the server is down. Retry.
    }
    await pause(50 + Math.random() * 150);
  }
}

it('keeps every acknowledged message through kill -9, and retries deliver the rest exactly once', async () => {
  const running = server;
  if (!running) throw new Error('server did not start');
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, n) => {
      const client = new WidgetClient(running.url);
      expect((await client.session({ visitorId: `stress-visitor-${n}` })).status).toBe(200);
      const started = await client.call('POST', '/v1/conversations', {
        body: `start ${n}`,
        attachmentIds: [],
        idempotencyKey: key(),
      });
      expect(started.status).toBe(201);
      return { client, n, conversationId: started.body.conversation.id as string };
    }),
  );
  let acknowledged = 0;
  let retried = 0;
  let killed = false;
  const crash = (async () => {
    while (acknowledged < (CLIENTS * MESSAGES) / 3) await pause(20);
    await running.kill9();
    killed = true;
    server = await startServerProcess(cli, env);
  })();
  await Promise.all(
    clients.map(async ({ client, n, conversationId }) => {
      for (let m = 0; m < MESSAGES; m++) {
        const attempts = await deliver(client, `/v1/conversations/${conversationId}/messages`, {
          body: `client ${n} message ${m}`,
          attachmentIds: [],
          idempotencyKey: `stress-${n}-${m}-key`,
        });
        acknowledged++;
        if (attempts > 1) retried++;
      }
    }),
  );
  await crash;
  expect(killed).toBe(true);
  // Some sends were in flight or refused while the server was down.
  expect(retried).toBeGreaterThan(0);
  for (const { client, n, conversationId } of clients) {
    const page = await client.call('GET', `/v1/conversations/${conversationId}/messages?limit=100`);
    expect(page.status).toBe(200);
    const messages: { body: string }[] = Array.isArray(page.body) ? page.body : page.body.messages;
    expect(messages.map((message) => message.body)).toEqual([
      `start ${n}`,
      ...Array.from({ length: MESSAGES }, (_, m) => `client ${n} message ${m}`),
    ]);
  }
  console.log(
    `kill -9 after ${Math.round((CLIENTS * MESSAGES) / 3)} acks: ${CLIENTS * MESSAGES} messages, ${retried} needed a retry, none lost or doubled`,
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, DEMO_AGENT_EMAIL, openPglite, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { seeded } from './security-http.js';
import { SseClient } from './sse-client.js';
import { AGENT_PASSWORD, key, startTestServer, WidgetClient } from './test-server.js';

/** A real database whose connection can be cut: while `down`, every call fails like an unreachable server. */
function cuttable(db: Database): Database & { down: boolean } {
  const refuse = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const wrapper = {
    down: false,
    kind: db.kind,
    async query<Row>(...args: Parameters<Database['query']>) {
      if (wrapper.down) throw refuse();
      return db.query<Row>(...args);
    },
    async exec(sql: string) {
      if (wrapper.down) throw refuse();
      return db.exec(sql);
    },
    async transaction<T>(work: Parameters<Database['transaction']>[0]) {
      if (wrapper.down) throw refuse();
      return db.transaction(work) as Promise<T>;
    },
    listen: db.listen.bind(db),
    close: db.close.bind(db),
  };
  return wrapper;
}

let raw: Database;
let db: Database & { down: boolean };
let server: RunningServer;
beforeAll(async () => {
  raw = await openPglite(':memory:');
  db = cuttable(raw);
  server = await startTestServer({}, { db });
});
afterAll(async () => {
  await server?.close();
  await raw?.close();
});

describe('database outage', () => {
  it('answers 503 JSON with Retry-After while the database is unreachable, and recovers without a restart', async () => {
    const visitor = new WidgetClient(server.url);
    await visitor.session();
    expect((await visitor.call('GET', '/v1/conversations')).status).toBe(200);
    db.down = true;
    for (const [method, path, body] of [
      ['GET', '/v1/conversations', undefined],
      ['POST', '/v1/conversations', { body: 'during outage', attachmentIds: [], idempotencyKey: key() }],
      ['POST', '/v1/session', { visitorId: 'visitor-outage' }],
      ['GET', '/v1/kb/search?q=refund', undefined],
    ] as const) {
      const res = await visitor.call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(503);
      expect(res.body.error.code).toBe('unavailable');
      expect(res.headers.get('Retry-After')).toBe('5');
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    db.down = false;
    const retried = await visitor.call('POST', '/v1/conversations', {
      body: 'after outage',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    expect(retried.status).toBe(201);
    expect((await visitor.call('GET', '/v1/conversations')).body).toHaveLength(1);
  });
});

describe('SSE network flaps', () => {
  it('resumes with Last-Event-ID after dropped connections: every message once, in order', async () => {
    const visitor = new WidgetClient(server.url);
    await visitor.session();
    const started = await visitor.call('POST', '/v1/conversations', {
      body: 'flap start',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const conversationId = started.body.conversation.id;
    const agent = new AgentClient(server.url);
    await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
    const total = 40;
    const sent = Array.from({ length: total }, (_, n) => `agent says ${n}`);
    // The agent keeps talking while the visitor's connection drops and comes back.
    const producing = (async () => {
      for (const body of sent)
        expect((await agent.call('POST', `/conversations/${conversationId}/messages`, { body })).status).toBe(201);
    })();
    const random = seeded(7);
    const received: string[] = [];
    const ids: number[] = [];
    // From the start of the stream: the agent may already have spoken before the first connect.
    let lastEventId = '0';
    let connections = 0;
    while (received.length < total) {
      const stream = await SseClient.open(`${server.url}/v1/events?token=${visitor.token}`, {
        'Last-Event-ID': lastEventId,
      });
      connections++;
      // Read a few events, then cut the connection mid-stream.
      const take = 1 + Math.floor(random() * 6);
      for (let n = 0; n < take && received.length < total; n++) {
        const event = await stream.nextWhere((d) => d.type === 'message' && d.message.author.type === 'agent');
        received.push(event.data.message.body);
        ids.push(Number(event.id));
        lastEventId = event.id ?? lastEventId;
      }
      stream.close();
    }
    await producing;
    expect(received).toEqual(sent);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(total);
    expect(connections).toBeGreaterThan(5);
  });
});

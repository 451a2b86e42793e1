import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import type { SseClient } from './sse-client.js';
import { agentStream, startConversation, visitorStream } from './stream-helpers.js';
import { AGENT_PASSWORD, hmac, startTestServer, WidgetClient } from './test-server.js';

// Without the limits, `ended` never resolves: the test fails on this timeout.
const ENDS_WITHIN = 20_000;

let server: RunningServer;
/** Streams live one second at most here. */
let shortLived: RunningServer;
beforeAll(async () => {
  [server, shortLived] = await Promise.all([startTestServer(), startTestServer({ streams: { maxAgeSeconds: 1 } })]);
});
afterAll(async () => {
  await server?.close();
  await shortLived?.close();
});

async function signedInAgent(on: RunningServer): Promise<AgentClient> {
  const agent = new AgentClient(on.url);
  expect((await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
  return agent;
}

async function openMany(count: number, open: () => Promise<SseClient>): Promise<SseClient[]> {
  const streams: SseClient[] = [];
  for (let i = 0; i < count; i++) streams.push(await open());
  return streams;
}

describe('concurrent streams per credential', () => {
  it(
    'lets one visitor token hold 5 streams: a sixth ends the oldest, the rest and another device’s stay live',
    async () => {
      const agent = await signedInAgent(server);
      const tab = new WidgetClient(server.url);
      await tab.session({
        visitorId: 'cap-visitor-tab',
        user: { id: 'cap-user' },
        verification: { userHash: hmac('cap-user') },
      });
      const conversationId = await startConversation(tab);
      const streams = await openMany(5, () => visitorStream(server, tab));

      streams.push(await visitorStream(server, tab));
      const [oldest, ...live] = streams;
      await oldest?.ended;
      expect(oldest?.endReason).toBe('replaced');

      const phone = new WidgetClient(server.url);
      await phone.session({
        visitorId: 'cap-visitor-phone',
        user: { id: 'cap-user' },
        verification: { userHash: hmac('cap-user') },
      });
      live.push(await visitorStream(server, phone));
      // One reply reaching every stream still open proves none of them was ended as well.
      await agent.call('POST', `/conversations/${conversationId}/messages`, { body: 'to every live tab' });
      for (const stream of live) {
        await stream.nextWhere((data) => data.type === 'message' && data.message.body === 'to every live tab');
        expect(stream.endReason).toBeUndefined();
        stream.close();
      }
    },
    ENDS_WITHIN,
  );

  it(
    'lets one agent sign-in hold 10 streams (the /agent/api/events route has no address limiter): an eleventh ends the oldest',
    async () => {
      const agent = await signedInAgent(server);
      const streams = await openMany(11, () => agentStream(server, agent));
      const [oldest, ...live] = streams;
      await oldest?.ended;
      expect(oldest?.endReason).toBe('replaced');

      const visitor = new WidgetClient(server.url);
      await visitor.session();
      const conversationId = await startConversation(visitor, 'seen by ten tabs');
      for (const stream of live) {
        const created = await stream.nextWhere((data) => data.type === 'conversation');
        expect(created.data.conversation.id).toBe(conversationId);
        expect(stream.endReason).toBeUndefined();
        stream.close();
      }
    },
    ENDS_WITHIN,
  );
});

describe('maximum stream age', () => {
  it(
    'ends a stream after maxAgeSeconds (not before 90 % of it), and a reconnect with its last id misses nothing',
    async () => {
      const agent = await signedInAgent(shortLived);
      const visitor = new WidgetClient(shortLived.url);
      await visitor.session();
      const conversationId = await startConversation(visitor, 'before the stream aged out');
      const opened = Date.now();
      // From id 0: the visitor's own message is replayed at once, well inside the stream's second.
      const stream = await visitorStream(shortLived, visitor, '&lastEventId=0');
      const own = await stream.nextWhere((data) => data.type === 'message');
      await stream.ended;
      expect(stream.endReason).toBe('max_age');
      expect(Date.now() - opened).toBeGreaterThanOrEqual(900);

      await agent.call('POST', `/conversations/${conversationId}/messages`, { body: 'while reconnecting' });
      // A stream ended for its age is no credential problem: the same token opens the next one.
      const resumed = await visitorStream(shortLived, visitor, `&lastEventId=${own.id}`);
      const missed = await resumed.nextWhere((data) => data.type === 'message');
      expect(missed.data.message.body).toBe('while reconnecting');
      expect(Number(missed.id)).toBeGreaterThan(Number(own.id));
      resumed.close();
    },
    ENDS_WITHIN,
  );
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { agentStream, startConversation, visitorStream } from './stream-helpers.js';
import { AGENT_PASSWORD, startTestServer, WidgetClient } from './test-server.js';

// Without the server ending the stream, `ended` never resolves: the test fails on this timeout.
const ENDS_WITHIN = 20_000;

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ sessionTtlSeconds: 3, heartbeatSeconds: 0.2 });
});
afterAll(() => server?.close());

async function signedInAgent(): Promise<AgentClient> {
  const agent = new AgentClient(server.url);
  expect((await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
  return agent;
}

/** The stored form of an agent's sign-in: the server keeps only a hash of the cookie. */
const sessionHash = (agent: AgentClient): string =>
  createHash('sha256')
    .update(agent.cookie.split('=')[1] ?? '')
    .digest('hex');

describe('streams end when their credential runs out', () => {
  it(
    'ends a visitor stream when its session token expires (sessionTtlSeconds), not before',
    async () => {
      const visitor = new WidgetClient(server.url);
      const session = await visitor.session();
      await startConversation(visitor);
      const stream = await visitorStream(server, visitor);
      await stream.ended;
      expect(stream.endReason).toBe('expired');
      // The token's expiry is in whole seconds, so it may fall up to a second before `expiresAt`.
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(session.body.expiresAt) - 1000);
      expect((await visitor.call('GET', '/v1/conversations')).status).toBe(401);
    },
    ENDS_WITHIN,
  );

  it(
    'ends an agent stream when its sign-in expires',
    async () => {
      const agent = await signedInAgent();
      await server.db.query(
        "update agent_sessions set expires_at = now() + interval '1 second' where token_hash = $1",
        [sessionHash(agent)],
      );
      const stream = await agentStream(server, agent);
      await stream.ended;
      expect(stream.endReason).toBe('expired');
    },
    ENDS_WITHIN,
  );

  it(
    'ends an agent stream at the next heartbeat when its sign-in is gone without notice, and its heartbeats stop keeping the agent present',
    async () => {
      const agent = await signedInAgent();
      expect((await agent.call('POST', '/presence', { online: true })).status).toBe(204);
      const stream = await agentStream(server, agent);
      // Deleted in the database directly: no logout, so no notice to end the stream.
      await server.db.query('delete from agent_sessions where token_hash = $1', [sessionHash(agent)]);
      await stream.ended;
      expect(stream.endReason).toBe('logged_out');

      const lastSeen = async () =>
        (
          await server.db.query<{ at: string }>('select last_seen_at::text as at from agents where lower(email) = $1', [
            DEMO_AGENT_EMAIL,
          ])
        )[0]?.at;
      const before = await lastSeen();
      // Heartbeats on another stream prove heartbeat time went by.
      const visitor = new WidgetClient(server.url);
      await visitor.session();
      const clock = await visitorStream(server, visitor);
      await clock.heartbeats(3);
      clock.close();
      expect(await lastSeen()).toBe(before);
    },
    ENDS_WITHIN,
  );
});

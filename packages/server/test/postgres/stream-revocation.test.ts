import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../../src/index.js';
import { AgentClient } from '../agent-client.js';
import { agentStream, replyReaches, startConversation, visitorStream } from '../stream-helpers.js';
import { AGENT_PASSWORD, startTestServer, WidgetClient } from '../test-server.js';

// Without the notice crossing instances, `ended` never resolves: the test fails on this timeout.
const ENDS_WITHIN = 20_000;

const url = process.env.HELPLINE_TEST_DATABASE_URL ?? inject('postgres').url;
let a: RunningServer;
let b: RunningServer;
let agent: AgentClient;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer({ databaseUrl: url }), startTestServer({ databaseUrl: url })]);
  agent = new AgentClient(a.url);
  expect((await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

it(
  'ends a visitor stream held by instance B when the token is logged out through instance A, before the next reply',
  async () => {
    const visitor = new WidgetClient(a.url);
    await visitor.session({ visitorId: 'pg-stream-logout-visitor' });
    // Another tab of the same browser: its own token, the same visitor, still signed in.
    const otherTab = new WidgetClient(a.url);
    await otherTab.session({ visitorId: 'pg-stream-logout-visitor' });
    const conversationId = await startConversation(visitor);
    const onB = await visitorStream(b, visitor);
    const witness = await visitorStream(b, otherTab);

    expect((await visitor.call('DELETE', '/v1/session')).status).toBe(204);
    // Published after the logout: the notice ending the stream travels ahead of it on the channel.
    await replyReaches(agent, conversationId, 'after the logout on A', witness);
    await onB.ended;
    expect(onB.endReason).toBe('logged_out');
    expect(onB.received.map((event) => event.data.message?.body)).not.toContain('after the logout on A');
    witness.close();
  },
  ENDS_WITHIN,
);

it(
  'ends a visitor stream held by instance B when an agent on instance A erases the visitor',
  async () => {
    const visitor = new WidgetClient(a.url);
    await visitor.session();
    const conversationId = await startConversation(visitor);
    const onB = await visitorStream(b, visitor);
    const [row] = await a.db.query<{ visitor_pk: string }>('select visitor_pk from conversations where id = $1', [
      conversationId,
    ]);
    expect((await agent.call('DELETE', `/visitors/${row?.visitor_pk}`)).status).toBe(204);
    await onB.ended;
    expect(onB.endReason).toBe('visitor_gone');
  },
  ENDS_WITHIN,
);

it(
  'ends an agent stream held by instance B when that sign-in logs out through instance A',
  async () => {
    const leaving = new AgentClient(a.url);
    expect((await leaving.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
    const onB = await agentStream(b, leaving);
    expect((await leaving.call('POST', '/logout')).status).toBe(204);
    await onB.ended;
    expect(onB.endReason).toBe('logged_out');
  },
  ENDS_WITHIN,
);

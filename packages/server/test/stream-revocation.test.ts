import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { agentStream, replyReaches, startConversation, visitorStream } from './stream-helpers.js';
import { AGENT_PASSWORD, hmac, startTestServer, WidgetClient } from './test-server.js';

// Without the server ending the stream, `ended` never resolves: the test fails on this timeout.
const ENDS_WITHIN = 20_000;

let server: RunningServer;
let agent: AgentClient;
beforeAll(async () => {
  server = await startTestServer();
  agent = new AgentClient(server.url);
  await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
});
afterAll(() => server?.close());

async function signedIn(userId: string, visitorId: string): Promise<WidgetClient> {
  const client = new WidgetClient(server.url);
  const result = await client.session({ visitorId, user: { id: userId }, verification: { userHash: hmac(userId) } });
  expect(result.status).toBe(200);
  return client;
}

/** Another visitor, chatting, whose stream must outlive whatever ends someone else's. */
async function bystander() {
  const client = new WidgetClient(server.url);
  await client.session();
  const conversationId = await startConversation(client);
  const stream = await visitorStream(server, client);
  return { stillLive: (body: string) => replyReaches(agent, conversationId, body, stream), stream };
}

const visitorPkOf = async (conversationId: string): Promise<string> => {
  const [row] = await server.db.query<{ visitor_pk: string }>('select visitor_pk from conversations where id = $1', [
    conversationId,
  ]);
  if (!row) throw new Error('no such conversation');
  return row.visitor_pk;
};

describe('open visitor streams end with the credential they were opened with', () => {
  it(
    'ends the stream of a logged-out token, while the same user on another device keeps receiving replies',
    async () => {
      const phone = await signedIn('stream-logout-user', 'stream-logout-phone');
      const laptop = await signedIn('stream-logout-user', 'stream-logout-laptop');
      const conversationId = await startConversation(phone);
      const phoneStream = await visitorStream(server, phone);
      const laptopStream = await visitorStream(server, laptop);

      expect((await phone.call('DELETE', '/v1/session')).status).toBe(204);
      // Sent before the logged-out stream may have ended: it must not get through either way.
      await replyReaches(agent, conversationId, 'reply after the phone logged out', laptopStream);
      await phoneStream.ended;
      expect(phoneStream.endReason).toBe('logged_out');
      expect(phoneStream.received.map((event) => event.data.message?.body)).not.toContain(
        'reply after the phone logged out',
      );
      expect(laptopStream.endReason).toBeUndefined();
      laptopStream.close();
    },
    ENDS_WITHIN,
  );

  it(
    'ends the stream of a visitor who erased their data (DELETE /v1/me), and only theirs',
    async () => {
      const other = await bystander();
      const visitor = new WidgetClient(server.url);
      await visitor.session();
      await startConversation(visitor);
      const stream = await visitorStream(server, visitor);

      expect((await visitor.call('DELETE', '/v1/me')).status).toBe(204);
      await stream.ended;
      expect(stream.endReason).toBe('visitor_gone');
      await other.stillLive('reply after someone else erased their data');
      other.stream.close();
    },
    ENDS_WITHIN,
  );

  it(
    'ends every stream of a visitor an agent erased (DELETE /agent/api/visitors/:id), whatever token opened it',
    async () => {
      const other = await bystander();
      const phone = await signedIn('stream-erased-user', 'stream-erased-phone');
      const laptop = await signedIn('stream-erased-user', 'stream-erased-laptop');
      const conversationId = await startConversation(phone);
      const streams = [await visitorStream(server, phone), await visitorStream(server, laptop)];

      const erased = await agent.call('DELETE', `/visitors/${await visitorPkOf(conversationId)}`);
      expect(erased.status).toBe(204);
      for (const stream of streams) {
        await stream.ended;
        expect(stream.endReason).toBe('visitor_gone');
      }
      await other.stillLive('reply after an agent erased someone else');
      other.stream.close();
    },
    ENDS_WITHIN,
  );

  it(
    'ends the anonymous stream of a browser that signs in: its history, and the stream, are the user’s now',
    async () => {
      const browser = new WidgetClient(server.url);
      await browser.session({ visitorId: 'stream-merge-browser' });
      const anonymousStream = await visitorStream(server, browser);

      const user = await signedIn('stream-merge-user', 'stream-merge-browser');
      await anonymousStream.ended;
      expect(anonymousStream.endReason).toBe('visitor_gone');
      const userStream = await visitorStream(server, user);
      expect(userStream.status).toBe(200);
      userStream.close();
    },
    ENDS_WITHIN,
  );
});

describe('open agent streams end with the sign-in they were opened with', () => {
  it(
    'ends the streams of a logged-out agent session, and new conversations keep reaching the agent’s other sign-in',
    async () => {
      const leaving = new AgentClient(server.url);
      expect((await leaving.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).status).toBe(200);
      const tabs = [await agentStream(server, leaving), await agentStream(server, leaving)];
      const staying = await agentStream(server, agent);

      expect((await leaving.call('POST', '/logout')).status).toBe(204);
      for (const tab of tabs) {
        await tab.ended;
        expect(tab.endReason).toBe('logged_out');
      }

      const visitor = new WidgetClient(server.url);
      await visitor.session();
      const conversationId = await startConversation(visitor, 'a new conversation after the logout');
      const created = await staying.nextWhere((data) => data.type === 'conversation');
      expect(created.data.conversation.id).toBe(conversationId);
      staying.close();
    },
    ENDS_WITHIN,
  );
});

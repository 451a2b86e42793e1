import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { expectNotPretending, method, nextEvent, unique, useFixture } from './helpers.js';

export function realtimeChecks(suite: ConformanceSuite): void {
  describe('realtime', () => {
    const fixture = useFixture(suite);
    const conversation = async () => {
      const { adapter } = fixture();
      const started = await method(
        adapter,
        'startConversation',
      )({ body: 'Realtime check', attachmentIds: [], idempotencyKey: unique('rt') });
      return started.conversation.id;
    };

    it('delivers an agent reply as a message event — or, undeclared, has no subscribe()', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.realtime) return expectNotPretending(adapter, ['subscribe']);
      const id = await conversation();
      const { event, connected } = nextEvent(adapter, 'message', (e) => e.message.conversationId === id);
      await connected;
      await agent.reply(id, 'Hello from the conformance agent');
      const { message } = await event;
      expect(message.body).toBe('Hello from the conformance agent');
      expect(message.author.type).toBe('agent');
    });

    it('sends visitor typing and delivers agent typing — or, undeclared, has no sendTyping()', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.typing) return expectNotPretending(adapter, ['sendTyping']);
      const id = await conversation();
      await method(adapter, 'sendTyping')(id, true);
      if (!adapter.capabilities.realtime) return;
      if (!agent.typing) throw new Error(`${adapter.name} declares typing but its AgentDriver has no typing()`);
      const { event, connected } = nextEvent(adapter, 'typing', (e) => e.conversationId === id && e.typing);
      await connected;
      await agent.typing(id, true);
      expect((await event).author.type).toBe('agent');
    });

    it('delivers a resolved status', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.realtime) return expectNotPretending(adapter, ['subscribe']);
      const id = await conversation();
      const { event, connected } = nextEvent(adapter, 'status', (e) => e.conversationId === id);
      await connected;
      await agent.resolve(id);
      expect((await event).status).toBe('resolved');
    });

    it('clears unread messages on markRead — or, undeclared, has no markRead()', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.readReceipts) return expectNotPretending(adapter, ['markRead']);
      const id = await conversation();
      await agent.reply(id, 'Please read me');
      await method(adapter, 'markRead')(id);
      const listed = await method(adapter, 'listConversations')();
      expect(listed.find((c) => c.id === id)?.unreadCount).toBe(0);
    });
  });
}

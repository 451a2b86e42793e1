import { type ContextSnapshot, Conversation, Message, MessagePage, StartedConversation } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { expectNotPretending, expectTypedError, method, rejection, unique, useFixture } from './helpers.js';

const CHAT_METHODS = ['startConversation', 'sendMessage', 'listMessages', 'listConversations'] as const;

export const conformanceContext = (): ContextSnapshot => ({
  capturedAt: new Date().toISOString(),
  page: {
    url: 'https://app.example.com/conformance/payments?tab=open',
    path: '/conformance/payments',
    title: 'Payments',
  },
  routeTrail: [{ path: '/conformance/reports', at: new Date().toISOString() }],
  user: { name: 'Ada Conformance', plan: 'starter' },
  breadcrumbs: [{ type: 'console', level: 'error', message: 'conformance breadcrumb', at: new Date().toISOString() }],
  selfService: [],
  custom: { conformance: true },
});

export function chatChecks(suite: ConformanceSuite): void {
  describe('chat', () => {
    const fixture = useFixture(suite);
    const start = (body: string) =>
      method(
        fixture().adapter,
        'startConversation',
      )({ body, attachmentIds: [], idempotencyKey: unique('start'), context: conformanceContext() });

    it('starts a conversation carrying the context snapshot — or, undeclared, has no chat methods', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.chat) return expectNotPretending(adapter, CHAT_METHODS);
      const started = await start('My payment page is blank');
      expect(StartedConversation.safeParse(started).success).toBe(true);
      expect(started.message.body).toBe('My payment page is blank');
      expect(started.message.conversationId).toBe(started.conversation.id);
      if (agent.lastContext) {
        const stored = await agent.lastContext(started.conversation.id);
        expect(stored?.page.path).toBe('/conformance/payments');
        expect(stored?.custom).toEqual({ conformance: true });
      }
      const listed = await method(adapter, 'listConversations')();
      expect(listed.map((c) => c.id)).toContain(started.conversation.id);
    });

    it('shows agents the page the visitor is on while a chat started with context is open — or, undeclared, has no sendPage()', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.livePage) return expectNotPretending(adapter, ['sendPage']);
      if (!agent.visitorPage)
        throw new Error(`${adapter.name} declares livePage but its AgentDriver has no visitorPage()`);
      const { conversation } = await start('Where do I change my plan?');
      const listed = await method(adapter, 'listConversations')();
      expect(listed.find((c) => c.id === conversation.id)?.livePage).toBe(true);
      await method(adapter, 'sendPage')({ path: '/conformance/settings', title: 'Settings' });
      expect(await agent.visitorPage(conversation.id)).toMatchObject({
        path: '/conformance/settings',
        title: 'Settings',
      });
    });

    it('stores a message sent twice with one idempotency key once, answering with the same id', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.chat) return expectNotPretending(adapter, CHAT_METHODS);
      const { conversation } = await start('Idempotency check');
      const input = { body: 'Sent twice', attachmentIds: [], idempotencyKey: unique('twice') };
      const first = await method(adapter, 'sendMessage')(conversation.id, input);
      const second = await method(adapter, 'sendMessage')(conversation.id, input);
      expect(Message.safeParse(first).success).toBe(true);
      expect(second.id).toBe(first.id);
      const page = await method(adapter, 'listMessages')(conversation.id, { limit: 50 });
      expect(page.messages.filter((m) => m.body === 'Sent twice')).toHaveLength(1);
    });

    it('pages 30 messages by 10, newest page first, without gaps, duplicates or reordering', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.chat) return expectNotPretending(adapter, CHAT_METHODS);
      const { conversation, message } = await start('page-00');
      const sent = [message.id];
      for (let i = 1; i < 30; i++) {
        const next = await method(adapter, 'sendMessage')(conversation.id, {
          body: `page-${String(i).padStart(2, '0')}`,
          attachmentIds: [],
          idempotencyKey: unique('page'),
        });
        sent.push(next.id);
      }
      const received: string[] = [];
      let before: string | undefined;
      let pages = 0;
      do {
        const page = await method(adapter, 'listMessages')(conversation.id, {
          limit: 10,
          ...(before ? { before } : {}),
        });
        expect(MessagePage.safeParse(page).success).toBe(true);
        expect(page.messages.length).toBeLessThanOrEqual(10);
        received.unshift(...page.messages.map((m) => m.id));
        before = page.nextCursor;
        pages += 1;
      } while (before && pages < 10);
      expect(pages).toBe(3);
      expect(received).toEqual(sent);
    });

    it('refuses an empty message as invalid input', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.chat) return expectNotPretending(adapter, CHAT_METHODS);
      const { conversation } = await start('Empty message check');
      const error = await rejection(
        method(adapter, 'sendMessage')(conversation.id, {
          body: '',
          attachmentIds: [],
          idempotencyKey: unique('empty'),
        }),
      );
      expectTypedError(error, 'invalid_input', 'body');
    });

    it('accepts a CSAT rating and refuses a score outside 1–5 — or, undeclared, has no rateConversation()', async () => {
      const { adapter, agent } = fixture();
      if (!adapter.capabilities.csat) return expectNotPretending(adapter, ['rateConversation']);
      const { conversation } = await start('CSAT check');
      await agent.resolve(conversation.id);
      await method(adapter, 'rateConversation')(conversation.id, {
        score: 5,
        comment: 'Great',
        idempotencyKey: unique('csat'),
      });
      const error = await rejection(
        method(adapter, 'rateConversation')(conversation.id, { score: 9, idempotencyKey: unique('csat') }),
      );
      expectTypedError(error, 'invalid_input', 'score');
    });

    it('lets the visitor end a conversation, which a new message opens again — or, undeclared, has no endConversation()', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.endChat) return expectNotPretending(adapter, ['endConversation']);
      const { conversation } = await start('All sorted, thanks');
      const ended = await method(adapter, 'endConversation')(conversation.id);
      expect(Conversation.safeParse(ended).success).toBe(true);
      expect(ended).toMatchObject({ id: conversation.id, status: 'resolved' });
      // Ending twice is no error: a retried request after a lost answer.
      expect((await method(adapter, 'endConversation')(conversation.id)).status).toBe('resolved');
      const listed = await method(adapter, 'listConversations')();
      expect(listed.find((c) => c.id === conversation.id)?.status).toBe('resolved');
      await method(adapter, 'sendMessage')(conversation.id, {
        body: 'One more thing',
        attachmentIds: [],
        idempotencyKey: unique('reopen'),
      });
      const reopened = await method(adapter, 'listConversations')();
      expect(reopened.find((c) => c.id === conversation.id)?.status).toBe('open');
      const missing = await rejection(method(adapter, 'endConversation')('no-such-conversation'));
      expectTypedError(missing, 'not_found');
    });
  });
}

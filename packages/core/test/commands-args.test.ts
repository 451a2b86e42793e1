import { type HelplineClient, isValidationError } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { startClient } from './client-test-adapter.js';

type BadCall = [name: string, field: string, call: (client: HelplineClient) => Promise<unknown>];

const BAD_CALLS: BadCall[] = [
  ['open', 'view', (c) => c.open(5 as never)],
  ['open', 'view.name', (c) => c.open({ name: 'inbox' } as never)],
  ['open', 'view.articleId', (c) => c.open({ name: 'article', articleId: 5 } as never)],
  ['identify', 'user.id', (c) => c.identify({ name: 'Ada' })],
  ['identify', 'verification.userHash', (c) => c.identify({ id: 'u1' }, { userHash: 'not-hex' })],
  ['update', 'context', (c) => c.update('acme' as never)],
  ['update', 'context.account.seats', (c) => c.update({ account: { seats: 'many' as never } })],
  ['search', 'query', (c) => c.search(42 as never)],
  ['article', 'id', (c) => c.article('')],
  ['suggest', 'articleIds', (c) => c.suggest('a1' as never)],
  ['newMessage', 'text', (c) => c.newMessage(5 as never)],
  ['newTicket', 'prefill.severity', (c) => c.newTicket({ severity: 'P9' as never })],
  ['prefill', 'fields', (c) => c.prefill(null as never)],
  ['track', 'name', (c) => c.track('')],
  ['track', 'data.nested', (c) => c.track('clicked', { nested: {} as never })],
  ['help.register', 'pattern', (c) => c.help.register('invoices', { articles: ['a1'] })],
  ['help.register', 'entry.articles', (c) => c.help.register('/invoices/*', { articles: 'a1' as never })],
  ['help.unregister', 'pattern', (c) => c.help.unregister(5 as never)],
  ['kb.search', 'query', (c) => c.kb.search(undefined as never)],
  ['kb.refreshSuggestions', 'articleIds.0', (c) => c.kb.refreshSuggestions([1] as never)],
  ['kb.getArticle', 'id', (c) => c.kb.getArticle('')],
  ['kb.rate', 'helpful', (c) => c.kb.rate('a1', 'yes' as never)],
  ['chat.send', 'input.body', (c) => c.chat.send({ body: '   ' })],
  ['chat.markRead', 'conversationId', (c) => c.chat.markRead('')],
  ['chat.rate', 'csat.score', (c) => c.chat.rate('c1', { score: 9 })],
  ['chat.loadOlder', 'conversationId', (c) => c.chat.loadOlder(undefined as never)],
  [
    'tickets.create',
    'input.subject',
    (c) => c.tickets.create({ subject: 'x', description: '', severity: 'P2', category: 'bug', includeContext: true }),
  ],
  [
    'tickets.create',
    'input.includeContext',
    (c) => c.tickets.create({ subject: 'Broken export', description: '', severity: 'P2', category: 'bug' } as never),
  ],
  ['tickets.get', 'id', (c) => c.tickets.get('')],
  ['tickets.reply', 'body', (c) => c.tickets.reply('t1', '')],
  ['attachments.upload', 'file', (c) => c.attachments.upload('photo.png' as never)],
];

describe('every command validates its arguments', () => {
  it.each(BAD_CALLS)(
    '%s rejects a bad %s with invalid_command, an error event and one console error',
    async (name, field, call) => {
      const { client, logs } = startClient();
      const events: Array<{ command?: string; message: string }> = [];
      client.on('error', ({ error, command }) => events.push({ command, message: error.message }));

      const error = await call(client).then(
        () => undefined,
        (reason: unknown) => reason,
      );

      expect(isValidationError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'invalid_command', field });
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).toContain(field);
      expect(events).toEqual([{ command: name, message: (error as Error).message }]);
      expect(logs.errors).toHaveLength(1);
      expect(logs.errors[0]).toContain(field);
    },
  );

  it('keeps working after a bad call', async () => {
    const { client } = startClient();
    await client.open(5 as never).catch(() => {});
    await client.open('chat');
    expect(client.state.view.value).toEqual({ name: 'chat' });
  });
});

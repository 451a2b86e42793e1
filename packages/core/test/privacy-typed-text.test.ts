import { createMemoryStore, redactionRules, redactText } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { Privacy } from '../src/options/schema.js';
import { createTestBackend, startClient } from './client-test-adapter.js';

const CARD = '4242 4242 4242 4242';

describe('what the user types leaves the page redacted', () => {
  it('masks a card number in a chat message before the outbox, and shows the user what was sent', async () => {
    const { client, backend } = startClient();
    await client.chat.send({ body: `my card ${CARD} was charged twice` });
    await vi.waitFor(() => expect(backend.messages).toHaveLength(1));
    expect(backend.messages[0]!.body).toBe('my card [card] was charged twice');
    const id = client.chat.conversations.value[0]!.id;
    await client.chat.send({ conversationId: id, body: `and 4111-1111-1111-1111 too` });
    await vi.waitFor(() => expect(backend.messages).toHaveLength(2));
    expect(backend.messages[1]!.body).toBe('and [card] too');
    expect(JSON.stringify(backend.messages)).not.toContain('4242');
  });

  it('keeps the pending copy masked while it waits offline', async () => {
    const { client, backend } = startClient();
    backend.offline = true;
    await client.chat.send({ body: `card ${CARD}` });
    expect(client.chat.thread(undefined).value.pending.map((item) => item.body)).toEqual(['card [card]']);
  });

  it('stores the draft masked while the box keeps what was typed', async () => {
    const store = createMemoryStore();
    const { client, time } = startClient({}, { store });
    client.interacted();
    client.chat.setDraft('new', `paying with ${CARD}`);
    client.tickets.setDraft({ subject: 'Refund', description: `card ${CARD}`, fields: { note: CARD } });
    await vi.waitFor(async () => {
      time.advance(1000);
      expect(await store.get('draft:chat:new')).toBe('paying with [card]');
    });
    expect(await store.get('draft:ticket:form')).toEqual({
      subject: 'Refund',
      description: 'card [card]',
      fields: { note: '[card]' },
    });
    expect(client.chat.draft('new').value).toBe(`paying with ${CARD}`);
  });

  it('masks the ticket subject, description, text fields and replies', async () => {
    const { client, backend } = startClient({ privacy: { redactPatterns: ['ACME-\\d{4}'] } });
    const ticket = await client.tickets.create({
      subject: `Card ${CARD} refused`,
      description: 'Order ACME-1234, token abc123DEF456ghi, mail me at ada@example.com',
      severity: 'P2',
      category: 'billing_access',
      fields: { plan: 'pro', seats: 3 },
      includeContext: false,
    });
    expect(ticket.subject).toBe('Card [card] refused');
    // Emails stay even with redactEmails: the user typed theirs to be reached.
    expect(backend.tickets[0]!.description).toBe('Order [redacted], token [redacted], mail me at ada@example.com');
    const reply = await client.tickets.reply(ticket.id, `it was ${CARD}`);
    expect(reply.body).toBe('it was [card]');
  });

  it('masks custom text fields of a ticket', async () => {
    const backend = createTestBackend();
    const create = vi.spyOn(backend, 'createTicket');
    const { client } = startClient({}, { backend });
    await client.tickets.create({
      subject: 'Export fails',
      description: 'see field',
      severity: 'P3',
      category: 'bug',
      fields: { plan: 'free', notes: `paid with ${CARD}` },
      includeContext: false,
    });
    expect(create.mock.calls[0]![0].fields).toEqual({ plan: 'free', notes: 'paid with [card]' });
  });

  it('masks a rating comment, a search query and a question', async () => {
    const backend = createTestBackend({ answers: true });
    const rate = vi.spyOn(backend, 'rateConversation');
    const search = vi.spyOn(backend, 'searchArticles');
    backend.answer = vi.fn(async () => ({ passages: [] }));
    const { client } = startClient({}, { backend });
    await client.chat.send({ body: 'hello' });
    await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    const id = client.chat.conversations.value[0]!.id;
    await client.chat.rate(id, { score: 4, comment: `refund to ${CARD}` });
    expect(rate.mock.calls[0]![1].comment).toBe('refund to [card]');
    expect(client.chat.conversations.value[0]!.csat?.comment).toBe('refund to [card]');
    await client.kb.search(`charged ${CARD}`);
    expect(search.mock.calls[0]![0]).toBe('charged [card]');
    await client.kb.answer(`why was ${CARD} charged`);
    expect(vi.mocked(backend.answer).mock.calls[0]![0]).toBe('why was [card] charged');
  });

  it('is public as client.redact, with the host’s patterns', () => {
    const { client } = startClient({ privacy: { redactPatterns: ['ACME-\\d{4}'] } });
    expect(client.redact(`ACME-1234, ${CARD}, https://app.test/?token=abc ok`)).toBe(
      '[redacted], [card], https://app.test/?token=[redacted] ok',
    );
    expect(client.redact('nothing secret here')).toBe('nothing secret here');
  });
});

describe('tokens in prose', () => {
  const rules = redactionRules(Privacy.parse({}));
  it('leaves words after "basic", "token" and "bearer" alone unless they look machine-made', () => {
    expect(redactText('I am on the basic plan; Token expired yesterday; bearer instruments', rules)).toBe(
      'I am on the basic plan; Token expired yesterday; bearer instruments',
    );
    expect(redactText('Basic dXNlcjpwYXNzd29yZA== and Bearer 9f8e7d6c5b4a and token abcdEFGHijkl', rules)).toBe(
      'Basic [redacted] and Bearer [redacted] and token [redacted]',
    );
  });
});

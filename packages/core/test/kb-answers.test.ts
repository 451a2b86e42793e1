import type { Answer, ContextSnapshot } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { answeredAfterLogout, createTestBackend, lastContextOf, startClient } from './client-test-adapter.js';

function answeringBackend() {
  const backend = createTestBackend({ answers: true });
  backend.answer = async (question) => ({
    answerId: 'ans-1',
    passages: question.includes('invoice')
      ? [
          { articleId: 'a1', articleTitle: 'Exporting invoices', text: 'Use the export button.', confidence: 0.9 },
          {
            articleId: 'a2',
            articleTitle: 'Billing',
            heading: 'Invoice history',
            text: 'Open Billing.',
            confidence: 0.6,
          },
        ]
      : [],
  });
  return backend;
}

/** A backend that answers nothing and records the questions that reached it. */
function recordingBackend() {
  const backend = createTestBackend({ answers: true });
  const asked: string[] = [];
  backend.answer = async (question) => {
    asked.push(question);
    return { passages: [] };
  };
  return { backend, asked };
}

describe('instant answers', () => {
  it('does not count an answer asked for before a logout and shown after it as seen', async () => {
    const backend = answeringBackend();
    const { client } = startClient({}, { backend });
    await answeredAfterLogout(client, backend, 'answer', () => client.kb.answer('how do I export an invoice?'));
    expect(client.snapshot().selfService).toEqual([]);
  });

  it('answers a question, records it as seen, and reports answer_shown', async () => {
    const backend = answeringBackend();
    const { client } = startClient({}, { backend });
    const answer = await client.kb.answer('how do I export an invoice?');
    expect(answer.passages[0]?.articleId).toBe('a1');
    expect(client.snapshot().selfService).toEqual([
      expect.objectContaining({ kind: 'answer', ref: 'ans-1', title: 'Exporting invoices' }),
    ]);
    expect(backend.analytics).toContainEqual(expect.objectContaining({ type: 'answer_shown', answerId: 'ans-1' }));
  });

  it('records "I still need help" so the next request carries it, and "solved" for deflection', async () => {
    const backend = answeringBackend();
    const { client } = startClient({}, { backend });
    const answer: Answer = await client.kb.answer('invoice export');
    await client.kb.resolveAnswer(answer, false);
    await client.kb.resolveAnswer(answer, true);
    // Every passage seen, titled "article › heading", once each: the agent's "Tried before asking".
    expect(client.snapshot().selfService).toEqual([
      expect.objectContaining({ kind: 'answer', ref: 'ans-1', title: 'Exporting invoices' }),
      expect.objectContaining({ kind: 'answer', ref: 'ans-1', title: 'Billing › Invoice history' }),
    ]);
    expect(backend.analytics.map((event) => event.type)).toEqual(
      expect.arrayContaining(['answer_escalated', 'answer_solved']),
    );
  });

  it('sends the passages seen before "still need help" with the next ticket', async () => {
    const backend = answeringBackend();
    const { client } = startClient({}, { backend });
    await client.kb.resolveAnswer(await client.kb.answer('invoice export'), false);
    await client.tickets.create({
      subject: 'Export still fails',
      description: 'Tried the answer',
      severity: 'P2',
      category: 'bug',
      fields: { plan: 'pro' },
      includeContext: true,
    });
    const context = lastContextOf(backend) as ContextSnapshot;
    expect(context.selfService.map(({ kind, title }) => `${kind}: ${title}`)).toEqual([
      'answer: Exporting invoices',
      'answer: Billing › Invoice history',
    ]);
  });

  it('takes a question of up to 500 characters, as the protocol does, and refuses a longer one naming the field', async () => {
    const { backend, asked } = recordingBackend();
    const { client, logs } = startClient({}, { backend });
    await client.kb.answer('x'.repeat(500));
    const refused = await client.kb.answer('x'.repeat(501)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'invalid_command', field: 'question' });
    expect((refused as Error).message).toMatch(/kb\.answer.*question.*500/);
    expect(logs.errors).toEqual([expect.stringContaining('question')]);
    expect(asked.map((question) => question.length)).toEqual([500]);
  });

  it('trims a question as the protocol does: shorter than 2 characters it is refused naming the field, not sent', async () => {
    const { backend, asked } = recordingBackend();
    const { client, logs } = startClient({}, { backend });
    for (const question of ['x', '  x  ', '   ']) {
      const refused = await client.kb.answer(question).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: 'invalid_command', field: 'question' });
      expect((refused as Error).message).toMatch(/kb\.answer.*question.*2/);
    }
    expect(logs.errors).toHaveLength(3);
    await client.kb.answer(' ok ');
    await client.kb.answer(` ${'x'.repeat(500)}\n`);
    expect(asked).toEqual(['ok', 'x'.repeat(500)]);
  });

  it('refuses answers when the adapter has none, or the host turned them off', async () => {
    const { client } = startClient();
    await expect(client.kb.answer('anything')).rejects.toMatchObject({ code: 'unsupported', field: 'answers' });
    const off = startClient({ features: { answers: false } }, { backend: answeringBackend() });
    await expect(off.client.kb.answer('anything')).rejects.toMatchObject({ code: 'unsupported' });
  });
});

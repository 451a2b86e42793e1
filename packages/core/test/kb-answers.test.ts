import type { Answer } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { createTestBackend, startClient } from './client-test-adapter.js';

function answeringBackend() {
  const backend = createTestBackend({ answers: true });
  backend.answer = async (question) => ({
    answerId: 'ans-1',
    passages: question.includes('invoice')
      ? [{ articleId: 'a1', articleTitle: 'Exporting invoices', text: 'Use the export button.', confidence: 0.9 }]
      : [],
  });
  return backend;
}

describe('instant answers', () => {
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
    expect(client.snapshot().selfService.at(-1)).toMatchObject({ kind: 'answer', title: 'still needed help' });
    expect(backend.analytics.map((event) => event.type)).toEqual(
      expect.arrayContaining(['answer_escalated', 'answer_solved']),
    );
  });

  it('refuses answers when the adapter has none, or the host turned them off', async () => {
    const { client } = startClient();
    await expect(client.kb.answer('anything')).rejects.toMatchObject({ code: 'unsupported', field: 'answers' });
    const off = startClient({ features: { answers: false } }, { backend: answeringBackend() });
    await expect(off.client.kb.answer('anything')).rejects.toMatchObject({ code: 'unsupported' });
  });
});

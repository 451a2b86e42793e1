import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser.js';

function parseAll(chunks: string[]) {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const feed = createSseParser(
    (message) => messages.push(message),
    (ms) => retries.push(ms),
  );
  for (const chunk of chunks) feed(chunk);
  return { messages, retries };
}

describe('SSE parser', () => {
  it('joins events split across chunks and keeps their ids', () => {
    const { messages } = parseAll(['id: 7\ndata: {"type":', '"resync"}\n', '\nid: 8\r\ndata: a\r\ndata: b\r\n\r\n']);
    expect(messages).toEqual([
      { id: '7', data: '{"type":"resync"}' },
      { id: '8', data: 'a\nb' },
    ]);
  });

  it('skips comments (heartbeats) and reports retry', () => {
    const { messages, retries } = parseAll([': connected\n\nretry: 3000\n\n: heartbeat\n\ndata: x\n\n']);
    expect(messages).toEqual([{ data: 'x' }]);
    expect(retries).toEqual([3000]);
  });

  it('ignores a bad retry value and an event without data', () => {
    const { messages, retries } = parseAll(['retry: soon\nid: 3\n\n']);
    expect(messages).toEqual([]);
    expect(retries).toEqual([]);
  });

  it('holds back an event until its blank line arrives', () => {
    const { messages } = parseAll(['data: partial\n']);
    expect(messages).toEqual([]);
  });
});

import { createSseParser, type SseMessage } from '@helpline/adapter-http';
import { describe, expect, it } from 'vitest';

describe('the SSE parser', () => {
  it('assembles events split across chunks and keeps the last id', () => {
    const seen: SseMessage[] = [];
    const parser = createSseParser((message) => seen.push(message));
    parser.push(': heartbeat\n\nid: 7\nevent: message\ndata: {"a"');
    parser.push(':1}\n\r\ndata: line1\r\ndata: line2\n\n');
    expect(seen).toEqual([
      { id: '7', event: 'message', data: '{"a":1}' },
      { id: '7', event: 'message', data: 'line1\nline2' },
    ]);
    expect(parser.lastEventId()).toBe('7');
  });

  it('ignores comments and events without data', () => {
    const seen: SseMessage[] = [];
    const parser = createSseParser((message) => seen.push(message));
    parser.push(':keepalive\n\nevent: ping\n\nid: 3\n\n');
    expect(seen).toEqual([]);
    expect(parser.lastEventId()).toBe('3');
  });

  it('reports a valid retry and ignores a bad one', () => {
    const retries: number[] = [];
    const seen: SseMessage[] = [];
    const parser = createSseParser(
      (message) => seen.push(message),
      (ms) => retries.push(ms),
    );
    parser.push(': connected\n\nretry: 3000\n\nretry: soon\n\ndata: x\n\n');
    expect(retries).toEqual([3000]);
    expect(seen).toEqual([{ id: undefined, event: 'message', data: 'x' }]);
  });

  it('holds back an event until its blank line arrives', () => {
    const seen: SseMessage[] = [];
    const parser = createSseParser((message) => seen.push(message));
    parser.push('data: partial\n');
    expect(seen).toEqual([]);
  });

  it('reads a CRLF split between two chunks as one line end, and a lone CR as one too', () => {
    const seen: SseMessage[] = [];
    const parser = createSseParser((message) => seen.push(message));
    parser.push('data: one\r');
    parser.push('\ndata: two\r');
    parser.push('\n\r');
    parser.push('\n');
    parser.push('data: three\r\rdata: four\r');
    parser.push('\r');
    expect(seen).toEqual([
      { id: undefined, event: 'message', data: 'one\ntwo' },
      { id: undefined, event: 'message', data: 'three' },
      { id: undefined, event: 'message', data: 'four' },
    ]);
  });
});

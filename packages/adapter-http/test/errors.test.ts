import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpAdapter } from '@helpline/adapter-http';
import { isAdapterError, isValidationError } from '@helpline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A real HTTP server that answers like a broken or strict backend would.
let server: Server;
let baseUrl: string;
let sessions = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/v1/session') {
      sessions += 1;
      return json(200, { visitorId: 'visitor-1', verified: false, token: `token-${sessions}` });
    }
    if (url.pathname === '/v1/kb/search') {
      if (req.headers.authorization === 'Bearer token-1')
        return json(401, { error: { code: 'unauthorized', message: 'session expired' } });
      return json(200, [{ id: 'a1', title: 'Refunds', snippet: 'How to refund', highlights: [[7, 13]] }]);
    }
    if (url.pathname === '/v1/kb/articles/bad') return json(200, { id: 'bad', title: 42 });
    if (url.pathname === '/v1/tickets')
      return json(400, {
        error: { code: 'invalid_input', message: 'subject: must be at least 3 characters', field: 'subject' },
      });
    if (url.pathname === '/v1/conversations')
      return json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '7' });
    if (url.pathname === '/v1/availability')
      return json(503, { error: { code: 'unavailable', message: 'database unavailable' } });
    json(404, { error: { code: 'not_found', message: 'no such route' } });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const adapter = () => createHttpAdapter({ baseUrl, workspaceKey: 'key-1', retries: 0 });

describe('the http adapter against a real HTTP server', () => {
  it('refuses bad options with the field named', () => {
    expect(() => createHttpAdapter({ baseUrl: 'not a url', workspaceKey: 'k' })).toThrow(/baseUrl/);
    try {
      createHttpAdapter({ baseUrl, workspaceKey: '' });
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
    }
  });

  it('reconnects once on 401 with the stored identity and retries the call', async () => {
    const a = adapter();
    sessions = 0;
    await a.connect({ visitorId: 'visitor-1' });
    const hits = await a.searchArticles?.('refund');
    expect(hits?.[0]?.title).toBe('Refunds');
    expect(sessions).toBe(2);
  });

  it('turns a malformed response into an invalid_response error', async () => {
    const error = await adapter()
      .getArticle?.('bad')
      .catch((e: unknown) => e);
    expect(isAdapterError(error) || isValidationError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('invalid_response');
    expect((error as Error).message).toMatch(/title/);
  });

  it('passes the server message and field through on 400', async () => {
    const error = await adapter()
      .createTicket?.({
        subject: 'x',
        description: '',
        severity: 'P3',
        category: 'bug',
        fields: {},
        attachmentIds: [],
        idempotencyKey: 'abcdefgh1',
      })
      .catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('invalid_input');
    expect((error as { field: string }).field).toBe('subject');
    expect((error as Error).message).toContain('must be at least 3 characters');
  });

  it('reports 429 as retryable with Retry-After and 5xx as retryable server errors', async () => {
    const limited = await adapter()
      .listConversations?.()
      .catch((e: unknown) => e);
    expect((limited as { code: string }).code).toBe('rate_limited');
    expect((limited as { retryAfter: number }).retryAfter).toBe(7);
    expect((limited as { retryable: boolean }).retryable).toBe(true);
    const down = await adapter()
      .getAvailability?.()
      .catch((e: unknown) => e);
    expect((down as { code: string }).code).toBe('server');
    expect((down as { retryable: boolean }).retryable).toBe(true);
  });

  it('reports an unreachable server as a retryable network error', async () => {
    const a = createHttpAdapter({ baseUrl: 'http://127.0.0.1:9', workspaceKey: 'k', retries: 0 });
    const error = await a.searchArticles?.('x').catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('network');
    expect((error as { retryable: boolean }).retryable).toBe(true);
  });
});

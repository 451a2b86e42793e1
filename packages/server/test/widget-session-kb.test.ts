import { Agent, request as httpRequest } from 'node:http';
import { MAX_SEARCH_QUERY_LENGTH } from '@helpline/core';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { DEMO_SECRET, hmac, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const jwt = (claims: Record<string, unknown>, expiresIn: string | number, secret = DEMO_SECRET) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));

describe('sessions and identity', () => {
  it('gives an anonymous visitor an unverified session with a token', async () => {
    const client = new WidgetClient(server.url);
    const result = await client.session({ visitorId: 'anon-visitor-1' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ visitorId: 'anon-visitor-1', verified: false });
    expect(typeof result.body.token).toBe('string');
    expect(Date.parse(result.body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('verifies a user with a valid HMAC user hash', async () => {
    const result = await new WidgetClient(server.url).session({
      user: { id: 'user-42', name: 'Ada' },
      verification: { userHash: hmac('user-42') },
    });
    expect(result.status).toBe(200);
    expect(result.body.verified).toBe(true);
  });

  it('refuses a forged HMAC with 401', async () => {
    const result = await new WidgetClient(server.url).session({
      user: { id: 'user-42' },
      verification: { userHash: hmac('user-42', 'wrong-secret') },
    });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('unauthorized');
    expect(result.body.error.field).toBe('verification.userHash');
  });

  it('verifies a JWT signed with the workspace secret and refuses an expired one', async () => {
    const valid = await new WidgetClient(server.url).session({
      verification: { jwt: await jwt({ sub: 'user-7', email: 'u7@example.com' }, '5m') },
    });
    expect(valid.status).toBe(200);
    expect(valid.body.verified).toBe(true);
    const expired = await new WidgetClient(server.url).session({
      verification: { jwt: await jwt({ sub: 'user-7' }, Math.floor(Date.now() / 1000) - 60) },
    });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('expired');
    const forged = await new WidgetClient(server.url).session({
      verification: { jwt: await jwt({ sub: 'user-7' }, '5m', 'another-secret-of-32-characters!!') },
    });
    expect(forged.status).toBe(401);
  });

  it('takes the account from a JWT claim, and refuses a malformed one', async () => {
    const withAccount = await new WidgetClient(server.url).session({
      verification: { jwt: await jwt({ sub: 'user-8', account: { id: 'acme', plan: 'enterprise', seats: 40 } }, '5m') },
    });
    expect(withAccount.status).toBe(200);
    const [row] = await server.db.query<{ account: unknown }>(
      "select account from visitors where identity_key = 'user:user-8'",
    );
    expect(row?.account).toEqual({ id: 'acme', plan: 'enterprise', seats: 40 });
    const malformed = await new WidgetClient(server.url).session({
      verification: { jwt: await jwt({ sub: 'user-9', account: { seats: 'many' } }, '5m') },
    });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error.field).toBe('verification.jwt');
  });

  it('accepts an unverified claimed user id in the demo workspace, flagged unverified', async () => {
    const result = await new WidgetClient(server.url).session({ user: { id: 'claimed-user' } });
    expect(result.status).toBe(200);
    expect(result.body.verified).toBe(false);
  });

  it('answers 401 to an unknown widget key and to a missing token', async () => {
    const unknown = await new WidgetClient(server.url, 'nope-key').session();
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.field).toBe('X-Helpline-Key');
    const noToken = await new WidgetClient(server.url).call('GET', '/v1/kb/search?q=refund');
    expect(noToken.status).toBe(401);
    expect(noToken.body.error.field).toBe('Authorization');
  });

  it('answers 400 naming the field for a bad session body', async () => {
    const result = await new WidgetClient(server.url).call('POST', '/v1/session', { visitorId: 'short' });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 'invalid_input', field: 'visitorId' });
    const notJson = await new WidgetClient(server.url).call('POST', '/v1/session', undefined, {
      'Content-Type': 'application/json',
    });
    expect(notJson.status).toBe(400);
  });
});

describe('knowledge base', () => {
  let client: WidgetClient;
  beforeAll(async () => {
    client = new WidgetClient(server.url);
    await client.session();
  });

  it('finds the refund article first for "refund"', async () => {
    const result = await client.call('GET', '/v1/kb/search?q=refund');
    expect(result.status).toBe(200);
    expect(result.body.length).toBeGreaterThan(0);
    expect(result.body[0].title.toLowerCase()).toContain('refund');
    expect(result.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const hit = result.body[0];
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const [start, end] of hit.highlights) expect(hit.snippet.slice(start, end).toLowerCase()).toMatch(/^refund/);
  });

  it('takes a search query of up to MAX_SEARCH_QUERY_LENGTH characters, as kb.search does, and answers 400 naming the field past that', async () => {
    const longest = `refund ${'x'.repeat(MAX_SEARCH_QUERY_LENGTH - 7)}`;
    expect((await client.call('GET', `/v1/kb/search?q=${longest}`)).status).toBe(200);
    const tooLong = await client.call('GET', `/v1/kb/search?q=${longest}x`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ code: 'invalid_input', field: 'q' });
    expect(tooLong.body.error.message).toContain(String(MAX_SEARCH_QUERY_LENGTH));
    const event = { type: 'search', query: longest };
    expect((await client.call('POST', '/v1/analytics', event)).status).toBe(204);
    const tooLongEvent = await client.call('POST', '/v1/analytics', { ...event, query: `${longest}x` });
    expect(tooLongEvent.status).toBe(400);
    expect(tooLongEvent.body.error).toMatchObject({ code: 'invalid_input', field: 'query' });
  });

  it('matches the last word as a prefix while typing', async () => {
    const result = await client.call('GET', '/v1/kb/search?q=refu');
    expect(result.body[0]?.title.toLowerCase()).toContain('refund');
  });

  it('suggests articles for the current route and registered ids, registered first', async () => {
    const byRoute = await client.call('GET', '/v1/kb/suggest?path=/invoices');
    expect(byRoute.status).toBe(200);
    expect(byRoute.body.some((hit: { title: string }) => /invoice/i.test(hit.title))).toBe(true);
    const registered = await client.call('GET', '/v1/kb/suggest?path=/invoices&ids=import-customers-csv');
    expect(registered.body[0].title).toMatch(/import/i);
  });

  it('returns an article as HTML with raw HTML from markdown escaped', async () => {
    const hits = await client.call('GET', '/v1/kb/search?q=refund');
    const article = await client.call('GET', `/v1/kb/articles/${hits.body[0].id}`);
    expect(article.status).toBe(200);
    expect(article.body.html).toContain('<h2');
    expect(article.body.html).not.toMatch(/<script|javascript:/i);
    const missing = await client.call('GET', '/v1/kb/articles/does-not-exist');
    expect(missing.status).toBe(404);
  });

  it('records one vote per visitor per article, changeable', async () => {
    const hits = await client.call('GET', '/v1/kb/search?q=refund');
    const id = hits.body[0].id;
    expect((await client.call('POST', `/v1/kb/articles/${id}/vote`, { helpful: true })).status).toBe(204);
    expect((await client.call('POST', `/v1/kb/articles/${id}/vote`, { helpful: false })).status).toBe(204);
    const rows = await server.db.query<{ helpful: boolean }>(
      'select helpful from article_votes where article_id = $1',
      [id],
    );
    expect(rows).toEqual([{ helpful: false }]);
    const bad = await client.call('POST', `/v1/kb/articles/${id}/vote`, { helpful: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('helpful');
  });

  it('answers a question with passages, confidence in [0, 1], and boosts the current page', async () => {
    const result = await client.call('POST', '/v1/answers', { question: 'how do I get a refund for a payment?' });
    expect(result.status).toBe(200);
    expect(typeof result.body.answerId).toBe('string');
    expect(result.body.passages.length).toBeGreaterThan(0);
    const [top] = result.body.passages;
    expect(top.confidence).toBeGreaterThan(0);
    expect(top.confidence).toBeLessThanOrEqual(1);
    expect(top.articleTitle.toLowerCase()).toContain('refund');
    const onPage = await client.call('POST', '/v1/answers', {
      question: 'how do I get a refund for a payment?',
      path: '/invoices/INV-7',
    });
    const boosted = onPage.body.passages.find((p: { articleId: string }) => p.articleId === top.articleId);
    expect(boosted.confidence).toBeGreaterThan(top.confidence);
    for (const question of ['x', ' x ']) {
      const tooShort = await client.call('POST', '/v1/answers', { question });
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.error.field).toBe('question');
    }
  });

  it('takes a question of up to 500 characters, as kb.answer does, and answers 400 naming the field past that', async () => {
    const longest = `refund ${'x'.repeat(493)}`;
    expect((await client.call('POST', '/v1/answers', { question: longest })).status).toBe(200);
    const tooLong = await client.call('POST', '/v1/answers', { question: `${longest}x` });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ code: 'invalid_input', field: 'question' });
    expect(tooLong.body.error.message).toContain('500');
  });
});

describe('a body over the limit', () => {
  it('is refused with 413 and Connection: close, so the client retries on a fresh connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const url = new URL('/v1/session', server.url);
        const request = httpRequest(
          url,
          {
            method: 'POST',
            agent,
            headers: { 'Content-Type': 'application/json', 'X-Helpline-Key': 'demo-public-key' },
          },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
            );
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const tooBig = await post(JSON.stringify({ visitorId: 'visitor-big', pad: 'x'.repeat(1_100_000) }));
    expect(tooBig).toEqual({ status: 413, connection: 'close' });
    expect((await post(JSON.stringify({ visitorId: 'visitor-after-413' }))).status).toBe(200);
    agent.destroy();
  });
});

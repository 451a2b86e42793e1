import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { SseClient } from './sse-client.js';
import { AGENT_PASSWORD, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let root: string;
const LOADER = `/* loader */ ${'(function(){})();'.repeat(50)}`;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'helpline-static-'));
  await mkdir(join(root, 'inbox', 'assets'), { recursive: true });
  await writeFile(join(root, 'inbox', 'index.html'), '<!doctype html><title>Inbox</title>');
  await writeFile(join(root, 'inbox', 'assets', 'app.js'), 'export {};');
  await mkdir(join(root, 'widget', 'chunks'), { recursive: true });
  await writeFile(join(root, 'widget', 'loader.js'), LOADER);
  // What scripts/precompress.ts writes beside every built file.
  await writeFile(join(root, 'widget', 'loader.js.gz'), gzipSync(LOADER));
  await writeFile(join(root, 'widget', 'loader.js.br'), brotliCompressSync(LOADER));
  await writeFile(join(root, 'widget', 'chunks', 'chat-Cu2Qt_w9.js'), 'export const chat = 1;');
  await writeFile(join(root, 'widget', 'chunks', 'logo-original.js'), 'export const logo = 1;');
  await writeFile(join(root, 'widget', 'helpline-B7x_Qp2z.js'), 'export {};');
  await writeFile(join(root, 'widget', 'capture-Dq9_v1Xa.js'), 'export {};');
  server = await startTestServer({
    inboxDir: join(root, 'inbox'),
    staticDirs: [{ prefix: '/widget', dir: join(root, 'widget') }],
  });
});
afterAll(() => server?.close());

describe('static files', () => {
  it('serves the inbox page for /inbox and any client route below it, under a strict CSP', async () => {
    for (const path of ['/inbox', '/inbox/', '/inbox/tickets/123']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Inbox</title>');
      expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    }
    const asset = await fetch(`${server.url}/inbox/assets/app.js`);
    expect(await asset.text()).toBe('export {};');
    expect(asset.headers.get('Content-Type')).toContain('javascript');
  });

  it('serves configured static folders cross-origin and refuses path traversal', async () => {
    const loader = await fetch(`${server.url}/widget/loader.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect((await fetch(`${server.url}/widget/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('sends the precompressed copy a browser accepts, and the file itself to one that accepts none', async () => {
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const response = await fetch(`${server.url}/widget/loader.js`, { headers: { 'Accept-Encoding': accept } });
      expect(response.headers.get('Content-Encoding')).toBe(encoding);
      expect(response.headers.get('Content-Type')).toContain('javascript');
      // fetch decodes br and gzip: what arrives is the file either way.
      expect(await response.text()).toBe(LOADER);
      // The plain copy too, or a shared cache would hand it to every browser.
      expect(response.headers.get('Vary')).toBe('Accept-Encoding');
    }
  });

  it('lets browsers keep content-hashed files for good and revalidate the rest on every use', async () => {
    const cacheControl = async (path: string) => (await fetch(`${server.url}${path}`)).headers.get('Cache-Control');
    expect(await cacheControl('/widget/chunks/chat-Cu2Qt_w9.js')).toBe('public, max-age=31536000, immutable');
    // A word where vite puts a hash is a name, not a hash.
    expect(await cacheControl('/widget/chunks/logo-original.js')).toBe('no-cache');
    expect(await cacheControl('/widget/helpline-B7x_Qp2z.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl('/widget/capture-Dq9_v1Xa.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl('/widget/loader.js')).toBe('no-cache');
    expect(await cacheControl('/inbox/assets/app.js')).toBe('no-cache');
    expect(await cacheControl('/inbox/tickets/123')).toBe('no-cache');
  });

  it('answers the revalidation of an unchanged file with 304 and no body, per encoding', async () => {
    for (const accept of ['br', 'identity']) {
      const first = await fetch(`${server.url}/widget/loader.js`, { headers: { 'Accept-Encoding': accept } });
      const etag = first.headers.get('ETag');
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await fetch(`${server.url}/widget/loader.js`, {
        headers: { 'Accept-Encoding': accept, 'If-None-Match': etag ?? '' },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      const changed = await fetch(`${server.url}/widget/loader.js`, { headers: { 'If-None-Match': 'W/"other"' } });
      expect(changed.status).toBe(200);
    }
    const br = (await fetch(`${server.url}/widget/loader.js`, { headers: { 'Accept-Encoding': 'br' } })).headers;
    const plain = (await fetch(`${server.url}/widget/loader.js`, { headers: { 'Accept-Encoding': 'identity' } }))
      .headers;
    expect(br.get('ETag')).not.toBe(plain.get('ETag'));
    const page = await fetch(`${server.url}/inbox/tickets/1`);
    const revalidated = await fetch(`${server.url}/inbox/tickets/1`, {
      headers: { 'If-None-Match': page.headers.get('ETag') ?? '' },
    });
    expect(revalidated.status).toBe(304);
  });

  it('answers CORS preflights of the widget API for any origin', async () => {
    const response = await fetch(`${server.url}/v1/session`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.customer.test',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-helpline-key,content-type',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('x-helpline-key');
  });
});

describe('knowledge base import', () => {
  it('imports valid markdown files and reports the broken ones without stopping', async () => {
    const kbDir = join(root, 'kb');
    await mkdir(kbDir);
    await writeFile(
      join(kbDir, 'good.md'),
      '---\ntitle: Zebra stripes\nslug: zebra-stripes\nroutes: ["/zoo/*"]\n---\n\nAll about zebras.\n',
    );
    await writeFile(join(kbDir, 'bad.md'), '---\ntitle: No slug here\n---\n\nBody.\n');
    const again = await startTestServer({ kbDir }, { db: server.db });
    try {
      expect(again.demo?.importedArticles).toBe(1);
      expect(again.demo?.skippedArticles).toEqual([{ file: 'bad.md', reason: expect.stringContaining('slug') }]);
      const visitor = new WidgetClient(again.url);
      await visitor.session();
      expect((await visitor.call('GET', '/v1/kb/suggest?path=/zoo/animals')).body[0].title).toBe('Zebra stripes');
    } finally {
      await again.close();
    }
  });
});

describe('presence, availability and agent events', () => {
  it('reports offline with the next opening outside business hours', async () => {
    const closedDay = String((new Date().getUTCDay() + 3) % 7) as '0';
    await createWorkspace(server.db, {
      name: 'Closed today',
      publicKey: 'closed-key',
      settings: { businessHours: { timezone: 'UTC', days: { [closedDay]: [['09:00', '10:00']] }, alwaysOpen: false } },
    });
    const visitor = new WidgetClient(server.url, 'closed-key');
    await visitor.session();
    const availability = await visitor.call('GET', '/v1/availability');
    expect(availability.body.status).toBe('offline');
    expect(Date.parse(availability.body.nextOpenAt)).toBeGreaterThan(Date.now());
    expect(new Date(availability.body.nextOpenAt).getUTCHours()).toBe(9);
  });

  it('reports away without agents, online once an agent is present, and tells visitors', async () => {
    const visitor = new WidgetClient(server.url);
    await visitor.session();
    expect((await visitor.call('GET', '/v1/availability')).body).toMatchObject({
      status: 'away',
      agentsOnline: 0,
      expectedReplyMinutes: 5,
    });
    const stream = await SseClient.open(`${server.url}/v1/events?token=${visitor.token}`);
    await stream.comment('connected');
    const agent = new AgentClient(server.url);
    await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
    await agent.call('POST', '/presence', { online: true });
    const presence = await stream.nextWhere((data) => data.type === 'presence');
    expect(presence.data.availability).toMatchObject({ status: 'online', agentsOnline: 1 });
    expect((await visitor.call('GET', '/v1/availability')).body.status).toBe('online');
    await agent.call('POST', '/presence', { online: false });
    expect((await visitor.call('GET', '/v1/availability')).body.status).toBe('away');
    stream.close();
  });

  it('streams new conversations, visitor typing and read receipts to agents', async () => {
    const agent = new AgentClient(server.url);
    await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
    const stream = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: agent.cookie });
    expect(stream.status).toBe(200);
    await stream.comment('connected');
    const visitor = new WidgetClient(server.url);
    await visitor.session();
    const started = await visitor.call('POST', '/v1/conversations', {
      body: 'Hello agents',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const id = started.body.conversation.id;
    expect((await stream.nextWhere((data) => data.type === 'conversation')).data.conversation.id).toBe(id);
    await visitor.call('POST', `/v1/conversations/${id}/typing`, { typing: true });
    const typing = await stream.nextWhere((data) => data.type === 'typing');
    expect(typing.data).toMatchObject({ conversationId: id, typing: true, author: { type: 'user' } });
    expect(typing.id).toBeUndefined();
    await visitor.call('POST', `/v1/conversations/${id}/read`);
    expect((await stream.nextWhere((data) => data.type === 'read')).data).toMatchObject({
      conversationId: id,
      reader: 'user',
    });
    stream.close();
    const unauthenticated = await SseClient.open(`${server.url}/agent/api/events`);
    expect(unauthenticated.status).toBe(401);
    unauthenticated.close();
  });
});

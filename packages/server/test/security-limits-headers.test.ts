import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { send } from './security-http.js';
import { startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'helpline-headers-'));
  await mkdir(join(root, 'inbox'));
  await writeFile(join(root, 'inbox', 'index.html'), '<!doctype html><title>Inbox</title>');
  server = await startTestServer({
    inboxDir: join(root, 'inbox'),
    // Refill so slow that no token comes back during the test: counts are exact.
    rateLimit: { visitor: { capacity: 3, refillPerSecond: 0.01 }, ip: { capacity: 12, refillPerSecond: 0.01 } },
  });
});
afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After per visitor, then per address, and a spoofed X-Forwarded-For does not reset them', async () => {
    const first = new WidgetClient(server.url);
    await first.session(); // address: 1
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await first.call('GET', '/v1/conversations')).status); // address: 5
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await first.call('GET', '/v1/conversations'); // address: 6
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(limited.headers.get('Access-Control-Expose-Headers')).toMatch(/Retry-After/);

    // Another visitor has a bucket of their own...
    const second = new WidgetClient(server.url);
    await second.session(); // address: 7
    expect((await second.call('GET', '/v1/conversations')).status).toBe(200); // address: 8
    // ...until the address runs dry for everyone behind it.
    for (let n = 0; n < 4; n++) await second.call('GET', '/v1/availability'); // address: 12
    const byAddress = await second.call('GET', '/v1/availability');
    expect(byAddress.status).toBe(429);
    expect(byAddress.body.error.message).toMatch(/address/);
    expect(Number(byAddress.headers.get('Retry-After'))).toBeGreaterThan(0);
    // trustProxy is off: a client cannot pick a fresh address by claiming one.
    const spoofed = await second.call('GET', '/v1/availability', undefined, { 'X-Forwarded-For': '203.0.113.9' });
    expect(spoofed.status).toBe(429);
    // Health checks are not throttled.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('security headers', () => {
  it('serve the inbox under a CSP without unsafe-inline that forbids framing, with nosniff', async () => {
    const res = await send(server.url, { method: 'GET', path: '/inbox' });
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toMatch(/DENY|SAMEORIGIN/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('send HSTS only over TLS: not on plain http, and not for an X-Forwarded-Proto from an untrusted client', async () => {
    for (const path of ['/inbox', '/v1/availability', '/healthz']) {
      const plain = await send(server.url, { method: 'GET', path });
      expect(plain.headers['strict-transport-security'], path).toBeUndefined();
      // trustProxy is off: anyone can send this header, so it proves nothing about the connection.
      const claimed = await send(server.url, { method: 'GET', path, headers: { 'X-Forwarded-Proto': 'https' } });
      expect(claimed.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('send HSTS when a trusted proxy says the browser came over https', async () => {
    const behindProxy = await startTestServer({ inboxDir: join(root, 'inbox'), seedDemo: false, trustProxy: true });
    try {
      for (const path of ['/inbox', '/v1/availability', '/healthz']) {
        const tls = await send(behindProxy.url, { method: 'GET', path, headers: { 'X-Forwarded-Proto': 'https' } });
        expect(tls.headers['strict-transport-security'], path).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
        // The proxy's first hop decides: "http, https" means the browser used http.
        const chained = await send(behindProxy.url, {
          method: 'GET',
          path,
          headers: { 'X-Forwarded-Proto': 'http, https' },
        });
        expect(chained.headers['strict-transport-security'], path).toBeUndefined();
        const plain = await send(behindProxy.url, { method: 'GET', path });
        expect(plain.headers['strict-transport-security'], path).toBeUndefined();
      }
    } finally {
      await behindProxy.close();
    }
  });

  it('send nosniff and no server fingerprint on API answers', async () => {
    const res = await send(server.url, { method: 'GET', path: '/v1/availability' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { hmac, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const signedIn = async (visitorId: string) => {
  const client = new WidgetClient(server.url);
  const result = await client.session({
    visitorId,
    user: { id: 'revoke-user' },
    verification: { userHash: hmac('revoke-user') },
  });
  expect(result.status).toBe(200);
  return client;
};

describe('DELETE /v1/session (logout)', () => {
  it('revokes the token it was called with: every session route answers 401 afterwards, even before expiry', async () => {
    const client = await signedIn('revoke-device-a-1');
    expect((await client.call('GET', '/v1/conversations')).status).toBe(200);
    const revoked = await client.call('DELETE', '/v1/session');
    expect(revoked.status).toBe(204);
    for (const [method, path] of [
      ['GET', '/v1/conversations'],
      ['GET', '/v1/kb/search?q=refund'],
      ['GET', '/v1/me/export'],
    ] as const) {
      const refused = await client.call(method, path);
      expect(refused.status, `${method} ${path}`).toBe(401);
      expect(refused.body.error.field).toBe('Authorization');
    }
    // The realtime stream takes the token as a query parameter: refused too.
    const stream = await fetch(`${server.url}/v1/events?token=${client.token}`);
    expect(stream.status).toBe(401);
    // Ending it again is no error: it stays ended.
    expect((await client.call('DELETE', '/v1/session')).status).toBe(204);
    expect((await client.call('GET', '/v1/conversations')).status).toBe(401);
  });

  it('ends an anonymous session whose visitor was merged into the signed-in user meanwhile', async () => {
    const browser = new WidgetClient(server.url);
    await browser.session({ visitorId: 'revoke-merged-1' });
    const anonymousToken = browser.token;
    await signedIn('revoke-merged-1');
    browser.token = anonymousToken;
    expect((await browser.call('DELETE', '/v1/session')).status).toBe(204);
    expect((await browser.call('GET', '/v1/conversations')).status).toBe(401);
  });

  it('leaves the same user’s other sessions (another device) working, and a new session works', async () => {
    const phone = await signedIn('revoke-device-b-1');
    const laptop = await signedIn('revoke-device-b-2');
    expect((await phone.call('DELETE', '/v1/session')).status).toBe(204);
    expect((await phone.call('GET', '/v1/conversations')).status).toBe(401);
    expect((await laptop.call('GET', '/v1/conversations')).status).toBe(200);
    await phone.session({ visitorId: 'revoke-device-b-1' });
    expect((await phone.call('GET', '/v1/conversations')).status).toBe(200);
  });

  it('needs a valid session: no token, a forged one, or another workspace’s key is 401', async () => {
    const anonymous = new WidgetClient(server.url);
    expect((await anonymous.call('DELETE', '/v1/session')).status).toBe(401);
    anonymous.token = 'not.a.token';
    expect((await anonymous.call('DELETE', '/v1/session')).status).toBe(401);
    const client = await signedIn('revoke-device-c-1');
    const otherKey = new WidgetClient(server.url, 'another-workspace-key');
    otherKey.token = client.token;
    expect((await otherKey.call('DELETE', '/v1/session')).status).toBe(401);
    expect((await client.call('GET', '/v1/conversations')).status).toBe(200);
  });
});

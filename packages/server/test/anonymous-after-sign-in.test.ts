import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { hmac, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('a browser whose visitor signed in, used again without a user', () => {
  it("gets a new anonymous visitor: none of the user's conversations or tickets", async () => {
    const visitorId = `visitor-shared-${Math.random().toString(36).slice(2, 8)}`;
    const before = new WidgetClient(server.url);
    await before.session({ visitorId });
    await before.call('POST', '/v1/conversations', {
      body: 'Asked before signing in',
      attachmentIds: [],
      idempotencyKey: key(),
    });

    const ada = new WidgetClient(server.url);
    await ada.session({
      visitorId,
      user: { id: 'u-shared-ada', name: 'Ada' },
      verification: { userHash: hmac('u-shared-ada') },
    });
    await ada.call('POST', '/v1/conversations', { body: 'Asked as Ada', attachmentIds: [], idempotencyKey: key() });
    const hers = await ada.call('GET', '/v1/conversations');
    expect(hers.body.map((c: { lastMessage?: { body: string } }) => c.lastMessage?.body).sort()).toEqual([
      'Asked as Ada',
      'Asked before signing in',
    ]);

    // The same browser later, the page naming nobody: the same stored visitor id, no user.
    const later = new WidgetClient(server.url);
    expect((await later.session({ visitorId })).status).toBe(200);
    expect((await later.call('GET', '/v1/conversations')).body).toEqual([]);
    expect((await later.call('GET', '/v1/tickets')).body).toEqual([]);
  });
});

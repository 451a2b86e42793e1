import type { Conversation, LivePage } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, startClient } from './client-test-adapter.js';

const conversation = (overrides: Partial<Conversation> = {}): Conversation => ({
  id: 'c-shared',
  status: 'open',
  createdAt: '2026-11-29T09:00:00.000Z',
  updatedAt: '2026-11-29T09:00:00.000Z',
  unreadCount: 0,
  livePage: true,
  ...overrides,
});

/** A visitor with history on the test backend, whose page reports are recorded. */
async function visitorOn(path: string, conversations: Conversation[], options = {}) {
  window.history.replaceState(null, '', path);
  document.title = 'Billing';
  const backend = createTestBackend({ livePage: true });
  const pages: LivePage[] = [];
  backend.sendPage = async (page) => {
    pages.push(page);
  };
  for (const item of conversations) backend.conversations.set(item.id, item);
  const harness = startClient({ user: { id: 'u-live' }, ...options }, { backend });
  await harness.client.chat.loadConversations();
  return { ...harness, pages };
}

describe('the page the visitor is on, while a chat they shared their context with is open', () => {
  it('is shared once the conversations are known, and a second after each route change, redacted', async () => {
    const { client, backend, time, pages } = await visitorOn('/billing?token=abc123', [conversation()]);
    await vi.waitFor(() => expect(time.delays()).toContain(1000));
    time.advance(1000);
    expect(pages).toEqual([{ path: '/billing?token=[redacted]', title: 'Billing' }]);

    document.title = 'Settings';
    window.history.pushState(null, '', '/settings');
    window.history.pushState(null, '', '/settings/team');
    time.advance(999);
    expect(pages).toHaveLength(1);
    time.advance(1);
    expect(pages.at(-1)).toEqual({ path: '/settings/team', title: 'Settings' });
    expect(pages).toHaveLength(2);

    // The same page again (the list changing with a reply, a replaceState) is not sent again.
    window.history.replaceState(null, '', '/settings/team');
    backend.agentSays('c-shared', 'Looking into it');
    await vi.waitFor(() => expect(client.chat.conversations.value[0]?.lastMessage?.body).toBe('Looking into it'));
    time.advance(1000);
    expect(pages).toHaveLength(2);
  });

  it('speaks for the tab the visitor looks at: nothing from a hidden tab, its page again when it is back in front', async () => {
    const visibility = { state: 'visible' as DocumentVisibilityState };
    const restore = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility.state);
    try {
      const { time, pages } = await visitorOn('/billing', [conversation()]);
      time.advance(1000);
      expect(pages).toHaveLength(1);

      visibility.state = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
      window.history.pushState(null, '', '/reports');
      time.advance(5000);
      expect(pages).toHaveLength(1);

      // Meanwhile another tab may have told the agent its page: this one says its own again.
      visibility.state = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      time.advance(1000);
      expect(pages.map((page) => page.path)).toEqual(['/billing', '/reports']);
      document.dispatchEvent(new Event('visibilitychange'));
      time.advance(1000);
      expect(pages.map((page) => page.path)).toEqual(['/billing', '/reports', '/reports']);
    } finally {
      restore.mockRestore();
    }
  });

  it('stops once the conversation is resolved', async () => {
    const { client, backend, time, pages } = await visitorOn('/billing', [conversation()]);
    time.advance(1000);
    expect(pages).toHaveLength(1);
    backend.conversations.set('c-shared', conversation({ status: 'resolved' }));
    backend.push({ type: 'status', conversationId: 'c-shared', status: 'resolved' });
    await vi.waitFor(() => expect(client.chat.conversations.value[0]?.status).toBe('resolved'));
    window.history.pushState(null, '', '/elsewhere');
    time.advance(1000);
    expect(pages).toHaveLength(1);
  });

  it('sends nothing for a chat started with diagnostics unticked, or when the host keeps navigation out', async () => {
    const unticked = await visitorOn('/billing', [conversation({ livePage: undefined })]);
    window.history.pushState(null, '', '/a');
    unticked.time.advance(5000);
    expect(unticked.pages).toEqual([]);

    const off = await visitorOn('/billing', [conversation()], { privacy: { breadcrumbs: { navigation: false } } });
    window.history.pushState(null, '', '/b');
    off.time.advance(5000);
    expect(off.pages).toEqual([]);
    // Hosts and the widget read the capability alone: it says the page is not shared.
    expect(off.client.state.capabilities.value.livePage).toBe(false);
    expect(unticked.client.state.capabilities.value.livePage).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWidget, type Stack, startChat, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Queue {
  conversations: { conversation: { id: string; lastMessage?: { body: string } } }[];
}
interface Thread {
  messages: { body: string; author: { type: string } }[];
}

// Chromium logs each request refused while offline; those are expected here, nothing else is.
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_FAILED|Failed to load resource/;

describe('messages written offline', () => {
  it('survive a reload and arrive exactly once, in order, when the network is back', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const { dialog, composer } = await startChat(page, 'Starting while online');
    await expect.poll(() => dialog.getByText('Sending…').count()).toBe(0);

    await context.setOffline(true);
    for (const body of ['First written offline', 'Second written offline']) {
      await composer.fill(body);
      await composer.press('Enter');
      await dialog.getByRole('listitem').filter({ hasText: body }).waitFor();
    }
    // Nothing typed is lost: the composer is free again and both wait in the outbox.
    await expect.poll(() => composer.inputValue()).toBe('');

    // Reload with Helpline's API and the widget's messaging code still unreachable (the host page
    // and the widget itself load), and open the widget again: the outbox in IndexedDB kept both.
    const unreachable = [`${stack.helplineUrl}/v1/**`, `${stack.helplineUrl}/widget/chunks/messaging-*.js`];
    for (const url of unreachable) await page.route(url, (route) => route.abort('internetdisconnected'));
    const chunkRefused = page.waitForEvent('requestfailed', (request) => request.url().includes('/messaging-'));
    await context.setOffline(false);
    await page.reload();
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const reopened = await openWidget(page);
    await chunkRefused;

    // Back online: the queued messages go out.
    await context.setOffline(true);
    for (const url of unreachable) await page.unroute(url);
    await context.setOffline(false);
    const api = await stack.agentApi();
    let conversationId: string | undefined;
    await expect
      .poll(
        async () => {
          const queue = await api.get<Queue>('/queue');
          conversationId = queue.conversations.find(
            (item) => item.conversation.lastMessage?.body === 'Second written offline',
          )?.conversation.id;
          return conversationId;
        },
        { timeout: 30_000 },
      )
      .toBeTruthy();
    const thread = await api.get<Thread>(`/conversations/${conversationId}`);
    expect(thread.messages.filter((m) => m.author.type === 'user').map((m) => m.body)).toEqual([
      'Starting while online',
      'First written offline',
      'Second written offline',
    ]);

    // The widget (home after the reload) shows the conversation, and in it each message once, none pending.
    const recent = reopened.getByRole('region', { name: 'Recent conversations' });
    await recent.getByRole('button', { name: /Second written offline/ }).click();
    await reopened.getByRole('listitem').filter({ hasText: 'Second written offline' }).waitFor();
    // History from the server and what the outbox kept render as they arrive: poll until settled.
    const bodies = ['Starting while online', 'First written offline', 'Second written offline'];
    await expect
      .poll(async () => {
        const shown = await reopened.getByRole('listitem').allTextContents();
        return bodies.map((body) => shown.filter((text) => text.includes(body)).length);
      })
      .toEqual([1, 1, 1]);
    expect(await reopened.getByText('Sending…').count()).toBe(0);

    // And the server still has exactly those after the widget re-synced.
    const again = await api.get<Thread>(`/conversations/${conversationId}`);
    expect(again.messages.filter((m) => m.author.type === 'user')).toHaveLength(3);
    expect(problems.consoleErrors.filter((text) => !OFFLINE_NOISE.test(text))).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await context.close();
  });
});

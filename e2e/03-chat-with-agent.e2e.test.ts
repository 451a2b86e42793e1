import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  earlyCaptureRunning,
  launcher,
  openWidget,
  type Stack,
  saveScreenshot,
  startChat,
  startStack,
  widgetRequested,
} from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

// The host app's own failure, triggered on purpose; anything else on the console is a bug.
const HOST_PAYMENT_FAILURE = /Payment retry failed|status of 502/;

interface Queue {
  conversations: { conversation: { id: string; lastMessage?: { body: string } } }[];
}

/** The id the agent's queue shows for the conversation whose last message is `body`. */
async function conversationWith(body: string): Promise<string> {
  const api = await stack.agentApi();
  let id: string | undefined;
  await expect
    .poll(async () => {
      const queue = await api.get<Queue>('/queue');
      id = queue.conversations.find((item) => item.conversation.lastMessage?.body === body)?.conversation.id;
      return id;
    })
    .toBeTruthy();
  return id as string;
}

/** Sends the first message of a new chat and waits until the backend has it (it then shows its time). */
async function sendFirst(dialog: Locator, body: string): Promise<void> {
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(body);
  await composer.press('Enter');
  await dialog.getByRole('listitem').filter({ hasText: body }).locator('time').waitFor();
}

/** Whether the element's box lies within the panel's width. */
async function withinPanel(dialog: Locator, element: Locator): Promise<boolean> {
  const [outer, inner] = await Promise.all([dialog.boundingBox(), element.boundingBox()]);
  if (!outer || !inner) return false;
  return inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width;
}

describe('live chat between a user and an agent', () => {
  it('carries the context snapshot to the inbox and the reply back in realtime, with an unread badge', async () => {
    const user = await stack.openHost('/invoices');
    const { page } = user;
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    // The widget itself comes on the first click; its early capture, fetched when the page went idle,
    // records what goes wrong before the user asks for help.
    await earlyCaptureRunning(page);
    expect(await widgetRequested(page)).toBe(false);
    await page.locator('nav').getByRole('link', { name: 'Billing' }).click();
    // The host tracks the click before the widget is there: the event keeps its time when replayed.
    await page.evaluate(() =>
      (window as unknown as { Helpline: (...args: unknown[]) => void }).Helpline('track', 'retry clicked'),
    );
    await page.getByRole('button', { name: 'Retry payment' }).click();
    await page.getByText('Payment retry failed (502).', { exact: false }).waitFor();

    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    await composer.fill('My payment keeps failing on the billing page');
    await composer.press('Enter');
    const thread = dialog.getByRole('listitem');
    await thread.filter({ hasText: 'My payment keeps failing on the billing page' }).waitFor();

    // The agent, in another browser context, finds it in the queue with everything they need.
    const agent = await stack.openInbox();
    const inbox = agent.page;
    const queue = inbox.getByRole('list', { name: 'Queue' });
    await queue.getByRole('link', { name: /My payment keeps failing on the billing page/ }).click();
    // Titled by its subject (the first message) or, without one, by the visitor's name.
    await inbox.getByRole('heading', { level: 2, name: /My payment keeps failing|Dana Whitfield/ }).waitFor();
    await inbox
      .getByRole('list', { name: 'Messages' })
      .getByText('My payment keeps failing on the billing page')
      .waitFor();

    const context = inbox.getByRole('complementary', { name: 'Context' });
    const region = (name: string) => context.getByRole('region', { name, exact: true });
    await expect.poll(() => region('Page').textContent()).toContain(`${stack.hostUrl}/billing`);
    expect(await region('User').textContent()).toContain('Dana Whitfield');
    const account = (await region('Account').textContent()) ?? '';
    expect(account).toContain('Northwind Traders');
    expect(account).toContain('growth');
    expect(account).toContain('12');
    const errors = (await region('Errors').textContent()) ?? '';
    expect(errors).toContain('POST');
    expect(errors).toContain('/api/payments/retry');
    expect(errors).toContain('502');
    expect(errors).toContain('Payment retry failed');
    const firstTime = async (name: string) =>
      Date.parse((await region(name).locator('time').first().getAttribute('datetime')) ?? '');
    expect(await region('Events').textContent()).toContain('retry clicked');
    expect(await firstTime('Events')).toBeLessThan(await firstTime('Errors'));
    const trail = (await region('Route trail').textContent()) ?? '';
    expect(trail).toContain('/invoices');
    expect(trail).toContain('/billing');
    expect(trail.indexOf('/invoices')).toBeLessThan(trail.indexOf('/billing'));
    await saveScreenshot(inbox, 'inbox-thread');

    // The reply reaches the open widget without a reload.
    await inbox
      .getByRole('textbox', { name: 'Reply' })
      .fill('Thanks Dana, I can see the 502 from our gateway. Fixing it now.');
    await inbox.getByRole('button', { name: 'Send' }).click();
    await thread.filter({ hasText: 'I can see the 502 from our gateway' }).waitFor();
    await saveScreenshot(dialog, 'chat');

    // With the panel closed, the next reply shows as an unread badge on the launcher.
    await dialog.getByRole('button', { name: 'Close help' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await inbox.getByRole('textbox', { name: 'Reply' }).fill('It should work again — could you retry?');
    await inbox.getByRole('button', { name: 'Send' }).click();
    const badged = page.locator('helpline-widget').getByRole('button', { name: 'Open help, 1 unread message' });
    await badged.waitFor();
    expect(await page.locator('helpline-widget').locator('.hl-launcher__badge').textContent()).toBe('1');
    // Shown above the launcher too, as messengers do.
    const preview = page.locator('helpline-widget').getByRole('button', { name: /^Open the reply from / });
    expect(await preview.textContent()).toContain('could you retry?');
    const [card, button] = await Promise.all([preview.boundingBox(), badged.boundingBox()]);
    expect(card && button && card.y + card.height <= button.y).toBe(true);
    // Focus stays where closing the panel put it: on the launcher.
    expect(await page.locator('helpline-widget').evaluate((host) => host.shadowRoot?.activeElement?.className)).toBe(
      'hl-launcher',
    );
    await saveScreenshot(page, 'message-preview');

    // Opening shows it, and reading clears the badge.
    await badged.click();
    await dialog.getByRole('listitem').filter({ hasText: 'could you retry?' }).waitFor();
    await dialog.getByRole('button', { name: 'Close help' }).click();
    await expect.poll(() => page.locator('helpline-widget').getByRole('button', { name: 'Open help' }).count()).toBe(1);

    expect(user.problems.consoleErrors.filter((text) => !HOST_PAYMENT_FAILURE.test(text))).toEqual([]);
    expect(user.problems.pageErrors).toEqual([]);
    expect(user.problems.cspViolations).toEqual([]);
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await user.context.close();
    await agent.context.close();
  });

  it('shows a reply on the launcher of the next page the visitor opens, before they touch the widget', async () => {
    const user = await stack.openHost('/dashboard');
    const { page } = user;
    const { dialog } = await startChat(page, 'Will somebody get back to me on the export limits?');
    await dialog.getByRole('button', { name: 'Close help' }).click();

    // A new page load: the loader knows this browser has a visitor, so the widget comes at idle.
    const widgetLoaded = page.waitForRequest(/\/widget\/helpline-[\w-]+\.js$/);
    await page.reload();
    await widgetLoaded;
    const agent = await stack.openInbox();
    const inbox = agent.page;
    await inbox
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: /export limits/ })
      .click();
    await inbox.getByRole('textbox', { name: 'Reply' }).fill('Yes: exports are capped at 10,000 rows.');
    await inbox.getByRole('button', { name: 'Send' }).click();
    const badged = page.locator('helpline-widget').getByRole('button', { name: 'Open help, 1 unread message' });
    await badged.waitFor();

    // Signing out forgets the visitor: the next page waits for an interaction again.
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('helpline-returning'))).toBeNull();
    let fetchedWidget = false;
    page.on('request', (request) => {
      if (/^\/widget\/helpline-[\w-]+\.js$/.test(new URL(request.url()).pathname)) fetchedWidget = true;
    });
    await page.reload();
    await launcher(page).waitFor();
    await page.waitForTimeout(2500);
    expect(fetchedWidget).toBe(false);

    expect(user.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await user.context.close();
    await agent.context.close();
  });

  it('keeps a long unbroken message inside the panel, and keeps messages within what the backend accepts', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    // Over the 500 characters an instant-answer question may have, too.
    const token = `eyJhbGciOiJIUzI1NiJ9${'Q'.repeat(1200)}`;
    await composer.fill(token);
    await page.waitForTimeout(800);
    const scroller = dialog.locator('.hl-chat__scroller');
    expect(await withinPanel(dialog, composer)).toBe(true);
    expect(await withinPanel(dialog, dialog.getByRole('button', { name: 'Send' }))).toBe(true);
    expect(await withinPanel(dialog, scroller)).toBe(true);
    expect(await dialog.locator('.hl-chat').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    await composer.press('Enter');
    const sent = dialog.getByRole('listitem').filter({ hasText: token.slice(0, 40) });
    await sent.locator('time').waitFor();
    expect(await withinPanel(dialog, sent)).toBe(true);
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    // The box takes at most what chat.send accepts, and says how much is left near the limit.
    expect(await composer.getAttribute('maxlength')).toBe('10000');
    await composer.fill('a'.repeat(9_990));
    await dialog.getByText('10 characters left').waitFor();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('hides a card number typed into a chat from the agent, and tells the user so before they send', async () => {
    const user = await stack.openHost('/billing');
    const { page } = user;
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    const note = dialog.getByText('Card numbers and access codes are hidden when you send this.');
    await composer.fill('I was charged twice on 4242 4242 4242 4242 today');
    await note.waitFor();
    await composer.press('Enter');
    const sent = dialog.getByRole('listitem').filter({ hasText: 'I was charged twice on [card] today' });
    await sent.locator('time').waitFor();
    await note.waitFor({ state: 'detached' });

    const agent = await stack.openInbox();
    const inbox = agent.page;
    await inbox
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: /charged twice/ })
      .click();
    await inbox.getByRole('list', { name: 'Messages' }).getByText('I was charged twice on [card] today').waitFor();
    expect(await inbox.locator('body').textContent()).not.toContain('4242');
    expect(user.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await user.context.close();
    await agent.context.close();
  });

  it('shows the agent the page the visitor moves to while their chat is open, live', async () => {
    const user = await stack.openHost('/billing');
    const { page } = user;
    const { dialog } = await startChat(page, 'Which plan has SSO?');
    await dialog.getByRole('listitem').filter({ hasText: 'Which plan has SSO?' }).locator('time').waitFor();
    const agent = await stack.openInbox();
    const inbox = agent.page;
    await inbox
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: /Which plan has SSO/ })
      .click();
    const now = inbox.getByRole('complementary', { name: 'Context' }).getByRole('region', { name: 'Now on' });
    await expect.poll(() => now.textContent()).toContain('/billing');

    await dialog.getByRole('button', { name: 'Close help' }).click();
    await page.locator('nav').getByRole('link', { name: 'Team' }).click();
    await expect.poll(() => now.textContent()).toContain('/settings/team');
    expect(user.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await user.context.close();
    await agent.context.close();
  });

  it('lets a visitor the host has not named leave an email, which the agent sees marked as unverified', async () => {
    // The host app as a visitor who has not signed in sees it: it names nobody to the widget.
    const user = await stack.openHost('/dashboard', {}, (page) =>
      page.route(`${stack.hostUrl}/app.js`, async (route) => {
        const response = await route.fetch();
        const script = await response.text();
        expect(script).toContain("\nsignIn('dana');");
        await route.fulfill({ response, body: script.replace("\nsignIn('dana');", '\n') });
      }),
    );
    const { page } = user;
    const body = `Can someone email me about invoices? ${Date.now()}`;
    const { dialog, composer } = await startChat(page, body);
    const card = dialog.getByRole('form', { name: 'Get notified by email' });
    await card.waitFor();
    // The card comes without taking focus from the message box.
    expect(await composer.evaluate((box) => box === (box.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const email = card.getByRole('textbox', { name: 'Email' });
    expect(await email.evaluate((input) => getComputedStyle(input).fontSize)).toBe('16px');
    await email.fill('ada.visitor@example.com');
    await email.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'We’ll email you at ada.visitor@example.com.' }).waitFor();

    const agent = await stack.openInbox();
    const inbox = agent.page;
    await inbox
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: /Can someone email me about invoices/ })
      .click();
    const visitor = inbox
      .getByRole('complementary', { name: 'Context' })
      .getByRole('region', { name: 'Visitor', exact: true });
    await expect.poll(() => visitor.textContent()).toContain('ada.visitor@example.com');
    const text = (await visitor.textContent()) ?? '';
    expect(text).toContain('Email for replies (given by the visitor, not verified)');
    expect(text).toMatch(/Verified\s*no/);
    expect(user.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await user.context.close();
    await agent.context.close();
  });

  it('goes Back from a chat just started to where the user came from, not to an empty new chat', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const dialog = await openWidget(page);
    const back = dialog.getByRole('button', { name: 'Back', exact: true });
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    await sendFirst(dialog, `Back from home ${Date.now()}`);
    await back.click();
    await dialog.getByRole('button', { name: 'Start a chat' }).waitFor();
    expect(await back.count()).toBe(0);

    await dialog.getByRole('button', { name: 'All conversations' }).click();
    const list = dialog.getByRole('region', { name: 'Your conversations' });
    await list.getByRole('button', { name: 'New conversation' }).click();
    await sendFirst(dialog, `Back to the list ${Date.now()}`);
    await back.click();
    await list.waitFor();
    await back.click();
    await dialog.getByRole('button', { name: 'Start a chat' }).waitFor();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('brings the rating into view and announces it when the agent resolves a long chat', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const body = `Rating below the fold ${Date.now()}`;
    await sendFirst(dialog, body);
    const id = await conversationWith(body);
    const api = await stack.agentApi();
    for (let step = 1; step <= 5; step++)
      await api.post(`/conversations/${id}/messages`, {
        body: `Step ${step}: do this and that, then check the result.`,
      });
    await dialog.getByRole('listitem').filter({ hasText: 'Step 5' }).waitFor();
    await api.post(`/conversations/${id}/status`, { status: 'resolved' });

    const rating = dialog.getByRole('group', { name: 'How did we do?' });
    await rating.waitFor();
    const scroller = dialog.locator('.hl-chat__scroller');
    await expect
      .poll(async () => {
        const [view, form] = await Promise.all([scroller.boundingBox(), rating.boundingBox()]);
        return !!view && !!form && form.y >= view.y && form.y + form.height <= view.y + view.height;
      })
      .toBe(true);
    await expect
      .poll(() => dialog.getByTestId('chat-live').textContent())
      .toBe('This conversation is resolved. You can rate it below.');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('announces a reply that arrives while the panel shows another view, and says "unread" on home', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const body = `Reply while on home ${Date.now()}`;
    await sendFirst(dialog, body);
    const id = await conversationWith(body);
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await dialog.getByRole('button', { name: 'Start a chat' }).waitFor();

    const api = await stack.agentApi();
    await api.post(`/conversations/${id}/messages`, { body: 'An answer you have not seen yet' });
    await expect.poll(() => dialog.locator(':scope > [aria-live]').textContent()).toMatch(/^\d+ unread messages?$/);
    const recent = dialog.getByRole('region', { name: 'Recent conversations' });
    await recent
      .getByRole('button', { name: /1 unread message/ })
      .filter({ hasText: 'An answer you have not seen yet' })
      .waitFor();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

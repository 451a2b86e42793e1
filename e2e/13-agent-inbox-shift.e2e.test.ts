import { randomUUID } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, type Stack, startChat, startStack } from './support/stack.ts';

// What an agent working a shift in the inbox runs into that one-message tests do not.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** An anonymous visitor straight through /v1: quicker than the widget for many messages. */
async function visitor(helplineUrl: string) {
  const call = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${helplineUrl}${path}`, {
      method: 'POST',
      headers: {
        'X-Helpline-Key': 'demo-public-key',
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { token } = await call<{ token: string }>('/v1/session', { visitorId: `shift-${randomUUID()}` });
  return {
    async start(body: string): Promise<string> {
      const started = await call<{ conversation: { id: string } }>(
        '/v1/conversations',
        { body, idempotencyKey: randomUUID() },
        token,
      );
      return started.conversation.id;
    },
    async send(conversationId: string, body: string): Promise<void> {
      await call(`/v1/conversations/${conversationId}/messages`, { body, idempotencyKey: randomUUID() }, token);
    },
    async ticket(subject: string): Promise<void> {
      await call(
        '/v1/tickets',
        {
          subject,
          description: 'Filed for the shift',
          severity: 'P2',
          category: 'bug',
          fields: { affected_area: 'other' },
          idempotencyKey: randomUUID(),
        },
        token,
      );
    },
  };
}

/** Whether the element is shown inside the viewport and not clipped by any scrolling ancestor. */
function inView(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.bottom > window.innerHeight || box.top < 0) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const clip = parent.getBoundingClientRect();
      const style = getComputedStyle(parent);
      if (style.overflowY === 'visible') continue;
      if (box.top < clip.top - 1 || box.bottom > clip.bottom + 1) return false;
    }
    return true;
  });
}

describe('the agent inbox over a shift', () => {
  it('opens a long conversation at its newest message with the reply box in view, keeps it there, and lets an agent reading further up stay there when a message arrives', async () => {
    const customer = await visitor(stack.helplineUrl);
    const opener = `Long thread ${randomUUID()}`;
    const id = await customer.start(opener);
    for (let line = 1; line <= 40; line++) await customer.send(id, `Line ${line} of the back and forth`);

    const { page, problems } = await stack.openInbox({ viewport: { width: 1400, height: 900 } });
    await page
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: new RegExp(opener) })
      .click();
    const messages = page.getByRole('list', { name: 'Messages' });
    const newest = messages.getByText('Line 40 of the back and forth');
    await newest.waitFor();
    const reply = page.getByRole('textbox', { name: 'Reply' });
    // The heading still gets focus (screen readers announce the thread), without scrolling to it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('thread-title');
    expect(await inView(newest)).toBe(true);
    expect(await inView(reply)).toBe(true);

    // Scrolled back to the start of the thread, the reply box is still there to type into.
    await messages.getByText(opener).scrollIntoViewIfNeeded();
    expect(await inView(messages.getByText(opener))).toBe(true);
    expect(await inView(reply)).toBe(true);

    // A message arriving now leaves the agent where they read; the button brings them down to it.
    await customer.send(id, 'One more thing');
    const jump = page.getByRole('button', { name: 'New messages' });
    await jump.waitFor();
    const arrived = messages.getByText('One more thing');
    await arrived.waitFor({ state: 'attached' });
    expect(await inView(messages.getByText(opener))).toBe(true);
    expect(await inView(arrived)).toBe(false);
    await jump.click();
    await expect.poll(() => inView(arrived)).toBe(true);
    expect(await jump.count()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
  });

  it("keeps a ticket open in one inbox current while another changes it, as a colleague's would be", async () => {
    const subject = `Export stuck ${randomUUID()}`;
    await (await visitor(stack.helplineUrl)).ticket(subject);
    const [watching, changing] = [await stack.openInbox(), await stack.openInbox()];
    for (const { page } of [watching, changing])
      await page
        .getByRole('list', { name: 'Queue' })
        .getByRole('link', { name: new RegExp(subject) })
        .click();
    const status = (page: typeof watching.page) => page.getByRole('combobox', { name: 'Status' });
    await status(watching.page).waitFor();

    await status(changing.page).selectOption('pending');
    await changing.page.getByRole('combobox', { name: 'Assignee' }).selectOption({ index: 1 });

    await expect.poll(() => status(watching.page).inputValue()).toBe('pending');
    await expect.poll(() => watching.page.getByRole('combobox', { name: 'Assignee' }).inputValue()).not.toBe('');
    const history = watching.page.getByRole('region', { name: 'History' });
    await history.getByText(/changed status from new to pending/).waitFor();
    await history.getByText(/changed assignee from none to/).waitFor();
    expect(await watching.page.locator('.thread-header [aria-live="polite"]').textContent()).toBe(
      'Status changed to Pending.',
    );
    expect(watching.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(changing.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
  });

  it('sends a file with a reply, which the visitor then sees and downloads in the widget', async () => {
    const png = await makePng();
    const user = await stack.openHost('/invoices');
    const opener = `Where is my receipt ${randomUUID()}`;
    const { dialog } = await startChat(user.page, opener);

    const agent = await stack.openInbox();
    await agent.page
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: new RegExp(opener) })
      .click();
    const reply = agent.page.getByRole('textbox', { name: 'Reply' });
    await reply.waitFor();
    await agent.page.locator('.composer input[type=file]').setInputFiles(png.path);
    const files = agent.page.getByRole('list', { name: 'Files to send' });
    await files.getByText('Ready').waitFor();
    await files.getByRole('button', { name: 'Remove screenshot.png' }).waitFor();
    await reply.fill('Here is the receipt');
    await reply.press('Enter');
    const sent = agent.page
      .getByRole('list', { name: 'Messages' })
      .getByRole('listitem')
      .filter({ hasText: 'Here is the receipt' });
    await sent.getByRole('link', { name: 'Attachment: screenshot.png' }).waitFor();
    expect(await files.count()).toBe(0);

    const received = dialog.getByRole('listitem').filter({ hasText: 'Here is the receipt' });
    const link = received.getByRole('link', { name: 'screenshot.png' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${stack.helplineUrl}/v1/attachments/`)).toBe(true);
    const download = await user.page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('image/png');

    expect(user.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await png.cleanup();
  });
});

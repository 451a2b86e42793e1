import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng, openWidget, type Stack, saveScreenshot, startChat, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Queue {
  conversations: { conversation: { id: string; lastMessage?: { body: string } } }[];
  tickets: {
    ticket: { id: string; subject: string; severity: string; createdAt: string; fields: Record<string, unknown> };
    slaDueAt: string;
  }[];
}
interface Analytics {
  csat: { responses: number; satisfied: number; score: number | null };
}

const SUBJECT = 'Invoices page shows a blank screen';

describe('tickets and satisfaction', () => {
  it('files a P1 ticket with a custom field and a screenshot; the agent resolves it; My tickets follows', async () => {
    const png = await makePng();
    const { page, context, problems } = await stack.openHost('/invoices');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Submit a ticket' }).click();

    const form = dialog.getByRole('form', { name: 'Submit a ticket' });
    await form.getByRole('textbox', { name: 'Subject' }).fill(SUBJECT);
    await form.getByRole('textbox', { name: 'Description' }).fill('Since this morning the invoice list stays blank.');
    await form.getByRole('radio', { name: /A major feature is broken/ }).check();
    await form.getByRole('combobox', { name: /Affected area/ }).selectOption({ label: 'Invoices' });
    await form.locator('input[type=file]').setInputFiles(png.path);
    await form.getByText('screenshot.png').waitFor();
    await form.getByRole('button', { name: 'Remove screenshot.png' }).waitFor();
    await saveScreenshot(dialog, 'ticket-form');
    await form.getByRole('button', { name: 'Submit ticket' }).click();

    const sent = dialog.getByRole('status').filter({ hasText: 'Ticket submitted' });
    await sent.waitFor();
    const reference = /^Your reference: (.+)$/.exec(
      (await sent.getByText(/^Your reference:/).textContent()) ?? '',
    )?.[1];
    expect(reference).toBeTruthy();
    expect(await sent.textContent()).toContain('Expect a first response within 1 hour.');

    // The backend stored it as P1 with the field, and its SLA due one hour after creation.
    const api = await stack.agentApi();
    const queued = (await api.get<Queue>('/queue')).tickets.find((item) => item.ticket.subject === SUBJECT);
    expect(queued?.ticket.severity).toBe('P1');
    expect(queued?.ticket.fields).toMatchObject({ affected_area: 'invoices' });
    const dueMinutes = (Date.parse(queued?.slaDueAt ?? '') - Date.parse(queued?.ticket.createdAt ?? '')) / 60_000;
    expect(dueMinutes).toBe(60);

    // The inbox shows it with its SLA, the field and the attachment; the agent solves it.
    const agent = await stack.openInbox();
    const inbox = agent.page;
    const row = inbox.getByRole('list', { name: 'Queue' }).getByRole('link', { name: new RegExp(SUBJECT) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/P1/);
    expect(await row.textContent()).toMatch(/due in/);
    await row.click();
    await inbox.getByRole('heading', { level: 2, name: `${reference}: ${SUBJECT}` }).waitFor();
    const details = inbox.getByRole('region', { name: 'Ticket details' });
    expect(await details.textContent()).toMatch(/invoices/i);
    await details.getByRole('link', { name: /screenshot\.png/ }).waitFor();
    await api.post(`/tickets/${queued?.ticket.id}/replies`, { body: 'Fixed in today’s release' });
    await inbox.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Solved' });
    await inbox
      .getByRole('region', { name: 'History' })
      .getByText(/changed status from \w+ to solved/i)
      .waitFor();

    // "My tickets" in the widget shows the new status.
    await dialog.getByRole('button', { name: 'View my tickets' }).click();
    const mine = dialog.getByRole('region', { name: 'My tickets' });
    const item = mine.getByRole('button', { name: new RegExp(SUBJECT) });
    await item.waitFor();
    await expect.poll(async () => item.textContent(), { timeout: 15_000 }).toContain('Solved');
    // The agent's reply counts as unread until the ticket is opened.
    expect(await item.textContent()).toContain('1 unread');
    await saveScreenshot(dialog, 'my-tickets');

    // The ticket's own page lists the screenshot as a link, and a reply can carry a file too.
    await item.click();
    const thread = dialog.getByRole('region', { name: SUBJECT });
    const shot = thread.getByRole('link', { name: 'screenshot.png' });
    await shot.waitFor();
    expect(await shot.getAttribute('href')).toMatch(new RegExp(`^${stack.helplineUrl}/`));
    expect(await shot.getAttribute('rel')).toBe('noopener noreferrer');
    await thread.getByRole('textbox', { name: 'Your reply' }).fill('The console log, as asked');
    await thread.locator('input[type=file]').setInputFiles(png.path);
    await thread.getByRole('button', { name: 'Remove screenshot.png' }).waitFor();
    await thread.getByRole('button', { name: 'Reply' }).click();
    await thread
      .getByRole('listitem')
      .filter({ hasText: 'The console log, as asked' })
      .getByRole('link', { name: 'screenshot.png' })
      .waitFor();
    const stored = await api.get<{ messages: { body: string; attachments: { name: string }[] }[] }>(
      `/tickets/${queued?.ticket.id}`,
    );
    expect(stored.messages.at(-1)).toMatchObject({
      body: 'The console log, as asked',
      attachments: [{ name: 'screenshot.png' }],
    });
    // The reply opened the solved ticket again; the visitor marks it solved themselves.
    await thread.getByRole('button', { name: 'Mark as solved' }).click();
    const solvedNote = thread.getByRole('status').filter({ hasText: 'You marked this ticket as solved.' });
    await solvedNote.waitFor();
    await expect
      .poll(() => solvedNote.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element))
      .toBe(true);
    await expect
      .poll(async () => (await api.get<{ ticket: { status: string } }>(`/tickets/${queued?.ticket.id}`)).ticket.status)
      .toBe('solved');
    // The agent's own solve, then the visitor's, after their reply opened it again.
    const solvedRows = inbox.getByRole('region', { name: 'History' }).getByText(/changed status from open to solved/i);
    await expect.poll(() => solvedRows.count()).toBe(2);

    await dialog.getByRole('button', { name: 'Back' }).click();
    await mine.waitFor();
    expect(await item.textContent()).not.toContain('unread');

    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
    await agent.context.close();
    await png.cleanup();
  });

  it('says a ticket sent offline waits for the connection, and a form not yet downloaded loads once back', async () => {
    const { page, context } = await stack.openHost('/invoices');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    // Chunks on their way when the page goes offline fail for good: HTML keeps a failed module fetch in
    // the page's module map. The messaging code a signed-in visitor's widget loads at boot shares chunks
    // with the ticket form, so it must have arrived before the test cuts the network.
    const loading = new Set<string>();
    page.on('request', (request) => {
      if (request.url().includes('/chunks/')) loading.add(request.url());
    });
    page.on('requestfinished', (request) => loading.delete(request.url()));
    page.on('requestfailed', (request) => loading.delete(request.url()));
    const dialog = await openWidget(page);
    await dialog.getByRole('searchbox', { name: 'Search help articles' }).waitFor();
    await expect.poll(() => loading.size).toBe(0);

    // Offline before the ticket form's code was ever fetched: the panel says why, not "something went wrong".
    await context.setOffline(true);
    await dialog.getByRole('button', { name: 'Submit a ticket' }).click();
    await dialog.getByRole('alert').getByText('You’re offline. This loads once you’re back online.').waitFor();
    await context.setOffline(false);
    const form = dialog.getByRole('form', { name: 'Submit a ticket' });
    await form.waitFor();

    const subject = `Sent while offline ${Date.now()}`;
    await form.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await form.getByRole('combobox', { name: /Affected area/ }).selectOption({ label: 'Other' });
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Submit ticket' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: 'You’re offline. Your ticket is saved and will be sent when you’re back online.' })
      .waitFor();
    await context.setOffline(false);
    await dialog.getByRole('status').filter({ hasText: 'Ticket submitted' }).waitFor({ timeout: 30_000 });
    const api = await stack.agentApi();
    const copies = (await api.get<Queue>('/queue')).tickets.filter((item) => item.ticket.subject === subject);
    expect(copies).toHaveLength(1);
    await context.close();
  });

  it('asks for a rating when the agent resolves a chat, and records it', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const { dialog } = await startChat(page, 'How do I export my invoices?');

    const api = await stack.agentApi();
    let conversationId: string | undefined;
    await expect
      .poll(async () => {
        const queue = await api.get<Queue>('/queue');
        conversationId = queue.conversations.find(
          (item) => item.conversation.lastMessage?.body === 'How do I export my invoices?',
        )?.conversation.id;
        return conversationId;
      })
      .toBeTruthy();
    const before = (await api.get<Analytics>('/analytics')).csat.responses;
    await api.post(`/conversations/${conversationId}/messages`, { body: 'Reports → Export. Anything else?' });
    await api.post(`/conversations/${conversationId}/status`, { status: 'resolved' });

    const rating = dialog.getByRole('group', { name: 'How did we do?' });
    await rating.getByRole('radio', { name: 'Excellent' }).check();
    await dialog.getByRole('textbox', { name: 'Anything to add? (optional)' }).fill('Quick and clear');
    await dialog.getByRole('button', { name: 'Send rating' }).click();
    const thanks = dialog.getByRole('status').filter({ hasText: 'Thanks for your feedback!' });
    await thanks.waitFor();
    // The thanks replaces the form whose button had focus: focus goes to it, not to the host's <body>.
    await expect
      .poll(() =>
        thanks.evaluate((element) => {
          const root = element.getRootNode() as ShadowRoot;
          return document.activeElement === root.host && root.activeElement === element;
        }),
      )
      .toBe(true);

    await expect.poll(async () => (await api.get<Analytics>('/analytics')).csat.responses).toBe(before + 1);
    const analytics = await api.get<Analytics>('/analytics');
    expect(analytics.csat.satisfied).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('lets the visitor end a chat; the agent watching it is told, and the visitor is asked for a rating', async () => {
    const opener = `Found the export button ${Date.now()}`;
    const { page, context, problems } = await stack.openHost('/dashboard');
    const { dialog } = await startChat(page, opener);
    const inbox = await stack.openInbox();
    await inbox.page
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: new RegExp(opener) })
      .click();
    const status = inbox.page.getByRole('combobox', { name: 'Status' });
    await expect.poll(() => status.inputValue()).toBe('open');

    await dialog.getByRole('button', { name: 'End chat' }).click();
    await dialog.getByRole('group', { name: /End this conversation\?/ }).waitFor();
    await page.keyboard.press('Enter');

    // The question and its buttons are gone: focus goes to the line that says the chat ended.
    const ended = dialog.getByRole('status').filter({ hasText: 'You ended this conversation.' });
    await ended.waitFor();
    await expect
      .poll(() => ended.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element))
      .toBe(true);
    await dialog.getByRole('group', { name: 'How did we do?' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'End chat' }).count()).toBe(0);

    await expect.poll(() => status.inputValue()).toBe('resolved');
    expect(await inbox.page.locator('.thread-header [aria-live="polite"]').textContent()).toBe(
      'The visitor ended this conversation.',
    );
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    expect(inbox.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

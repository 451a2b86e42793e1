import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedName, goHome, openWidget, type Stack, startStack, tabTo } from './support/stack.ts';

// The demo user's conversations are shared by every e2e file: a reply another file's agent sent may
// still be unread, which the launcher's name says.
const LAUNCHER = /^Open help(, \d+ unread messages?)?$/;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

// Each axe pass takes seconds on a shared 2-core machine; these tests run several.
const AXE_TIMEOUT = 180_000;

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe violations as "rule: target" lines, so a failure says what and where. */
async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} — ${violation.help}`),
  );
}

const luminance = (rgb: string) => {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** The focused control's name, and whether its outline shows against the panel (WCAG 1.4.11: 3:1). */
async function focusRing(page: Page): Promise<{ name: string; visible: boolean }> {
  const ring = await page.locator('helpline-widget').evaluate((host) => {
    const active = host.shadowRoot?.activeElement;
    const panel = host.shadowRoot?.querySelector('.hl-panel');
    if (!active || !panel) return undefined;
    const style = getComputedStyle(active);
    return {
      name: active.getAttribute('aria-label') ?? '',
      drawn: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
      outline: style.outlineColor,
      background: getComputedStyle(panel).backgroundColor,
    };
  });
  if (!ring) return { name: '', visible: false };
  const [light, dark] = [luminance(ring.outline), luminance(ring.background)].sort((a, b) => b - a) as [number, number];
  return { name: ring.name, visible: ring.drawn && (light + 0.05) / (dark + 0.05) >= 3 };
}

/** The focused element, through the widget's shadow root: its id and rendered size. */
function focused(page: Page): Promise<{ id: string; width: number; height: number }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const box = active?.getBoundingClientRect();
    return { id: active?.id ?? '', width: box?.width ?? 0, height: box?.height ?? 0 };
  });
}

/** The host page, with helpline.js held back until the test calls `release`. */
async function openHostHoldingWidget() {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const watched = await stack.openHost('/dashboard', {}, (page) =>
    page.route(
      (url) => /^\/widget\/helpline-[\w-]+\.js$/.test(url.pathname),
      async (route) => {
        await held;
        await route.continue();
      },
    ),
  );
  return { ...watched, release };
}

describe('accessibility', () => {
  it(
    'has no axe violations in any widget view',
    async () => {
      const { page, context } = await stack.openHost('/invoices');
      await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
      const dialog = await openWidget(page);
      const found: Record<string, string[]> = {};

      await dialog.getByRole('region', { name: 'Suggested for this page' }).waitFor();
      found.home = await violations(page, 'helpline-widget');

      const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
      await search.fill('refund');
      await search.press('Enter');
      const results = dialog.getByRole('list', { name: 'Search results' });
      await results.getByRole('button').first().waitFor();
      found.search = await violations(page, 'helpline-widget');

      await results.getByRole('button').first().click();
      await dialog.getByText('Was this helpful?').waitFor();
      found.article = await violations(page, 'helpline-widget');

      await goHome(dialog);
      await dialog.getByRole('button', { name: 'Start a chat' }).click();
      const composer = dialog.getByRole('textbox', { name: 'Message' });
      await composer.fill('Checking the chat view with axe');
      await composer.press('Enter');
      await dialog.getByRole('listitem').filter({ hasText: 'Checking the chat view with axe' }).waitFor();
      found.chat = await violations(page, 'helpline-widget');

      await goHome(dialog);
      await dialog.getByRole('button', { name: 'Submit a ticket' }).click();
      await dialog.getByRole('form', { name: 'Submit a ticket' }).waitFor();
      found.ticketForm = await violations(page, 'helpline-widget');
      // With validation errors shown, too.
      await dialog.getByRole('button', { name: 'Submit ticket' }).click();
      await dialog
        .getByText('Subject needs at least 3 characters')
        .or(dialog.getByText('Subject is required'))
        .first()
        .waitFor();
      found.ticketFormErrors = await violations(page, 'helpline-widget');

      await goHome(dialog);
      await dialog.getByRole('button', { name: 'My tickets' }).click();
      await dialog.getByRole('region', { name: 'My tickets' }).waitFor();
      await dialog.getByText('No tickets yet').waitFor();
      found.myTickets = await violations(page, 'helpline-widget');

      expect(found).toEqual({
        home: [],
        search: [],
        article: [],
        chat: [],
        ticketForm: [],
        ticketFormErrors: [],
        myTickets: [],
      });
      await context.close();
    },
    AXE_TIMEOUT,
  );

  it(
    'has no axe violations in the agent inbox (login, queue, thread)',
    async () => {
      // A conversation for the queue and thread to show.
      const user = await stack.openHost('/billing');
      const dialog = await openWidget(user.page);
      await dialog.getByRole('button', { name: 'Start a chat' }).click();
      await dialog.getByRole('textbox', { name: 'Message' }).fill('A question for the inbox axe check');
      await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
      await dialog.getByRole('listitem').filter({ hasText: 'A question for the inbox axe check' }).waitFor();

      const context = await stack.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${stack.helplineUrl}/inbox/`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      const found: Record<string, string[]> = { login: await violations(page) };

      await page.getByLabel('Email').fill('agent@demo.helpline.dev');
      await page.getByLabel('Password').fill('wrong-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      found.loginError = await violations(page);
      await context.close();

      const agent = await stack.openInbox();
      const queue = agent.page.getByRole('list', { name: 'Queue' });
      await queue.getByRole('link', { name: /A question for the inbox axe check/ }).waitFor();
      found.queue = await violations(agent.page);
      await queue.getByRole('link', { name: /A question for the inbox axe check/ }).click();
      await agent.page.getByRole('textbox', { name: 'Reply' }).waitFor();
      await agent.page.getByRole('complementary', { name: 'Context' }).waitFor();
      found.thread = await violations(agent.page);

      expect(found).toEqual({ login: [], loginError: [], queue: [], thread: [] });
      await agent.context.close();
      await user.context.close();
    },
    AXE_TIMEOUT,
  );

  it('keeps keyboard focus on the launcher when the widget replaces the loader’s placeholder', async () => {
    // Focusing the placeholder starts loading the widget; it arrives once the test has seen the
    // focus there (on a fast machine the swap could otherwise come before focus is read).
    const { page, context, release } = await openHostHoldingWidget();
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    await tabTo(page, /^Open help$/);
    // The placeholder's focus ring stands out from the page (3:1), as the widget's own does.
    const ring = await page.locator('helpline-launcher').evaluate((host) => {
      const button = host.shadowRoot?.querySelector('button');
      const style = button ? getComputedStyle(button) : undefined;
      return {
        width: Number.parseFloat(style?.outlineWidth ?? '0'),
        outline: style?.outlineColor ?? '',
        page: getComputedStyle(document.body).backgroundColor,
      };
    });
    const [light, dark] = [luminance(ring.outline), luminance(ring.page)].sort((a, b) => b - a) as [number, number];
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect((light + 0.05) / (dark + 0.05)).toBeGreaterThanOrEqual(3);
    release();
    await page.locator('helpline-widget').getByRole('button', { name: 'Open help' }).waitFor();
    expect(await focusedName(page)).toMatch(LAUNCHER);
    await context.close();
  });

  it('opens the panel when the placeholder is pressed and the widget swaps in its launcher before release', async () => {
    const { page, context } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const placeholder = page.locator('helpline-launcher').getByRole('button', { name: /^Open help$/ });
    const box = await placeholder.boundingBox();
    if (!box) throw new Error('no placeholder launcher');
    // Hovering starts the download; the button is held while the widget replaces the placeholder.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.locator('helpline-widget').getByRole('button', { name: 'Open help' }).waitFor();
    await page.mouse.up();
    await page.locator('helpline-widget').getByRole('dialog').waitFor({ timeout: 5_000 });
    await context.close();
  });

  it('opens the panel when Space is held on the placeholder across the swap and released on the launcher', async () => {
    // helpline.js arrives only once Space is down: the swap happens while the key is held.
    const { page, context, release } = await openHostHoldingWidget();
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    await tabTo(page, /^Open help$/);
    await page.keyboard.down(' ');
    release();
    await page.locator('helpline-widget').getByRole('button', { name: 'Open help' }).waitFor();
    expect(await focusedName(page)).toMatch(LAUNCHER);
    await page.keyboard.up(' ');
    await page.locator('helpline-widget').getByRole('dialog').waitFor({ timeout: 5_000 });
    await context.close();
  });

  it('shows a focus ring on the icon buttons below the header in the light theme', async () => {
    const { page, context } = await stack.openHost('/dashboard', { colorScheme: 'light' });
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    await composer.focus();
    await page.keyboard.press('Tab');
    expect(await focusRing(page)).toEqual({ name: 'Send', visible: true });
    await composer.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focusRing(page)).toEqual({ name: 'Attach files', visible: true });

    await goHome(dialog);
    await dialog.getByRole('button', { name: 'Submit a ticket' }).click();
    const form = dialog.getByRole('form', { name: 'Submit a ticket' });
    await form.getByRole('button', { name: 'Attach files' }).waitFor();
    await form.locator('select').last().focus();
    await tabTo(page, /^Attach files$/);
    expect(await focusRing(page)).toEqual({ name: 'Attach files', visible: true });
    await context.close();
  });

  it(
    'keeps the message box in view and focused while instant answers show',
    async () => {
      const { page, context, problems } = await stack.openHost('/invoices');
      const dialog = await openWidget(page);
      await dialog.getByRole('button', { name: 'Start a chat' }).click();
      const composer = dialog.getByRole('textbox', { name: 'Message' });
      await composer.click();
      await page.keyboard.type('how do I refund a paid invoice', { delay: 20 });
      const answers = dialog.getByRole('region', { name: 'These articles might answer your question' });
      await answers.waitFor();
      await page.waitForTimeout(500);
      const [panelBox, box, thread] = await Promise.all([
        dialog.boundingBox(),
        composer.boundingBox(),
        dialog.locator('.hl-chat__scroller').boundingBox(),
      ]);
      if (!panelBox || !box || !thread) throw new Error('chat not laid out');
      expect(box.y).toBeGreaterThanOrEqual(panelBox.y);
      expect(box.y + box.height).toBeLessThanOrEqual(panelBox.y + panelBox.height);
      expect(thread.height).toBeGreaterThan(120);
      expect(await focusedName(page)).toBe('Message');
      expect(await violations(page, 'helpline-widget')).toEqual([]);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
      await context.close();
    },
    AXE_TIMEOUT,
  );

  it('runs the whole chat flow from the keyboard, and Escape returns focus to the launcher', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    await tabTo(page, /^Open (support|help)$/);
    await page.locator('helpline-widget').getByRole('button', { name: 'Open help' }).waitFor();
    // Wherever focus went meanwhile, Tab reaches the widget's launcher in the page's tab order.
    await tabTo(page, LAUNCHER);
    await page.keyboard.press('Enter');
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    await dialog.waitFor();

    await tabTo(page, /^Start a chat$/);
    await page.keyboard.press('Enter');
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    await composer.waitFor();
    // The chat opens with focus in the message box, not on the controls above it.
    await expect.poll(() => focusedName(page)).toBe('Message');
    await page.keyboard.type('Typed with the keyboard only');
    await page.keyboard.press('Enter');
    // Typed while the conversation is being created: kept when the thread takes its id.
    await page.keyboard.type('And one more');
    // A sent message shows its time once the backend has it, in the thread under the new id.
    await dialog.getByRole('listitem').filter({ hasText: 'Typed with the keyboard only' }).locator('time').waitFor();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(300);
    // Focus stays in the composer, ready for the next message, with what was typed meanwhile.
    expect(await focusedName(page)).toBe('Message');
    await page.keyboard.type(' thing');
    expect(await composer.inputValue()).toBe('And one more thing');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedName(page)).toMatch(LAUNCHER);

    // Enter on the launcher reopens where the user was.
    await page.keyboard.press('Enter');
    await dialog.getByRole('listitem').filter({ hasText: 'Typed with the keyboard only' }).waitFor();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
  it('keeps focus in the panel when what had it is replaced, and puts it where the user works next', async () => {
    const { page, context, problems } = await stack.openHost('/invoices');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);
    const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
    await search.waitFor();
    // Tab from the home search box lands on something the user can see (no hidden submit button).
    await search.focus();
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(next.width).toBeGreaterThan(1);
    expect(next.height).toBeGreaterThan(1);

    // Back from an article returns to the result it was opened from.
    await search.focus();
    await page.keyboard.type('refund');
    await page.keyboard.press('Enter');
    await dialog.getByRole('list', { name: 'Search results' }).getByRole('button').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const opened = await focusedName(page);
    await page.keyboard.press('Enter');
    await dialog.getByText('Was this helpful?').waitFor();
    await dialog.getByRole('button', { name: 'Back', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe(opened);

    // The vote's thanks takes focus from the Yes button it replaces; Escape still closes the panel.
    await page.keyboard.press('Enter');
    await dialog.getByText('Was this helpful?').waitFor();
    await tabTo(page, /^Yes$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Thanks for your feedback!');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedName(page)).toMatch(LAUNCHER);

    // The ticket form focuses its subject once it has loaded; the confirmation takes focus from Submit.
    await page.keyboard.press('Enter');
    await goHome(dialog);
    await tabTo(page, /^Submit a ticket$/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('hl-field-subject');
    await page.keyboard.type('Focus after submitting');
    const form = dialog.getByRole('form', { name: 'Submit a ticket' });
    await form.getByRole('combobox', { name: /Affected area/ }).selectOption({ label: 'Other' });
    await form.getByRole('button', { name: 'Submit ticket' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Ticket submitted');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('returns focus to the host’s own Help button when the panel it opened closes', async () => {
    const { page, context } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const help = page.getByRole('button', { name: 'Help', exact: true });
    await help.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('hl-home-search');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-button');
    await context.close();
  });
});

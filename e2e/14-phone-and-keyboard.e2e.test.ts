import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedName, openWidget, type Stack, startStack, tabTo } from './support/stack.ts';

// The smallest phone still in use; the panel fills it.
const PHONE = {
  viewport: { width: 320, height: 568 },
  isMobile: true,
  hasTouch: true,
  reducedMotion: 'reduce' as const,
};

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Opens a view through the host API (the demo host is wider than 320 px, so its launcher may be off screen). */
async function openView(page: Page, view: string): Promise<void> {
  await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
  await page.evaluate(
    (name) => (window as unknown as { Helpline: (...args: unknown[]) => void }).Helpline('open', name),
    view,
  );
}

/** How far the open view's content reaches past its own width (0 when nothing scrolls sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.locator('helpline-widget').evaluate((host) => {
    const view = host.shadowRoot?.querySelector('.hl-view');
    return view ? view.scrollWidth - view.clientWidth : -1;
  });
}

describe('small screens', () => {
  it('keeps a long attachment name inside the panel, in the ticket form and in the chat', async () => {
    const { page, context } = await stack.openHost('/invoices', PHONE);
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    const name = 'Bildschirmfoto-der-fehlerhaften-Rechnungsuebersicht-vom-30-November-2026.png';
    const file = { name, mimeType: 'image/png', buffer: Buffer.from('not really a png') };
    for (const view of ['ticket', 'chat']) {
      await openView(page, view);
      await dialog.locator('input[type=file]').setInputFiles(file);
      const remove = dialog.getByRole('button', { name: `Remove ${name}` });
      await remove.waitFor();
      expect([view, await sidewaysOverflow(page)]).toEqual([view, 0]);
      const box = await remove.boundingBox();
      expect((box?.x ?? 320) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
    }
    await context.close();
  });

  it('scrolls a wide article table sideways in its own box, with its words whole', async () => {
    const { page, context } = await stack.openHost('/invoices', PHONE);
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    await openView(page, 'search');
    await dialog.getByRole('searchbox', { name: 'Search help articles' }).fill('roles and permissions');
    await dialog.getByRole('button', { name: /^Roles and permissions explained/ }).click();
    const owner = dialog.getByRole('columnheader', { name: 'Owner' });
    await owner.waitFor();
    // One line: squeezed to the panel's width, the column broke "Owner" into "Ow / ne / r".
    const lines = await owner.evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return range.getClientRects().length;
    });
    expect(lines).toBe(1);
    expect(await sidewaysOverflow(page)).toBe(0);
    const scroller = await dialog
      .getByRole('table')
      .evaluate((table) => [table.parentElement?.scrollWidth ?? 0, table.parentElement?.clientWidth ?? 0]);
    expect(scroller[0]).toBeGreaterThan(scroller[1] ?? 0);
    // The keyboard can scroll it (and a code block) in every browser, not only where scrollers take focus by themselves.
    const unreachable = async () =>
      (await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).include('helpline-widget').analyze())
        .violations;
    expect(await unreachable()).toEqual([]);
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await dialog.getByRole('searchbox', { name: 'Search help articles' }).fill('verify webhook signatures');
    await dialog.getByRole('button', { name: /^Set up webhooks and verify signatures/ }).click();
    await dialog.locator('pre').first().waitFor();
    expect(await unreachable()).toEqual([]);
    await context.close();
  });
});

describe('keyboard', () => {
  it('keeps focus where the user is when instant answers go: thanks for "This solved it", the box for "I still need help"', async () => {
    const { page, context, problems } = await stack.openHost('/invoices');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);
    const answers = dialog.getByRole('region', { name: 'These articles might answer your question' });

    await dialog.getByRole('button', { name: 'Submit a ticket' }).click();
    await dialog.getByRole('textbox', { name: 'Subject' }).focus();
    await page.keyboard.type('How do I issue a refund on a paid invoice?');
    await answers.waitFor();
    await tabTo(page, /^This solved it$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Glad that helped!');

    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    await page.keyboard.type('How do I issue a refund on a paid invoice?');
    await answers.waitFor();
    await tabTo(page, /^I still need help$/);
    await page.keyboard.press('Enter');
    await answers.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe('Message');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

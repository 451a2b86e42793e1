import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWidget, type Stack, saveScreenshot, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const REFUND = 'How to issue a refund on a paid invoice';
const CARD_DECLINED = 'Fix the card_declined payment error';

interface Analytics {
  articles: { title: string; views: number; helpful: number; notHelpful: number }[];
}

describe('self-service help inside the host app', () => {
  it('suggests for the route, searches, opens an article, records a vote, and follows SPA navigation', async () => {
    const { page, context, problems } = await stack.openHost('/invoices');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);

    // Home: articles registered for /invoices.
    const suggestions = dialog.getByRole('region', { name: 'Suggested for this page' });
    await suggestions.getByRole('button', { name: new RegExp(REFUND) }).waitFor();
    const onInvoices = await suggestions.getByRole('button').allTextContents();
    await saveScreenshot(dialog, 'home-light');

    // Search.
    const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
    await search.fill('refund');
    await search.press('Enter');
    const results = dialog.getByRole('list', { name: 'Search results' });
    await results.getByRole('button').first().waitFor();
    expect(await results.getByRole('button').first().textContent()).toContain(REFUND);
    await dialog.getByText(/\d+ articles? found/).waitFor();
    await saveScreenshot(dialog, 'search');

    // Article, then a helpful vote the backend records.
    await results.getByRole('button', { name: new RegExp(REFUND) }).click();
    await dialog.getByRole('heading', { name: REFUND }).waitFor();
    await dialog.getByText('Acme Ledger sends the refund to Stripe straight away.', { exact: false }).waitFor();
    await saveScreenshot(dialog, 'article');
    const agent = await stack.agentApi();
    const votes = async () => {
      const article = (await agent.get<Analytics>('/analytics')).articles.find((a) => a.title === REFUND);
      return { helpful: article?.helpful ?? 0, notHelpful: article?.notHelpful ?? 0 };
    };
    const before = await votes();
    await dialog.getByRole('button', { name: 'Yes' }).click();
    await dialog.getByText('Thanks for your feedback!').waitFor();
    await expect.poll(votes).toEqual({ helpful: before.helpful + 1, notHelpful: before.notHelpful });

    // Back home, then the host app navigates: the suggestions follow the route.
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await suggestions.waitFor();
    await page.locator('nav').getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
    await suggestions.getByRole('button', { name: new RegExp(CARD_DECLINED) }).waitFor();
    await suggestions.getByText('Card declined? Update your payment method, then retry.').waitFor();
    // Hits and tips refresh separately: wait until the list itself has followed the route.
    await expect.poll(() => suggestions.getByRole('button').allTextContents()).not.toEqual(onInvoices);
    const onBilling = await suggestions.getByRole('button').allTextContents();
    expect(onBilling.join('\n')).not.toContain(REFUND);

    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('links an article into the host app, opening it in a new tab, with its sections below its title', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const dialog = await openWidget(page);
    const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
    await search.fill('refund');
    await search.press('Enter');
    await dialog
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: new RegExp(REFUND) })
      .click();
    await dialog.getByRole('heading', { name: REFUND, level: 3 }).waitFor();
    const body = dialog.locator('.hl-article__body');
    // The seeded article links to /invoices of the app it documents: the host page's origin.
    const invoices = body.getByRole('link', { name: 'Invoices' });
    expect(await invoices.getAttribute('href')).toBe(`${stack.hostUrl}/invoices`);
    expect(await body.locator('a:not([href])').count()).toBe(0);
    // Its sections are headings under the article title (h3), which sits under the panel's title (h2).
    expect(await body.locator('h2, h3').count()).toBe(0);
    expect(await body.locator('h4').count()).toBeGreaterThan(0);
    const [tab] = await Promise.all([context.waitForEvent('page'), invoices.click()]);
    await tab.waitForURL(`${stack.hostUrl}/invoices`);
    await tab.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    expect(page.url()).toBe(`${stack.hostUrl}/dashboard`);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('says so when nothing matches, and offers a person instead', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const dialog = await openWidget(page);
    const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
    await search.fill('zzqxv flibbertigibbet');
    await search.press('Enter');
    await dialog.getByText('No articles match “zzqxv flibbertigibbet”.').waitFor();
    await dialog.getByText('Our team can help you directly.').waitFor();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

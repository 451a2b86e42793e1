import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyCaptureRunning, openWidget, type Stack, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('a host page with a strict Content Security Policy', () => {
  it('serves the page under a nonce-based policy with no unsafe-inline or unsafe-eval', async () => {
    const response = await fetch(`${stack.hostUrl}/dashboard`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('runs the early capture, opens the widget, searches, reads an article and chats with no CSP violation', async () => {
    const { page, context, problems } = await stack.openHost('/invoices');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    // The loader's idle-time script carries the page's nonce too.
    await earlyCaptureRunning(page);

    const dialog = await openWidget(page);
    await dialog.getByRole('searchbox', { name: 'Search help articles' }).fill('refund');
    await dialog.getByRole('searchbox', { name: 'Search help articles' }).press('Enter');
    const results = dialog.getByRole('list', { name: 'Search results' });
    await results.getByRole('button', { name: /How to issue a refund on a paid invoice/ }).click();
    await dialog.getByRole('heading', { name: 'How to issue a refund on a paid invoice' }).waitFor();
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();

    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const message = dialog.getByRole('textbox', { name: 'Message' });
    await message.fill('Hello from a strict CSP page');
    await message.press('Enter');
    // Delivered: shown as a sent message in the thread, no longer pending.
    await dialog.getByRole('listitem').filter({ hasText: 'Hello from a strict CSP page' }).waitFor();
    await expect.poll(() => dialog.getByText('Sending…').count()).toBe(0);

    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('would notice a violation: an inline script the policy blocks is reported', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
    });
    await expect.poll(() => problems.cspViolations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => 'inline' in window && (window as { __inline?: boolean }).__inline)).toBe(false);
    await context.close();
  });
});

import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_KEY } from './support/constants.ts';
import { goHome, openWidget, type Stack, startStack, storageDump } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Queue {
  conversations: { conversation: { id: string; lastMessage?: { body: string } }; visitor: { name?: string } }[];
}

const DANA_SECRET = 'Dana private question about Northwind payroll';
const DANA_SECOND = 'Dana asks again about Northwind payroll';
const DANA_TRACES = ['Dana', 'Whitfield', 'dana@northwind.example', 'Northwind', 'user-1001', 'acct-77', 'payroll'];

async function chatAs(page: Page, body: string): Promise<Locator> {
  const dialog = await openWidget(page);
  await dialog.getByRole('button', { name: 'Start a chat' }).click();
  await dialog.getByRole('textbox', { name: 'Message' }).fill(body);
  await dialog.getByRole('textbox', { name: 'Message' }).press('Enter');
  await dialog.getByRole('listitem').filter({ hasText: body }).waitFor();
  await expect.poll(() => dialog.getByText('Sending…').count()).toBe(0);
  // Back home, where recent conversations are listed.
  await goHome(dialog);
  await dialog
    .getByRole('region', { name: 'Recent conversations' })
    .getByRole('button')
    .filter({ hasText: body })
    .first()
    .waitFor();
  return dialog;
}

/** Nothing of Dana in the widget's DOM or in what the origin stores. */
async function expectNoTraceOfDana(page: Page, dialog: Locator): Promise<void> {
  const shown = (await page.locator('helpline-widget').evaluate((host) => host.shadowRoot?.textContent ?? '')) ?? '';
  const stored = await storageDump(page);
  for (const trace of DANA_TRACES) {
    expect(shown, `widget shows "${trace}"`).not.toContain(trace);
    expect(stored, `storage keeps "${trace}"`).not.toContain(trace);
  }
  expect(await dialog.getByText(/Dana/).count()).toBe(0);
}

describe('signing in after the widget connected', () => {
  it('refuses none of the boot session’s calls when the host identifies its user late', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const earlier = new Set<string | undefined>();
    const noteToken = (request: Request) => earlier.add(request.headers().authorization);
    page.on('request', noteToken);
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Close help' }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('helpline-returning'))).not.toBeNull();

    // The next page load: the widget boots, waits for identify (2 s) in vain and connects this returning
    // visitor anonymously, and the host's own sign-in answers only once that session's availability call
    // is on a slow wire.
    // Signed in first, the verified session would adopt the anonymous visitor and the server refuse
    // that call (a 401 on the console, mended by signing in again).
    let bootCallSent = () => {};
    const bootCall = new Promise<void>((resolve) => {
      bootCallSent = resolve;
    });
    await page.route('**/api/me*', async (route) => {
      await bootCall;
      await route.continue();
    });
    await page.route(`${stack.helplineUrl}/v1/availability`, async (route) => {
      // This page's own calls go through as they are.
      if (earlier.has(route.request().headers().authorization)) return route.continue();
      bootCallSent();
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
      await page.unroute(`${stack.helplineUrl}/v1/availability`);
    });
    const refused: string[] = [];
    const availableTo = new Set<string | undefined>();
    page.on('response', (response) => {
      if (response.status() === 401) refused.push(`${response.request().method()} ${response.url()}`);
      const { authorization } = response.request().headers();
      if (response.url() === `${stack.helplineUrl}/v1/availability` && !earlier.has(authorization))
        availableTo.add(authorization);
    });
    page.off('request', noteToken);
    await page.reload();
    // Boot's session and the signed-in one each got the availability.
    await expect.poll(() => availableTo.size, { timeout: 10_000 }).toBe(2);
    expect(refused).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

describe('switching users in one tab', () => {
  it('logout wipes the first user; the next identified user sees only their own data', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await chatAs(page, DANA_SECRET);
    await dialog.getByRole('button', { name: 'Close help' }).click();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByText('Signed out').waitFor();
    await expect.poll(() => storageDump(page).then((dump) => DANA_TRACES.filter((t) => dump.includes(t)))).toEqual([]);

    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByText('Lee Okafor · Contoso Ltd (enterprise)').waitFor();
    const lee = await openWidget(page);
    await expectNoTraceOfDana(page, lee);

    await lee.getByRole('button', { name: 'Start a chat' }).click();
    await lee.getByRole('textbox', { name: 'Message' }).fill('Lee here, a question about SSO');
    await lee.getByRole('textbox', { name: 'Message' }).press('Enter');
    await lee.getByRole('listitem').filter({ hasText: 'Lee here, a question about SSO' }).waitFor();
    await expectNoTraceOfDana(page, lee);

    // The server keeps them apart too: two conversations, two visitors.
    const queue = await (await stack.agentApi()).get<Queue>('/queue');
    const byBody = (body: string) => queue.conversations.find((item) => item.conversation.lastMessage?.body === body);
    expect(byBody(DANA_SECRET)?.visitor.name).toBe('Dana Whitfield');
    expect(byBody('Lee here, a question about SSO')?.visitor.name).toBe('Lee Okafor');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('logout ends the session on the server: the token the widget used is refused afterwards', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const tokens = new Set<string>();
    page.on('request', (request) => {
      const auth = request.headers().authorization;
      if (auth && request.url().startsWith(`${stack.helplineUrl}/v1/`)) tokens.add(auth);
    });
    const dialog = await chatAs(page, 'Dana asks before logging out');
    await dialog.getByRole('button', { name: 'Close help' }).click();
    const used = [...tokens];
    expect(used.length).toBeGreaterThan(0);
    const replay = (token: string) =>
      fetch(`${stack.helplineUrl}/v1/conversations`, {
        headers: { 'X-Helpline-Key': WORKSPACE_KEY, Authorization: token },
      }).then((response) => response.status);
    expect(await replay(used.at(-1) ?? '')).toBe(200);

    const revoked = page.waitForResponse(
      (response) => response.request().method() === 'DELETE' && response.url() === `${stack.helplineUrl}/v1/session`,
    );
    await page.getByRole('button', { name: 'Log out' }).click();
    expect((await revoked).status()).toBe(204);
    // The session in use at logout is refused. (One the widget replaced earlier without a logout, e.g.
    // when identify arrived just after a first connect, is not revoked: docs/security.md.)
    expect(await replay(used.at(-1) ?? '')).toBe(401);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('identifying a different user without a logout also drops the previous user’s data', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await chatAs(page, DANA_SECOND);
    await dialog.getByRole('button', { name: 'Close help' }).click();

    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByText('Lee Okafor · Contoso Ltd (enterprise)').waitFor();
    const lee = await openWidget(page);
    await expect.poll(() => storageDump(page).then((dump) => DANA_TRACES.filter((t) => dump.includes(t)))).toEqual([]);
    await expectNoTraceOfDana(page, lee);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

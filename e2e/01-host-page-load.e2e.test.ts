import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyCaptureRunning, launcher, openWidget, type Stack, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Every computed style of every host element (the widget's own elements excluded), in DOM order. */
function hostStyles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      document.documentElement,
      ...document.querySelectorAll('body, body *:not(helpline-launcher):not(helpline-widget)'),
    ].map((element) => {
      const style = getComputedStyle(element);
      const values = Array.from(style, (name) => `${name}:${style.getPropertyValue(name)}`).join(';');
      return `${element.tagName}#${element.id}.${element.className}{${values}}`;
    }),
  );
}

async function signedIn(page: Page): Promise<void> {
  await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the host page before anyone touches the widget', () => {
  it('downloads only the loader and, at idle, its early capture, writes no storage or cookies and logs no errors', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    const helplineRequests: string[] = [];
    const record = (request: Request) => {
      if (request.url().startsWith(stack.helplineUrl)) helplineRequests.push(new URL(request.url()).pathname);
    };
    // The listener is attached after goto resolved; the load's requests are read back from the performance timeline.
    page.on('request', record);
    await signedIn(page);
    await earlyCaptureRunning(page);
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .map((url) => `${url.origin}${url.pathname}`),
    );
    const fromHelpline = loaded.filter((url) => url.startsWith(stack.helplineUrl)).map((url) => new URL(url).pathname);
    expect([...new Set([...fromHelpline, ...helplineRequests])]).toEqual([
      '/widget/loader.js',
      expect.stringMatching(/^\/widget\/capture-[\w-]+\.js$/),
      expect.stringMatching(/^\/widget\/chunks\/early-capture-[\w-]+\.js$/),
    ]);

    // The placeholder launcher is there, drawn by the loader alone.
    await expect(launcher(page).count()).resolves.toBe(1);

    const storage = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((db) => db.name),
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
    }));
    expect(storage).toEqual({ databases: [], local: 0, session: 0, cookie: '' });
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });

    // Positive control: the first interaction is what pulls the widget in.
    const widgetLoaded = page.waitForResponse((response) =>
      /^\/widget\/helpline-[\w-]+\.js$/.test(new URL(response.url()).pathname),
    );
    await openWidget(page);
    // The server sends the build's brotli copy: what crosses the network is the measured first open. The
    // file is named by its content, so browsers may keep it for good.
    const widget = await widgetLoaded;
    expect(await widget.headerValue('content-encoding')).toBe('br');
    expect(await widget.headerValue('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('leaves every host element styled exactly as it is without the snippet', async () => {
    const withSnippet = await stack.openHost('/dashboard');
    await signedIn(withSnippet.page);

    const without = await stack.browser.newContext();
    const page = await without.newPage();
    // The same page with the loader's <script> tag removed (the queue stub stays, as the host app calls it).
    await page.route(`${stack.hostUrl}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script async src="[^"]*\/widget\/loader\.js"[^>]*><\/script>/, '');
      expect(html).not.toContain('loader.js');
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${stack.hostUrl}/dashboard`);
    await signedIn(page);

    const expected = await hostStyles(page);
    expect(expected.length).toBeGreaterThan(20);
    expect(await hostStyles(withSnippet.page)).toEqual(expected);

    // And still after the widget has loaded and opened.
    await openWidget(withSnippet.page);
    expect(await hostStyles(withSnippet.page)).toEqual(expected);
    expect(withSnippet.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await without.close();
    await withSnippet.context.close();
  });
});

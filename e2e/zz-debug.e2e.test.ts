import { it } from 'vitest';
import { startStack } from './support/stack.ts';
it('debug', async () => {
  const stack = await startStack();
  try {
    const { page, problems } = await stack.openHost('/invoices', {}, (page) =>
      page.route(`${stack.hostUrl}/**`, async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        const html = (await response.text()).replace('<script async src=', '<script async data-locale="ar" src=');
        console.log('HTML', html.slice(0, 900));
        await route.fulfill({ response, body: html });
      }));
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    await page.getByText('Dana Whitfield').first().waitFor();
    await page.waitForTimeout(2000);
    console.log('BODY', await page.evaluate(() => document.body.innerHTML.slice(-100)));
    console.log(JSON.stringify(problems, null, 1));
  } finally { await stack.close(); }
}, 120000);

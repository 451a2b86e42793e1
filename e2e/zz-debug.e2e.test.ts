import { it } from 'vitest';
import { launcher, startStack } from './support/stack.ts';
it('debug', async () => {
  const stack = await startStack();
  try {
    const { page, problems } = await stack.openHost('/invoices');
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    page.on('request', (r) => console.log('REQ', r.url()));
    page.on('response', (r) => r.status() >= 400 && console.log('RESP', r.status(), r.url()));
    await page.getByText('Dana Whitfield').first().waitFor();
    await launcher(page).first().click();
    await page.waitForTimeout(4000);
    console.log(await page.evaluate(() => {
      const w = document.querySelector('helpline-widget');
      return { html: document.body.innerHTML.slice(-500), shadow: w?.shadowRoot?.innerHTML.slice(0, 3000) };
    }));
    console.log(JSON.stringify(problems, null, 1));
  } finally { await stack.close(); }
}, 120000);

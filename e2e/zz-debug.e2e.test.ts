import { it } from 'vitest';
import { startStack } from './support/stack.ts';
it('debug', async () => {
  const stack = await startStack();
  try {
    const { page, problems } = await stack.openHost('/invoices', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    await page.getByText('Dana Whitfield').first().waitFor();
    await page.waitForTimeout(2000);
    console.log('BODY', await page.evaluate(() => document.body.innerHTML.slice(-300)));
    console.log('SHADOW', await page.evaluate(() => document.querySelector('helpline-launcher')?.shadowRoot?.innerHTML));
    console.log('BOX', await page.locator('helpline-launcher').getByRole('button').boundingBox().catch(e => String(e)));
    console.log(JSON.stringify(problems, null, 1));
  } finally { await stack.close(); }
}, 120000);

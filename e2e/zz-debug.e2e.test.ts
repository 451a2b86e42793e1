import { it } from 'vitest';
import { openWidget, startStack } from './support/stack.ts';
it('debug', async () => {
  const stack = await startStack();
  try {
    const { page, problems } = await stack.openHost('/dashboard');
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    await page.getByText('Dana Whitfield').first().waitFor();
    const d = await openWidget(page);
    await d.getByRole('button', { name: 'Close help' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForTimeout(1500);
    console.log('LABEL1', await page.locator('#account').textContent());
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.waitForTimeout(3000);
    console.log('LABEL2', await page.locator('#account').textContent());
    console.log(JSON.stringify(problems, null, 1));
  } finally { await stack.close(); }
}, 120000);

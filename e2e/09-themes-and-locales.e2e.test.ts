import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goHome, openWidget, type Stack, saveScreenshot, startStack } from './support/stack.ts';

// Each axe pass takes seconds on a shared 2-core machine; the contrast test runs six.
const AXE_TIMEOUT = 180_000;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Relative luminance (0 black … 1 white) of the panel's background colour. */
function panelLuminance(page: Page): Promise<number> {
  return page
    .locator('helpline-widget')
    .getByRole('dialog')
    .evaluate((panel) => {
      const [r = 0, g = 0, b = 0] = (getComputedStyle(panel).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    });
}

/** Queues a boot with these options before the loader runs, which then uses it instead of its data-attributes. */
function bootWith(options: Record<string, unknown>) {
  return (page: Page) =>
    page.addInitScript((boot) => {
      const stub = function Helpline(...args: unknown[]) {
        (stub.q ||= []).push(args);
      } as ((...args: unknown[]) => void) & { q?: unknown[][] };
      Object.assign(window, { Helpline: stub });
      stub('boot', boot);
    }, options);
}

/** axe's colour-contrast findings inside the widget, as "target: message" lines. */
async function contrastProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast']).include('helpline-widget').analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${node.target.join(' ')}: ${node.any[0]?.message ?? violation.help}`),
  );
}

/** The widget root's language and the panel's direction. */
function langAndDir(page: Page): Promise<{ lang: string; dir: string }> {
  return page.locator('helpline-widget').evaluate((host) => ({
    lang: host.shadowRoot?.querySelector('.hl-root')?.getAttribute('lang') ?? '',
    dir: host.shadowRoot?.querySelector('.hl-panel')?.getAttribute('dir') ?? '',
  }));
}

describe('appearance follows the user: colour scheme, small screens, right-to-left', () => {
  it('is light by default and dark when the system prefers dark', async () => {
    const light = await stack.openHost('/invoices', { colorScheme: 'light' });
    await openWidget(light.page);
    expect(await panelLuminance(light.page)).toBeGreaterThan(0.8);

    const dark = await stack.openHost('/invoices', { colorScheme: 'dark' });
    await dark.page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(dark.page);
    await dialog.getByRole('region', { name: 'Suggested for this page' }).waitFor();
    expect(await panelLuminance(dark.page)).toBeLessThan(0.1);
    await saveScreenshot(dialog, 'home-dark');
    expect(dark.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await light.context.close();
    await dark.context.close();
  });

  it('fills a phone screen (390×844) and still closes back to the launcher', async () => {
    const { page, context, problems } = await stack.openHost('/invoices', { viewport: { width: 390, height: 844 } });
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);
    await dialog.getByRole('region', { name: 'Suggested for this page' }).waitFor();
    const box = await dialog.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(380);
    expect(box?.height).toBeGreaterThanOrEqual(700);
    // No text input under 16px: iOS would zoom the page on focus.
    const fontSize = await dialog
      .getByRole('searchbox', { name: 'Search help articles' })
      .evaluate((input) => Number.parseFloat(getComputedStyle(input).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    await saveScreenshot(page, 'mobile');
    await dialog.getByRole('button', { name: 'Close help' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it(
    'keeps text at 4.5:1 in the dark theme and with light and dark brand colours',
    async () => {
      // A ticket the agent has not touched yet, for the "New" status badge.
      const filer = await stack.openHost('/invoices');
      const filing = await openWidget(filer.page);
      await filing.getByRole('button', { name: 'Submit a ticket' }).click();
      const form = filing.getByRole('form', { name: 'Submit a ticket' });
      await form.getByRole('textbox', { name: 'Subject' }).fill('Contrast of the status badge');
      await form.getByRole('combobox', { name: /Affected area/ }).selectOption({ label: 'Other' });
      await form.getByRole('button', { name: 'Submit ticket' }).click();
      await filing.getByRole('status').filter({ hasText: 'Ticket submitted' }).waitFor();
      await filer.context.close();

      const found: Record<string, string[]> = {};
      const looks = [
        ['default dark', 'dark', { theme: 'dark' }],
        ['yellow brand', 'light', { brandColor: '#facc15' }],
        ['navy brand, dark', 'dark', { brandColor: '#1e1b4b', theme: 'dark' }],
      ] as const;
      for (const [name, colorScheme, appearance] of looks) {
        const boot = { key: 'demo-public-key', apiUrl: stack.helplineUrl, appearance };
        const { page, context } = await stack.openHost('/invoices', { colorScheme }, bootWith(boot));
        await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
        const dialog = await openWidget(page);
        const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
        await search.fill('refund');
        await search.press('Enter');
        await dialog.getByRole('list', { name: 'Search results' }).locator('mark').first().waitFor();
        found[`${name}: search`] = await contrastProblems(page);
        await goHome(dialog);
        await dialog.getByRole('button', { name: 'My tickets' }).click();
        await dialog.getByRole('region', { name: 'My tickets' }).getByText('New', { exact: true }).first().waitFor();
        found[`${name}: my tickets`] = await contrastProblems(page);
        await context.close();
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
    },
    AXE_TIMEOUT,
  );

  it('says English and lays out left to right when a locale without strings falls back to English', async () => {
    const french = await stack.openHost('/invoices', { locale: 'fr-FR' });
    await openWidget(french.page);
    await french.page.locator('helpline-widget').getByText('Hi there. How can we help?').waitFor();
    expect(await langAndDir(french.page)).toEqual({ lang: 'en', dir: 'ltr' });
    await french.context.close();

    const boot = { key: 'demo-public-key', apiUrl: stack.helplineUrl, locale: 'he' };
    const hebrew = await stack.openHost('/invoices', {}, bootWith(boot));
    await hebrew.page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    await openWidget(hebrew.page);
    await hebrew.page.locator('helpline-widget').getByText('Hi there. How can we help?').waitFor();
    expect(await langAndDir(hebrew.page)).toEqual({ lang: 'en', dir: 'ltr' });
    await hebrew.context.close();
  });

  it('fits the phone screen even when the host page is wider than the phone', async () => {
    // Reduced motion: the panel's entry animation would shift and scale the box being measured.
    const phone = {
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce' as const,
    };
    const { page, context } = await stack.openHost('/invoices', phone);
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    // The demo's invoice table scrolls in its own box: the page, and so the launcher, stay on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    const launcherBox = await page
      .locator('helpline-widget, helpline-launcher')
      .getByRole('button')
      .first()
      .boundingBox();
    expect((launcherBox?.y ?? 667) + (launcherBox?.height ?? 0)).toBeLessThanOrEqual(667);
    expect((launcherBox?.x ?? 375) + (launcherBox?.width ?? 0)).toBeLessThanOrEqual(375);

    // A host page that does overflow stretches the layout viewport; the full-screen panel still matches the screen.
    await page.evaluate(() => {
      const wide = document.createElement('div');
      wide.style.width = '600px';
      wide.style.height = '1px';
      document.querySelector('main')?.append(wide);
    });
    await page.evaluate(() => (window as unknown as { Helpline: (command: string) => void }).Helpline('open'));
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box && [box.x, box.y, box.width, box.height]).toEqual([0, 0, 375, 667]);
    await context.close();
  });

  it('renders Arabic right-to-left when booted with locale ar', async () => {
    // A host page variant that boots explicitly with `locale: 'ar'` (queued before the loader runs,
    // which then uses this boot instead of its data-attributes).
    const boot = { key: 'demo-public-key', apiUrl: stack.helplineUrl, locale: 'ar' };
    const { page, context, problems } = await stack.openHost('/invoices', {}, (page) =>
      page.addInitScript((options) => {
        const stub = function Helpline(...args: unknown[]) {
          (stub.q ||= []).push(args);
        } as ((...args: unknown[]) => void) & { q?: unknown[][] };
        Object.assign(window, { Helpline: stub });
        stub('boot', options);
      }, boot),
    );
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    await openWidget(page);
    const dialog = page.locator('helpline-widget').getByRole('dialog', { name: 'المساعدة' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('dir')).toBe('rtl');
    await dialog.getByRole('searchbox', { name: 'البحث في مقالات المساعدة' }).waitFor();
    await saveScreenshot(dialog, 'rtl-ar');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

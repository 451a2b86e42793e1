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

/** What the fake visual viewport below exposes to the test. */
interface FakeViewport {
  set(changes: Partial<Record<'width' | 'height' | 'offsetTop' | 'offsetLeft' | 'scale', number>>): void;
  listeners(): number;
}

/**
 * Replaces window.visualViewport before any script runs with one the test moves: headless Chromium
 * shows no on-screen keyboard, and the keyboard is what shrinks the real one. It counts the listeners
 * it holds, and dispatches 'resize' and 'scroll' as a browser would.
 */
function fakeVisualViewport(size: { width: number; height: number }): void {
  const held = new Set<string>();
  const keyOf = (type: string, listener: unknown) => `${type} ${listener}`;
  const state = { ...size, offsetTop: 0, offsetLeft: 0, scale: 1 };
  class FakeVisualViewport extends EventTarget {
    get width() {
      return state.width;
    }
    get height() {
      return state.height;
    }
    get offsetTop() {
      return state.offsetTop;
    }
    get offsetLeft() {
      return state.offsetLeft;
    }
    get pageTop() {
      return scrollY + state.offsetTop;
    }
    get pageLeft() {
      return scrollX + state.offsetLeft;
    }
    get scale() {
      return state.scale;
    }
  }
  const viewport = new FakeVisualViewport();
  const add = viewport.addEventListener.bind(viewport);
  const remove = viewport.removeEventListener.bind(viewport);
  viewport.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    if (listener) held.add(keyOf(type, listener));
    add(type, listener);
  };
  viewport.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    held.delete(keyOf(type, listener));
    remove(type, listener);
  };
  Object.defineProperty(window, 'visualViewport', { configurable: true, get: () => viewport });
  const fake: FakeViewport = {
    set(changes) {
      const moved = changes.offsetTop !== undefined || changes.offsetLeft !== undefined;
      Object.assign(state, changes);
      viewport.dispatchEvent(new Event('resize'));
      if (moved) viewport.dispatchEvent(new Event('scroll'));
    },
    listeners: () => held.size,
  };
  Object.assign(window, { __viewport: fake });
}

const viewportOf = (page: Page) => ({
  set: (changes: Parameters<FakeViewport['set']>[0]) =>
    page.evaluate((c) => (window as unknown as { __viewport: FakeViewport }).__viewport.set(c), changes),
  listeners: () => page.evaluate(() => (window as unknown as { __viewport: FakeViewport }).__viewport.listeners()),
});

/** Where the panel, its header, the chat's composer and the newest message are, on the page. */
function layoutOf(page: Page) {
  return page.locator('helpline-widget').evaluate((host) => {
    const rect = (selector: string) => {
      const found = [...(host.shadowRoot?.querySelectorAll(selector) ?? [])].at(-1);
      const box = found?.getBoundingClientRect();
      return box && { top: box.top, bottom: box.bottom, left: box.left, width: box.width, height: box.height };
    };
    return {
      panel: rect('.hl-panel'),
      header: rect('.hl-panel__header'),
      composer: rect('.hl-composer'),
      thread: rect('.hl-chat__scroller'),
      newest: rect('.hl-msg'),
    };
  });
}

/** Two frames: the widget fits the panel in the frame after a viewport event. */
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

describe('on-screen keyboard', () => {
  const PHONE_390 = { ...PHONE, viewport: { width: 390, height: 844 } };

  it('fits the panel above the keyboard and where the visitor looks, but not to a pinch-zoomed view', async () => {
    const { page, context, problems } = await stack.openHost('/invoices', PHONE_390, (page) =>
      page.addInitScript(fakeVisualViewport, PHONE_390.viewport),
    );
    const viewport = viewportOf(page);
    await openView(page, 'chat');
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    // A thread taller than the keyboard leaves room for, so the shrink would hide its end.
    await composer.fill(Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the invoice export`).join('\n'));
    await composer.press('Enter');
    await composer.fill('Newest: the export is missing VAT');
    await composer.press('Enter');
    await dialog.getByRole('listitem').filter({ hasText: 'Newest: the export is missing VAT' }).waitFor();
    expect(await viewport.listeners()).toBe(2);
    expect((await layoutOf(page)).panel).toMatchObject({ top: 0, left: 0, width: 390, height: 844 });

    await viewport.set({ height: 500 });
    await expect.poll(async () => (await layoutOf(page)).panel?.height).toBe(500);
    let layout = await layoutOf(page);
    expect(layout.header?.top).toBe(0);
    expect(layout.composer?.bottom).toBeLessThanOrEqual(500);
    // The newest message is still in the thread's visible part.
    expect(layout.newest?.bottom).toBeLessThanOrEqual(layout.thread?.bottom ?? 0);
    expect(layout.newest?.bottom).toBeGreaterThan(layout.thread?.top ?? 500);

    // iOS scrolls the page to the focused field, a wide host page pans sideways: the panel follows.
    await viewport.set({ offsetTop: 240, offsetLeft: 30 });
    await expect.poll(async () => (await layoutOf(page)).header?.top).toBe(240);
    layout = await layoutOf(page);
    expect(layout.panel?.left).toBe(30);
    expect(layout.composer?.bottom).toBeLessThanOrEqual(740);

    await viewport.set({ height: 844, offsetTop: 0, offsetLeft: 0 });
    await expect
      .poll(async () => (await layoutOf(page)).panel)
      .toMatchObject({ top: 0, left: 0, width: 390, height: 844 });

    // Zoomed in with the keyboard open: the panel keeps the full size, so the zoom magnifies it.
    await viewport.set({ height: 500 });
    await expect.poll(async () => (await layoutOf(page)).panel?.height).toBe(500);
    await viewport.set({ scale: 2, width: 195, height: 250, offsetTop: 100, offsetLeft: 60 });
    await expect.poll(async () => (await layoutOf(page)).panel).toMatchObject({ top: 0, left: 0, height: 844 });
    await viewport.set({ scale: 2, height: 200 });
    await nextFrames(page);
    expect((await layoutOf(page)).panel).toMatchObject({ top: 0, left: 0, width: 390, height: 844 });

    await dialog.getByRole('button', { name: 'Close help' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await viewport.listeners()).toBe(0);

    // Shutdown with the panel open leaves no listener either.
    await openView(page, 'home');
    await dialog.waitFor();
    expect(await viewport.listeners()).toBe(2);
    await page.evaluate(() => (window as unknown as { Helpline: (command: string) => unknown }).Helpline('shutdown'));
    await expect.poll(() => viewport.listeners()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('leaves the desktop layout alone, and follows the visual viewport once the window narrows to the phone layout', async () => {
    const desktop = { viewport: { width: 1024, height: 768 }, reducedMotion: 'reduce' as const };
    const { page, context, problems } = await stack.openHost('/invoices', desktop, (page) =>
      page.addInitScript(fakeVisualViewport, desktop.viewport),
    );
    const viewport = viewportOf(page);
    await openView(page, 'chat');
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Message' }).waitFor();
    const before = (await layoutOf(page)).panel;
    expect(before?.width).toBe(380);
    expect(await viewport.listeners()).toBe(0);
    await viewport.set({ height: 400, offsetTop: 50 });
    await nextFrames(page);
    expect((await layoutOf(page)).panel).toEqual(before);
    expect(await dialog.evaluate((panel) => panel.hasAttribute('style'))).toBe(false);

    // A phone turned upright while the panel is open: from the desktop layout to the phone's.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => viewport.listeners()).toBe(2);
    await viewport.set({ width: 390, height: 500, offsetTop: 0 });
    await expect.poll(async () => (await layoutOf(page)).panel).toMatchObject({ top: 0, width: 390, height: 500 });
    await page.setViewportSize(desktop.viewport);
    await expect.poll(() => viewport.listeners()).toBe(0);
    await expect.poll(async () => (await layoutOf(page)).panel).toEqual(before);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
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
    // Focus reaches the message box a frame after the view shows (ViewHost): keys before it go elsewhere.
    await expect.poll(() => focusedName(page)).toBe('Message');
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

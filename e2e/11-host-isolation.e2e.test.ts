import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyCaptureRunning, goHome, openWidget, type Stack, startStack } from './support/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

// Runs before any script of the page: what the window and the functions Helpline instruments
// looked like before the snippet. Kept on one global of its own, left out of the comparison.
const RECORD_BEFORE = `(() => {
  window.__before = {
    names: Object.getOwnPropertyNames(window),
    fetch: window.fetch,
    xhrOpen: XMLHttpRequest.prototype.open,
    xhrSend: XMLHttpRequest.prototype.send,
    consoleError: console.error,
    consoleWarn: console.warn,
    pushState: history.pushState,
    replaceState: history.replaceState,
  };
})();`;

interface Instrumented {
  fetch: boolean;
  xhrOpen: boolean;
  xhrSend: boolean;
  consoleError: boolean;
  consoleWarn: boolean;
  pushState: boolean;
  replaceState: boolean;
}

/** For each function Helpline may wrap: is it the very function the page had before the snippet? */
function untouched(page: Page): Promise<Instrumented> {
  return page.evaluate(() => {
    const before = (window as unknown as { __before: Record<string, unknown> }).__before;
    return {
      fetch: window.fetch === before.fetch,
      xhrOpen: XMLHttpRequest.prototype.open === before.xhrOpen,
      xhrSend: XMLHttpRequest.prototype.send === before.xhrSend,
      consoleError: console.error === before.consoleError,
      consoleWarn: console.warn === before.consoleWarn,
      pushState: history.pushState === before.pushState,
      replaceState: history.replaceState === before.replaceState,
    };
  });
}

/** Elements in the host's <head> that were not there when `mark` was taken, as `tag src rel`. */
async function headSince(page: Page, mark: number): Promise<string[]> {
  return page.evaluate(
    (count) =>
      [...document.head.children]
        .slice(count)
        .map((el) =>
          [el.tagName.toLowerCase(), el.getAttribute('src') ?? '', el.getAttribute('rel') ?? ''].join(' ').trim(),
        ),
    mark,
  );
}

function addedGlobals(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const before = new Set((window as unknown as { __before: { names: string[] } }).__before.names);
    return Object.getOwnPropertyNames(window).filter((name) => !before.has(name) && name !== '__before');
  });
}

/** Search, read an article and send a chat message: the paths that touch most of the bundle. */
async function useTheWidget(dialog: Locator, message: string): Promise<void> {
  const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
  await search.fill('refund');
  await search.press('Enter');
  await dialog
    .getByRole('list', { name: 'Search results' })
    .getByRole('button', { name: /How to issue a refund on a paid invoice/ })
    .click();
  await dialog.getByRole('heading', { name: 'How to issue a refund on a paid invoice' }).waitFor();
  await goHome(dialog);
  await dialog.getByRole('button', { name: 'Start a chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(message);
  await composer.press('Enter');
  await dialog.getByRole('listitem').filter({ hasText: message }).waitFor();
  await expect.poll(() => dialog.getByText('Sending…').count()).toBe(0);
}

const ALL_UNTOUCHED: Instrumented = {
  fetch: true,
  xhrOpen: true,
  xhrSend: true,
  consoleError: true,
  consoleWarn: true,
  pushState: true,
  replaceState: true,
};

describe('the widget in someone else’s page', () => {
  it('adds no global but Helpline and nothing to <head> but its script, and shutdown restores every function it wrapped', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard', {}, (page) =>
      page.addInitScript({ content: RECORD_BEFORE }),
    );
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    // The loader's early capture, its module script added at idle, is running before the first click.
    await earlyCaptureRunning(page);
    const headBefore = await page.evaluate(() => document.head.children.length);
    expect(await headSince(page, headBefore - 1)).toEqual([expect.stringMatching(/^script \S*\/capture-[\w-]+\.js$/)]);
    const dialog = await openWidget(page);
    await useTheWidget(dialog, 'Hello from the globals check');
    // The loader's one module script for the widget; lazy chunks arrive by import(), with no preload
    // links in the host's head.
    expect(await headSince(page, headBefore)).toEqual([expect.stringMatching(/^script \S*helpline-[\w-]+\.js$/)]);
    await page.locator('nav').getByRole('link', { name: 'Billing' }).click();
    expect(await addedGlobals(page)).toEqual(['Helpline']);
    // Context capture is running: the check below is not vacuous.
    expect(Object.values(await untouched(page)).every(Boolean)).toBe(false);

    await page.evaluate(() => (window as unknown as { Helpline: (command: string) => unknown }).Helpline('shutdown'));
    await expect.poll(() => untouched(page)).toEqual(ALL_UNTOUCHED);
    expect(await addedGlobals(page)).toEqual(['Helpline']);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

// A host whose own scripts (or their old libraries) rewrote built-ins before the snippet ran.
// Not included, because the widget does not survive them (docs/security.md → not covered):
// enumerable properties on Object.prototype (zod's schema construction iterates with for…in) and a
// frozen Object.prototype (SES-style lockdown; @preact/signals assigns valueOf/toString on its
// prototypes, which the override mistake turns into a TypeError).
const HOSTILE_BUILTINS = `(() => {
  const log = (window.__hostLog = []);
  const wrap = (owner, name, make) => {
    const original = owner[name];
    Object.defineProperty(owner, name, { value: make(original), writable: true, configurable: true, enumerable: false });
  };
  // Array methods that refuse to work on anything but a real array, as some shims do.
  for (const name of ['map', 'filter', 'includes', 'forEach', 'some', 'find']) {
    wrap(Array.prototype, name, (original) => function (...args) {
      if (!Array.isArray(this)) throw new TypeError('host shim: Array.prototype.' + name + ' called on a non-array');
      return original.apply(this, args);
    });
  }
  // Enumerable junk on arrays, the way Prototype.js-era libraries extended them.
  Array.prototype.hostJunk = function hostJunk() { return 'junk'; };
  wrap(Promise.prototype, 'then', (original) => function (...args) {
    log.length < 1000 && log.push('then');
    return original.apply(this, args);
  });
  wrap(window, 'fetch', (original) => function (...args) {
    log.push('fetch ' + String(args[0] && args[0].url ? args[0].url : args[0]));
    return original.apply(this, args);
  });
  wrap(JSON, 'stringify', (original) => function (...args) {
    return original.apply(this, args);
  });
  // Frozen prototypes: nothing may be added to or replaced on them, including what Helpline
  // instruments (history and XHR), which it must then leave alone without failing.
  for (const proto of [Array.prototype, Function.prototype, Promise.prototype, History.prototype, XMLHttpRequest.prototype]) {
    Object.freeze(proto);
  }
})();`;

describe('a hostile host page', () => {
  it('with wrapped, junk-laden and frozen built-ins still loads, opens, searches and chats, with no uncaught error', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard', {}, (page) =>
      page.addInitScript({ content: HOSTILE_BUILTINS }),
    );
    expect(await page.evaluate(() => Object.isFrozen(History.prototype) && Object.isFrozen(Array.prototype))).toBe(
      true,
    );
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);
    await useTheWidget(dialog, 'Hello from a page with frozen prototypes');
    // The host's own fetch wrapper saw the widget's calls go through it: nothing bypassed or broke it.
    const log = await page.evaluate(() => (window as unknown as { __hostLog: string[] }).__hostLog);
    expect(log.some((entry) => entry.startsWith('fetch ') && entry.includes('/v1/'))).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
});

describe('a crash inside the widget', () => {
  it('shows "Something went wrong" with Try again in the panel, and the host page sees no error', async () => {
    const { page, context, problems } = await stack.openHost('/dashboard');
    await page.getByText('Dana Whitfield · Northwind Traders (growth)').waitFor();
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    await dialog.getByRole('textbox', { name: 'Message' }).waitFor();
    // A broken Intl polyfill on the host: every date the chat view formats now throws while rendering.
    await page.evaluate(() => {
      (window as unknown as { __format?: PropertyDescriptor }).__format = Object.getOwnPropertyDescriptor(
        Intl.DateTimeFormat.prototype,
        'format',
      );
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
        configurable: true,
        get() {
          throw new RangeError('host polyfill: Intl.DateTimeFormat is not supported');
        },
      });
    });
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    await composer.fill('This message makes the view render a time');
    await composer.press('Enter');
    const crashed = dialog.getByRole('alert').filter({ hasText: 'Something went wrong' });
    await crashed.waitFor();
    // The rest of the panel still works: it can be closed and reopened.
    await dialog.getByRole('button', { name: 'Close help' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await openWidget(page);

    // The host fixes its polyfill; Try again renders the view afresh, with the message kept.
    await page.evaluate(() => {
      const original = (window as unknown as { __format?: PropertyDescriptor }).__format;
      if (original) Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', original);
    });
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await dialog.getByRole('listitem').filter({ hasText: 'This message makes the view render a time' }).waitFor();

    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    // The boundary logs what it caught (for the host's developers), and nothing else is logged.
    expect(problems.consoleErrors.every((text) => text.includes('[Helpline] a view failed to render'))).toBe(true);
    expect(problems.consoleErrors.length).toBeGreaterThan(0);
    await context.close();
  });
});

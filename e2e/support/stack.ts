import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type {
  APIResponse,
  Browser,
  BrowserContext,
  BrowserContextOptions,
  ConsoleMessage,
  Locator,
  Page,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchChromium } from './browser.mjs';
import { AGENT_EMAIL, E2E_AGENT_PASSWORD, repoRoot } from './constants.ts';

/** What went wrong on one page: the e2e suite asserts these stay empty. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
}

export interface Stack {
  /** Origin of the Helpline server (API, /widget bundle, /inbox). */
  helplineUrl: string;
  /** Origin of the Acme Ledger demo host app. */
  hostUrl: string;
  browser: Browser;
  /**
   * A fresh browser context + page on the host app, watched for errors and CSP violations;
   * `prepare` runs before navigation (to route or rewrite the host page).
   */
  openHost(
    path?: string,
    options?: BrowserContextOptions,
    prepare?: (page: Page) => Promise<unknown>,
  ): Promise<WatchedPage>;
  /** A fresh watched context + page at any URL (a page served by the test itself, not the host app). */
  openUrl(url: string, options?: BrowserContextOptions): Promise<WatchedPage>;
  /** A fresh context logged into the agent inbox through its login form. */
  openInbox(options?: BrowserContextOptions): Promise<WatchedPage>;
  /** The agent API, for checks the UI doesn't show. */
  agentApi(): Promise<AgentApi>;
  close(): Promise<void>;
}

/** The agent JSON API (/agent/api…), signed in with the demo agent's cookie session and CSRF token. */
export interface AgentApi {
  get<T = unknown>(path: string): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  patch<T = unknown>(path: string, body: unknown): Promise<T>;
}

const BINDING = '__helplineE2eReport';

// Runs in every page before its scripts: CSP violations are reported as events, including those
// raised inside the widget's shadow root (the event is composed, so document sees it).
const reportViolations = `(() => {
  const report = globalThis[${JSON.stringify(BINDING)}];
  document.addEventListener('securitypolicyviolation', (event) => {
    report && report(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' + event.lineNumber);
  }, true);
})();`;

async function watchContext(context: BrowserContext): Promise<Map<Page, PageProblems>> {
  const byPage = new Map<Page, PageProblems>();
  const problemsOf = (page: Page) => {
    let problems = byPage.get(page);
    if (!problems) {
      problems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
      byPage.set(page, problems);
    }
    return problems;
  };
  await context.exposeBinding(BINDING, ({ page }, text: string) => {
    problemsOf(page).cspViolations.push(text);
  });
  await context.addInitScript({ content: reportViolations });
  const watch = (page: Page) => {
    const problems = problemsOf(page);
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // Chromium asks every origin for /favicon.ico on its own; the demo host has none.
      if (message.location().url.endsWith('/favicon.ico')) return;
      // The inbox asks whether a session exists before showing its login form; 401 is the expected "no".
      if (message.location().url.endsWith('/agent/api/me') && text.includes('status of 401')) return;
      // Chromium also logs CSP refusals on the console; count them once, as violations.
      if (/Content Security Policy/i.test(text)) problems.cspViolations.push(text);
      else problems.consoleErrors.push(`${text} (${message.location().url}:${message.location().lineNumber})`);
    });
    page.on('pageerror', (error) => problems.pageErrors.push(String(error.stack ?? error)));
  };
  context.on('page', watch);
  return byPage;
}

async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const byPage = await watchContext(context);
  const page = await context.newPage();
  const problems = byPage.get(page);
  if (!problems) throw new Error('page was not watched');
  return { page, context, problems };
}

/**
 * One Chromium for a test file, against the server and host app the global setup started
 * (support/global-setup.ts). Every context it opens is closed by close().
 */
export async function startStack(): Promise<Stack> {
  const { helplineUrl, hostUrl } = inject('e2eOrigins');
  const contexts = new Set<BrowserContext>();
  const browser = await launchChromium();
  const track = (watched: WatchedPage) => {
    contexts.add(watched.context);
    watched.context.on('close', () => contexts.delete(watched.context));
    return watched;
  };

  return {
    helplineUrl,
    hostUrl,
    browser,
    async openHost(path = '/dashboard', options = {}, prepare) {
      const watched = track(await watchedPage(browser, options));
      await prepare?.(watched.page);
      await watched.page.goto(`${hostUrl}${path}`);
      return watched;
    },
    async openUrl(url, options = {}) {
      const watched = track(await watchedPage(browser, options));
      await watched.page.goto(url);
      return watched;
    },
    async openInbox(options = {}) {
      const watched = track(await watchedPage(browser, options));
      await loginAgent(watched.page, helplineUrl);
      return watched;
    },
    async agentApi() {
      const context = await browser.newContext();
      contexts.add(context);
      const login = await context.request.post(`${helplineUrl}/agent/api/login`, {
        data: { email: AGENT_EMAIL, password: E2E_AGENT_PASSWORD },
      });
      if (!login.ok()) throw new Error(`agent login → ${login.status()}: ${await login.text()}`);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const check = async <T>(what: string, response: APIResponse): Promise<T> => {
        if (!response.ok()) throw new Error(`${what} → ${response.status()}: ${await response.text()}`);
        return (response.status() === 204 ? undefined : await response.json()) as T;
      };
      return {
        get: <T>(path: string) =>
          context.request.get(`${helplineUrl}/agent/api${path}`).then((r) => check<T>(`GET ${path}`, r)),
        post: <T>(path: string, data: unknown) =>
          context.request
            .post(`${helplineUrl}/agent/api${path}`, { data, headers: { 'x-csrf-token': csrfToken } })
            .then((r) => check<T>(`POST ${path}`, r)),
        patch: <T>(path: string, data: unknown) =>
          context.request
            .patch(`${helplineUrl}/agent/api${path}`, { data, headers: { 'x-csrf-token': csrfToken } })
            .then((r) => check<T>(`PATCH ${path}`, r)),
      };
    },
    async close() {
      await Promise.allSettled([...contexts].map((context) => context.close()));
      await browser.close();
    },
  };
}

/** Logs the demo agent into the inbox through its login form. */
export async function loginAgent(page: Page, helplineUrl: string): Promise<void> {
  await page.goto(`${helplineUrl}/inbox/`);
  await page.getByLabel('Email').fill(AGENT_EMAIL);
  await page.getByLabel('Password').fill(E2E_AGENT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
}

/** The widget's own launcher (after helpline.js mounted), or the loader's placeholder before. */
export function launcher(page: Page): Locator {
  return page
    .locator('helpline-widget, helpline-launcher')
    .getByRole('button', { name: /^(Open (help|support)|فتح المساعدة)/ });
}

/** The help panel (role=dialog inside the widget's shadow root). */
export function panel(page: Page): Locator {
  return page.locator('helpline-widget').getByRole('dialog');
}

/** Clicks the launcher and waits until the panel is shown. */
/** Resolves once the loader's early capture (fetched at idle) has wrapped the page's fetch. */
export async function earlyCaptureRunning(page: Page): Promise<void> {
  await page.waitForFunction(() => !String(window.fetch).includes('[native code]'));
}

/** Whether the page has asked for the widget's own file (helpline-<hash>.js) yet. */
export function widgetRequested(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').some((entry) => /\/widget\/helpline-[\w-]+\.js$/.test(entry.name)),
  );
}

export async function openWidget(page: Page): Promise<Locator> {
  await launcher(page).first().click();
  const dialog = panel(page);
  await dialog.waitFor();
  return dialog;
}

/** Saves a screenshot to docs/screenshots only when UPDATE_SCREENSHOTS=1, so test runs don't dirty the tree. */
/** Opens the widget, starts a chat with `body` and waits until the message shows in the thread. */
export async function startChat(page: Page, body: string): Promise<{ dialog: Locator; composer: Locator }> {
  const dialog = await openWidget(page);
  await dialog.getByRole('button', { name: 'Start a chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(body);
  await composer.press('Enter');
  await dialog.getByRole('listitem').filter({ hasText: body }).waitFor();
  return { dialog, composer };
}

export async function saveScreenshot(target: Page | Locator, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  const path = join(repoRoot, 'docs/screenshots', `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await target.screenshot({ animations: 'disabled' }));
}

/** A small valid PNG (4×4 solid colour) made in the test, for attachment uploads. */
export async function makePng(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'helpline-e2e-'));
  const path = join(dir, 'screenshot.png');
  await writeFile(path, Buffer.from(TINY_PNG_BASE64, 'base64'));
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

// 4×4 opaque indigo PNG.
const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPwd3sKRwzEcQBdMhehNi/xVAAAAABJRU5ErkJggg==';

/** Everything the page's origin keeps (IndexedDB records, Web Storage, cookies) as one string to search. */
export function storageDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      document.cookie,
    ];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`${info.name}/${store}: ${JSON.stringify(records)}`);
      }
      db.close();
    }
    return parts.join('\n');
  });
}

/** The accessible name (or text) of the element that has focus, looking through open shadow roots. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return '';
    return (active.getAttribute('aria-label') ?? active.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element's name matches, failing after `limit` presses. */
export async function tabTo(page: Page, name: RegExp, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const current = await focusedName(page);
    if (name.test(current)) return;
    seen.push(current);
  }
  throw new Error(`Tab never reached ${name}; focus went through: ${seen.join(' → ')}`);
}

/** Walks the panel's Back button until the home view (which has none) shows. */
export async function goHome(dialog: Locator): Promise<void> {
  const back = dialog.getByRole('button', { name: 'Back', exact: true });
  for (let step = 0; step < 6 && (await back.count()) > 0; step++) await back.click();
  expect(await back.count()).toBe(0);
}

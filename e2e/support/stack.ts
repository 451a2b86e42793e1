import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIResponse, Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Locator, Page } from 'playwright-core';
import { startHostApp } from '../../examples/script-tag/server.mjs';
import { type RunningServer, startServer } from '../../packages/server/src/index.ts';
import { launchChromium } from './browser.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const loaderDist = join(repoRoot, 'packages/loader/dist');

export const AGENT_EMAIL = 'agent@demo.helpline.dev';
export const AGENT_PASSWORD = 'e2e-agent-password';
export const DEMO_SECRET = 'e2e-demo-workspace-secret';
export const WORKSPACE_KEY = 'demo-public-key';

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
  server: RunningServer;
  /** Origin of the Helpline server (API, /widget bundle, /inbox). */
  helplineUrl: string;
  /** Origin of the Acme Ledger demo host app. */
  hostUrl: string;
  browser: Browser;
  /** A fresh browser context + page on the host app, watched for errors and CSP violations. */
  openHost(path?: string, options?: BrowserContextOptions): Promise<WatchedPage>;
  /** A fresh context logged into the agent inbox. */
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

/** Starts the Helpline server (in-memory PGlite), the demo host app and one headless Chromium. */
export async function startStack(): Promise<Stack> {
  if (!existsSync(join(loaderDist, 'loader.js')) || !existsSync(join(loaderDist, 'helpline.js'))) {
    throw new Error(
      `The script-tag bundle is missing in ${loaderDist}. Build it first: npm run build (or, in packages/loader: vite build && vite build -c vite.loader.config.ts).`,
    );
  }
  const contexts = new Set<BrowserContext>();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: ':memory:',
    agentPassword: AGENT_PASSWORD,
    demoSecret: DEMO_SECRET,
    staticDirs: [{ prefix: '/widget', dir: loaderDist }],
    // One test file drives many requests from one IP and visitor; keep the limiter out of the way.
    rateLimit: { visitor: { capacity: 10_000, refillPerSecond: 1_000 }, ip: { capacity: 10_000, refillPerSecond: 1_000 } },
    ...(process.env.HELPLINE_INBOX_DIR ? { inboxDir: process.env.HELPLINE_INBOX_DIR } : {}),
  });
  const host = await startHostApp({
    port: 0,
    host: '127.0.0.1',
    helplineUrl: server.url,
    workspaceKey: WORKSPACE_KEY,
    workspaceSecret: DEMO_SECRET,
  }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await host.close();
    await server.close();
    throw error;
  });

  const track = (watched: WatchedPage) => {
    contexts.add(watched.context);
    watched.context.on('close', () => contexts.delete(watched.context));
    return watched;
  };

  return {
    server,
    helplineUrl: server.url,
    hostUrl: host.url,
    browser,
    async openHost(path = '/dashboard', options = {}) {
      const watched = track(await watchedPage(browser, options));
      await watched.page.goto(`${host.url}${path}`);
      return watched;
    },
    async openInbox(options = {}) {
      const watched = track(await watchedPage(browser, options));
      await loginAgent(watched.page, server.url);
      return watched;
    },
    async agentApi() {
      const context = await browser.newContext();
      contexts.add(context);
      const login = await context.request.post(`${server.url}/agent/api/login`, {
        data: { email: AGENT_EMAIL, password: AGENT_PASSWORD },
      });
      if (!login.ok()) throw new Error(`agent login → ${login.status()}: ${await login.text()}`);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const check = async <T>(what: string, response: APIResponse): Promise<T> => {
        if (!response.ok()) throw new Error(`${what} → ${response.status()}: ${await response.text()}`);
        return (response.status() === 204 ? undefined : await response.json()) as T;
      };
      return {
        get: <T>(path: string) => context.request.get(`${server.url}/agent/api${path}`).then((r) => check<T>(`GET ${path}`, r)),
        post: <T>(path: string, data: unknown) =>
          context.request
            .post(`${server.url}/agent/api${path}`, { data, headers: { 'x-csrf-token': csrfToken } })
            .then((r) => check<T>(`POST ${path}`, r)),
        patch: <T>(path: string, data: unknown) =>
          context.request
            .patch(`${server.url}/agent/api${path}`, { data, headers: { 'x-csrf-token': csrfToken } })
            .then((r) => check<T>(`PATCH ${path}`, r)),
      };
    },
    async close() {
      await Promise.allSettled([...contexts].map((context) => context.close()));
      await browser.close().catch(() => undefined);
      await host.close();
      await server.close();
    },
  };
}

/** Logs the demo agent into the inbox through its login form. */
export async function loginAgent(page: Page, helplineUrl: string): Promise<void> {
  await page.goto(`${helplineUrl}/inbox/`);
  await page.getByLabel('Email').fill(AGENT_EMAIL);
  await page.getByLabel('Password').fill(AGENT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Queue' }).waitFor();
}

/** The widget's own launcher (after helpline.js mounted), or the loader's placeholder before. */
export function launcher(page: Page): Locator {
  return page.locator('helpline-widget, helpline-launcher').getByRole('button', { name: /^Open (help|support)/ });
}

/** The help panel (role=dialog inside the widget's shadow root). */
export function panel(page: Page): Locator {
  return page.locator('helpline-widget').getByRole('dialog');
}

/** Clicks the launcher and waits until the panel is shown. */
export async function openWidget(page: Page): Promise<Locator> {
  await launcher(page).first().click();
  const dialog = panel(page);
  await dialog.waitFor();
  return dialog;
}

/** Saves a screenshot to docs/screenshots only when UPDATE_SCREENSHOTS=1, so test runs don't dirty the tree. */
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
    const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie];
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

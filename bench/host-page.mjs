// Host-page cost in headless Chromium: a blank host page vs the same page with the Helpline snippet vs
// the same page with Sentry's feedback widget; and launcher click → panel interactive, cold and warm.
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/support/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { summarize } from './lib/stats.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** @param {import('playwright-core').Page} page */
async function pageCost(page, cdp) {
  await page.waitForLoadState('load');
  // Let idle-time work (and any lazy loading a widget does on its own) happen before reading totals.
  await page.waitForTimeout(1500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const longTasks = await page.evaluate(() => globalThis.__longTasks ?? []);
  return {
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    heapKb: metric('JSHeapUsedSize') / 1024,
    longTasks: longTasks.length,
    tbtMs: longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
  };
}

const OBSERVE_LONG_TASKS = () => {
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

const HELPLINE_CLICK = () =>
  new Promise((resolve, reject) => {
    const button =
      document.querySelector('helpline-launcher')?.shadowRoot?.querySelector('button') ??
      document
        .querySelector('helpline-widget')
        ?.shadowRoot?.querySelector('button[aria-haspopup], button.launcher, button');
    if (!button) return reject(new Error('no launcher'));
    const start = performance.now();
    button.click();
    const deadline = start + 10_000;
    const check = () => {
      const active = document.querySelector('helpline-widget')?.shadowRoot?.activeElement;
      if (active?.closest('[role=dialog]')) return resolve(performance.now() - start);
      if (performance.now() > deadline) return reject(new Error('panel never took focus'));
      requestAnimationFrame(check);
    };
    check();
  });

const SENTRY_CLICK = () =>
  new Promise((resolve, reject) => {
    const root = document.querySelector('#sentry-feedback')?.shadowRoot;
    const button = root?.querySelector('button');
    if (!button) return reject(new Error('no Sentry feedback button'));
    const start = performance.now();
    button.click();
    const deadline = start + 10_000;
    const check = () => {
      const field = root.querySelector('dialog input, dialog textarea, form input, form textarea');
      if (field && field.getBoundingClientRect().width > 0) return resolve(performance.now() - start);
      if (performance.now() > deadline) return reject(new Error('form never appeared'));
      requestAnimationFrame(check);
    };
    check();
  });

/**
 * @param {{ runs: number, clickRuns: number, helplineUrl: string, workspaceKey: string, loaderDist: string, sentryBundleDir: string }} options
 */
export async function measureHostPage(options) {
  const template = (await import('node:fs')).readFileSync(here('./pages/host.html'), 'utf8');
  const snippet = `<script>window.Helpline=window.Helpline||function(){(Helpline.q=Helpline.q||[]).push(arguments)};</script>
  <script async src="/widget/loader.js" data-key="${options.workspaceKey}" data-api="${options.helplineUrl}"></script>`;
  const sentry = '<script type="module" src="/peers/sentry-feedback/bundle.js"></script>';
  const server = await startStaticServer({
    mounts: {
      '/pages/': here('./pages/'),
      '/widget/': options.loaderDist,
      '/peers/sentry-feedback/': options.sentryBundleDir,
    },
    pages: {
      '/blank': template.replace('<!--WIDGET-->', ''),
      '/helpline': template.replace('<!--WIDGET-->', snippet),
      '/sentry': template.replace('<!--WIDGET-->', sentry),
    },
  });
  const browser = await launchChromium();
  const results = { pages: {}, click: {} };
  try {
    for (const variant of ['blank', 'helpline', 'sentry']) {
      const runs = [];
      for (let i = 0; i < options.runs; i++) {
        const context = await browser.newContext();
        await context.addInitScript(OBSERVE_LONG_TASKS);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(`${server.url}/${variant}`);
        runs.push(await pageCost(page, cdp));
        await context.close();
      }
      results.pages[variant] = Object.fromEntries(
        ['scriptMs', 'taskMs', 'heapKb', 'longTasks', 'tbtMs'].map((key) => [key, summarize(runs.map((r) => r[key]))]),
      );
    }
    for (const [variant, click] of [
      ['helpline', HELPLINE_CLICK],
      ['sentry', SENTRY_CLICK],
    ]) {
      const cold = [];
      const warm = [];
      const returning = [];
      for (let i = 0; i < options.clickRuns; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await page.goto(`${server.url}/${variant}`);
        await page.waitForTimeout(300);
        cold.push(await page.evaluate(click));
        // Cached: the code is in the HTTP cache, but this is a new visitor (storage cleared), so the
        // widget still loads on the click. Returning: the visitor is known, so it loaded at idle.
        await cdp.send('Storage.clearDataForOrigin', {
          origin: server.url,
          storageTypes: 'indexeddb,local_storage',
        });
        await page.reload();
        await page.waitForTimeout(300);
        warm.push(await page.evaluate(click));
        await page.reload();
        await page.waitForTimeout(300);
        returning.push(await page.evaluate(click));
        await context.close();
      }
      results.click[variant] = { cold: summarize(cold), warm: summarize(warm), returning: summarize(returning) };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

// Outbox: N messages typed while offline in Chromium, persisted to IndexedDB, then delivered after
// reconnecting; the server's copy is checked for loss and duplicates.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../e2e/support/browser.mjs';
import { outDir } from './lib/peers.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundleEntry() {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: {
      alias: {
        '@helpline/core': join(root, 'packages/core/src/index.ts'),
        '@helpline/adapter-http': join(root, 'packages/adapter-http/src/index.ts'),
      },
    },
    build: {
      outDir: join(outDir, 'outbox'),
      emptyOutDir: true,
      rolldownOptions: {
        input: join(root, 'bench/pages/outbox-entry.js'),
        output: { entryFileNames: 'bundle.js', format: 'es' },
      },
    },
  });
  return join(outDir, 'outbox');
}

export async function measureOutbox({ helplineUrl, workspaceKey, messages }) {
  const dir = await bundleEntry();
  const server = await startStaticServer({
    mounts: { '/outbox/': dir },
    pages: { '/': '<!doctype html><title>outbox</title><script type="module" src="/outbox/bundle.js"></script>' },
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.benchOutbox);
    await page.evaluate(([url, key]) => window.benchOutbox.start(url, key), [helplineUrl, workspaceKey]);
    await context.setOffline(true);
    const persistMs = await page.evaluate((n) => window.benchOutbox.queue(n), messages);
    await context.setOffline(false);
    const deliverMs = await page.evaluate((n) => window.benchOutbox.drain(n), messages);
    const bodies = await page.evaluate(async () => {
      const { client, conversationId } = window.benchOutbox;
      const all = [];
      let before;
      for (;;) {
        const pageOf = await client.adapter.listMessages(conversationId, { before, limit: 100 });
        all.push(...pageOf.messages.map((m) => m.body));
        if (!pageOf.nextCursor) break;
        before = pageOf.nextCursor;
      }
      return all.filter((body) => body.startsWith('queued '));
    });
    const unique = new Set(bodies);
    return { messages, persistMs, deliverMs, delivered: unique.size, duplicates: bodies.length - unique.size };
  } finally {
    await browser.close();
    await server.close();
  }
}

import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SECRET, WORKSPACE_KEY } from './support/constants.ts';
import { docSnippet, fillPlaceholders, installApp, packPackages } from './support/newcomer.ts';
import { launcher, openWidget, type Stack, startStack } from './support/stack.ts';
import { serveFolder } from './support/static-server.ts';

// Issue #5: a newcomer follows the README and getting-started, and it works. The snippets are read from
// the docs themselves, with only their placeholders filled in, so a doc that stops working fails here.

const DOCS_SERVER = 'https://support.example.com';
const DOCS_KEY = 'YOUR_PUBLIC_KEY';
const NO_PROBLEMS = { consoleErrors: [], pageErrors: [], cspViolations: [] };
const HOME_GREETING = 'Hi there. How can we help?';
const SEARCH_PROMPT = 'Type a question or a few keywords.';
const REFUND = /How to issue a refund on a paid invoice/;

let stack: Stack;
// Temp folders and servers, undone in reverse order whatever step failed.
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  stack = await startStack();
  cleanups.push(() => stack.close());
});
afterAll(async () => {
  const results = await Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup()));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(dir: string): Promise<string> {
  const server = await serveFolder(dir);
  cleanups.push(() => server.close());
  return server.url;
}

interface Queue {
  conversations: {
    conversation: { lastMessage?: { body: string } };
    visitor: { name?: string; verified: boolean };
  }[];
}

/** Who the server says sent `body`: proof the message was stored, not just drawn by the widget. */
async function storedSender(body: string): Promise<Queue['conversations'][number]['visitor']> {
  const api = await stack.agentApi();
  let sender: Queue['conversations'][number]['visitor'] | undefined;
  await expect
    .poll(async () => {
      const { conversations } = await api.get<Queue>('/queue');
      sender = conversations.find((item) => item.conversation.lastMessage?.body === body)?.visitor;
      return sender;
    })
    .toBeDefined();
  return sender as Queue['conversations'][number]['visitor'];
}

async function expectHome(dialog: Locator): Promise<void> {
  await dialog.getByText(HOME_GREETING).waitFor();
  expect(await dialog.getByRole('button', { name: 'Back', exact: true }).count()).toBe(0);
}

/** The search view, not home: home has a search box too, but no Back button and a greeting. */
async function expectSearchView(dialog: Locator): Promise<void> {
  await dialog.getByText(SEARCH_PROMPT).waitFor();
  await dialog.getByRole('button', { name: 'Back', exact: true }).waitFor();
  expect(await dialog.getByText(HOME_GREETING).count()).toBe(0);
}

async function searchFindsRefund(dialog: Locator): Promise<void> {
  const box = dialog.getByRole('searchbox', { name: 'Search help articles' });
  await box.fill('refund');
  await box.press('Enter');
  await dialog.getByRole('list', { name: 'Search results' }).getByRole('button', { name: REFUND }).waitFor();
}

/** Starts a chat from home and waits until the backend acknowledged the message (it then shows its time). */
async function chat(dialog: Locator, body: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Start a chat' }).click();
  const composer = dialog.getByRole('textbox', { name: 'Message' });
  await composer.fill(body);
  await composer.press('Enter');
  await dialog.getByRole('listitem').filter({ hasText: body }).locator('time').waitFor();
}

/** The user a snippet's `identify` call claims to be. */
function identifiedUser(snippet: string): { id: string; name: string } {
  const [, id, name] = snippet.match(/identify'?,?\s*\(?\{ id: '([^']+)', name: '([^']+)'/) ?? [];
  if (!id || !name) throw new Error(`The snippet no longer identifies a user:\n${snippet}`);
  return { id, name };
}

function widgetCount(page: Page): Promise<number> {
  return page.locator('helpline-widget').count();
}

describe("the README's script tag in a plain HTML page", () => {
  let pageUrl: string;
  let snippet: string;

  beforeAll(async () => {
    snippet = fillPlaceholders(await docSnippet('README.md', '## Embed it', 'html'), {
      [DOCS_SERVER]: stack.helplineUrl,
      [DOCS_KEY]: WORKSPACE_KEY,
    });
    const dir = await tempDir('helpline-readme-page-');
    // A page with nothing of its own: no CSP, no framework, no host-app code — just the snippet.
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Plain page</title></head>\n<body>\n<h1>A plain page</h1>\n${snippet}</body>\n</html>\n`,
    );
    pageUrl = `${await serve(dir)}/`;
  });

  it('shows the launcher, opens at home, finds articles and sends a chat message the server stores', async () => {
    const { page, context, problems } = await stack.openUrl(pageUrl);
    await launcher(page).waitFor();

    const dialog = await openWidget(page);
    await expectHome(dialog);
    await searchFindsRefund(dialog);
    await dialog.getByRole('button', { name: 'Back', exact: true }).click();
    await expectHome(dialog);

    const body = 'Hello from a plain page that has only the README snippet';
    await chat(dialog, body);
    // The snippet's `identify` reached the server (unverified: the README's snippet sends no userHash).
    expect(await storedSender(body)).toMatchObject({ name: identifiedUser(snippet).name, verified: false });
    expect(await widgetCount(page)).toBe(1);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });
});

describe('the npm packages, packed and installed into a fresh Vite app', () => {
  let prodUrl: string;
  let devUrl: string;
  let docsUser: { id: string; name: string };

  beforeAll(async () => {
    const packs = await tempDir('helpline-packs-');
    const app = await tempDir('helpline-newcomer-app-');
    const tarballs = await packPackages(packs);
    const wanted = ['core', 'widget', 'adapter-http', 'adapter-memory', 'react'];
    const dependencies: Record<string, string> = { react: '^19', 'react-dom': '^19' };
    for (const name of wanted) {
      const tarball = tarballs.get(name);
      if (!tarball) throw new Error(`npm run pack made no tarball for @helpline/${name}: ${[...tarballs.keys()]}`);
      dependencies[`@helpline/${name}`] = `file:${tarball}`;
    }
    await installApp(app, dependencies);

    // Page "docs": getting-started's npm snippet, verbatim. Its `userHash` is what the newcomer's
    // backend computes (HMAC-SHA256 of the user id with the workspace secret); here the test is that backend.
    const docs = fillPlaceholders(
      await docSnippet('docs/getting-started.md', '## 3. Or install the npm package', 'ts'),
      {
        [DOCS_SERVER]: stack.helplineUrl,
        [DOCS_KEY]: WORKSPACE_KEY,
      },
    );
    docsUser = identifiedUser(docs);
    const userHash = createHmac('sha256', DEMO_SECRET).update(docsUser.id).digest('hex');
    await page(app, 'docs', `const userHash = ${JSON.stringify(userHash)};\n${docs}`);

    // Page "readme": the README's npm snippet, verbatim.
    const readme = fillPlaceholders(await docSnippet('README.md', '## Embed it', 'ts'), {
      [DOCS_SERVER]: stack.helplineUrl,
      [DOCS_KEY]: WORKSPACE_KEY,
    });
    await page(app, 'readme', readme);

    // Page "react": getting-started's React section (provider + hook), in createElement so no JSX setup
    // is needed. `effectRuns` tells the test whether React really mounted twice (strict mode in development).
    await page(
      app,
      'react',
      `import { createHttpAdapter } from '@helpline/adapter-http';
import { HelplineProvider, useHelpline } from '@helpline/react';
import { createElement as h, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

const adapter = createHttpAdapter({ baseUrl: ${JSON.stringify(stack.helplineUrl)}, workspaceKey: ${JSON.stringify(WORKSPACE_KEY)} });
const probe = window as unknown as { effectRuns: number };
probe.effectRuns = 0;

function HelpButton() {
  const { open, unreadCount } = useHelpline();
  useEffect(() => {
    probe.effectRuns += 1;
  }, []);
  return h('button', { type: 'button', onClick: () => open('search') }, 'Support (' + unreadCount + ')');
}

createRoot(document.getElementById('root')!).render(
  h(StrictMode, null, h(HelplineProvider, { options: { adapter } }, h(HelpButton))),
);
`,
    );

    // What `vite build` makes, and what a React developer runs every day: a development build, where
    // strict mode mounts, shuts down and mounts the provider again.
    await buildApp(app, 'dist-production', ['docs', 'readme', 'react'], 'production');
    await buildApp(app, 'dist-development', ['react'], 'development');
    prodUrl = await serve(join(app, 'dist-production'));
    devUrl = await serve(join(app, 'dist-development'));
  }, 240_000);

  it("getting-started's snippet: identified with its userHash, home on the launcher, a chat message the server stores", async () => {
    const { page, context, problems } = await stack.openUrl(`${prodUrl}/docs/`);
    // The snippet ends by keeping the title in step with the unread count: that ran, so `await identify` resolved.
    await expect.poll(() => page.title()).toBe('My app');

    const dialog = await openWidget(page);
    await expectHome(dialog);
    const body = 'Hello from a Vite app that installed the tarballs';
    await chat(dialog, body);
    // Verified: the server checked the userHash against the workspace secret.
    expect(await storedSender(body)).toMatchObject({ name: docsUser.name, verified: true });
    expect(await widgetCount(page)).toBe(1);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  it("the README's npm snippet: the panel opens on search by itself and finds articles", async () => {
    const { page, context, problems } = await stack.openUrl(`${prodUrl}/readme/`);
    const dialog = page.locator('helpline-widget').getByRole('dialog');
    await expectSearchView(dialog);
    await searchFindsRefund(dialog);
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });

  for (const [kind, effectRuns] of [
    ['production', 1],
    ['development', 2],
  ] as const) {
    it(`@helpline/react in a ${kind} build under <StrictMode>: useHelpline().open('search') opens the one widget`, async () => {
      const { page, context, problems } = await stack.openUrl(`${kind === 'production' ? prodUrl : devUrl}/react/`);
      const button = page.getByRole('button', { name: 'Support (0)' });
      await button.waitFor();
      expect(await page.evaluate(() => (window as unknown as { effectRuns: number }).effectRuns)).toBe(effectRuns);

      await button.click();
      const dialog = page.locator('helpline-widget').getByRole('dialog');
      await expectSearchView(dialog);
      // The instance that answered is the live one: its adapter still talks to the server.
      await searchFindsRefund(dialog);
      // Strict mode's first widget is gone, not stacked under the second.
      expect(await widgetCount(page)).toBe(1);
      expect(problems).toEqual(NO_PROBLEMS);
      await context.close();
    });
  }
});

/** An entry page `<name>/index.html` loading `<name>/main.ts`, as `npm create vite` lays one out. */
async function page(app: string, name: string, source: string): Promise<void> {
  await mkdir(join(app, name));
  await writeFile(join(app, name, 'main.ts'), source);
  await writeFile(
    join(app, name, 'index.html'),
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Newcomer app</title></head>\n<body>\n<div id="root"></div>\n<script type="module" src="./main.ts"></script>\n</body>\n</html>\n`,
  );
}

/**
 * The repository's own Vite, building the app from its folder: bare imports resolve from the app's
 * node_modules, i.e. the installed tarballs, never the workspace sources. NODE_ENV is set explicitly
 * because vitest's NODE_ENV=test would otherwise be what React's `process.env.NODE_ENV` checks see.
 */
async function buildApp(
  app: string,
  outDir: string,
  pages: string[],
  mode: 'production' | 'development',
): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: app,
    mode,
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    build: {
      outDir: join(app, outDir),
      emptyOutDir: true,
      minify: mode === 'production',
      rolldownOptions: { input: pages.map((name) => join(app, name, 'index.html')) },
    },
  });
}

import { createHmac, randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SECRET, WORKSPACE_KEY } from './support/constants.ts';
import { goHome, openWidget, type Stack, startStack, type WatchedPage } from './support/stack.ts';
import {
  armTraps,
  corpus,
  hostileFileNames,
  injectedMarkup,
  letPayloadsRun,
  type Payload,
  type Traps,
} from './support/xss-corpus.ts';

// A malicious end user (chat, tickets, files, context), a malicious or compromised agent account
// (replies, articles) and a hostile backend (what the adapter returns) all try to run script in
// the host page or in the agent inbox. Every payload is text that must come back as text.

let stack: Stack;
let world: HostileWorld;
beforeAll(async () => {
  stack = await startStack();
  world = await seedHostileWorld(stack);
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

const USER_ID = `xss-user-${randomUUID().slice(0, 8)}`;
const USER_HASH = createHmac('sha256', DEMO_SECRET).update(USER_ID).digest('hex');
const VISITOR_PAYLOADS = corpus(1);
const AGENT_PAYLOADS = corpus(101);
const FILE_NAMES = hostileFileNames(201);
const CONTEXT_PAYLOADS = corpus(301);
const ARTICLE_PAYLOADS = corpus(401);
const TICKET_PAYLOADS = corpus(501);
const HOST_PAYLOADS = corpus(601);
const NAME = '<img src=x onerror=__pwned(700)>\u202EDana';
const ACCOUNT = '<svg onload=__pwned(701)>Northwind';
const TICKET_SUBJECT = 'xss-ticket <img src=x onerror=__pwned(702)> </title><script>__pwned(703)</script>';
const ARTICLE_TITLE = 'Hostilecorpus <img src=x onerror=__pwned(704)>';
const INBOX_CHAT_OPENER = 'xss-inbox-opener <script>__pwned(705)</script>';
const HOST_CHAT = 'xss-host-chat <img src=x onerror=__pwned(706)>';
const at = () => new Date().toISOString();

interface HostileWorld {
  conversationId: string;
  ticketId: string;
  articleId: string;
}

/** The visitor's side of the API, verified as USER_ID so the widget below sees the same data. */
async function visitorApi(helplineUrl: string) {
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${helplineUrl}${path}`, {
      method,
      headers: {
        'X-Helpline-Key': WORKSPACE_KEY,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined || body instanceof Uint8Array ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  let token: string | undefined;
  const session = await call<{ token: string }>('POST', '/v1/session', {
    visitorId: `xss-visitor-${randomUUID()}`,
    user: { id: USER_ID, name: NAME, email: 'xss@example.com', custom: { note: VISITOR_PAYLOADS[1]?.text ?? '' } },
    account: { id: 'acct-xss', name: ACCOUNT, plan: '<b onmouseover=__pwned(707)>growth</b>' },
    verification: { userHash: USER_HASH },
  });
  token = session.token;
  return call;
}

/** Everything a malicious end user can put in a context snapshot, straight through the API. */
function hostileContext(payloads: Payload[]) {
  const text = (index: number) => payloads[index % payloads.length]?.text ?? '';
  // Who the user and account are is bounded (core's ContextUser): the first payload from `index` on that fits.
  const fitting = (index: number, max: number) =>
    payloads.map((_, offset) => text(index + offset)).find((candidate) => candidate.length <= max) ?? '';
  return {
    capturedAt: at(),
    page: { url: `https://host.example/?q=${text(0)}`, path: `/${text(1)}`, title: text(2), referrer: text(3) },
    routeTrail: payloads.slice(0, 8).map((payload) => ({ path: `/${payload.text}`, title: payload.text, at: at() })),
    device: {
      userAgent: text(4),
      viewport: { width: 1, height: 1 },
      language: text(5),
      timezone: text(6),
      online: true,
    },
    app: { version: text(7), environment: text(8) },
    user: {
      id: USER_ID,
      name: fitting(9, 200),
      email: fitting(10, 320),
      plan: fitting(11, 100),
      custom: { note: text(12) },
    },
    account: { id: fitting(13, 200), name: fitting(14, 200), plan: fitting(15, 100), custom: { tier: text(16) } },
    breadcrumbs: payloads
      .flatMap((payload) => [
        { type: 'console', level: 'error', message: payload.text, at: at() },
        {
          type: 'request',
          method: 'POST',
          url: `https://api.example/${payload.text}`,
          status: 500,
          durationMs: 3,
          at: at(),
        },
      ])
      .concat([
        { type: 'exception', message: text(17), stack: `${text(18)}\n    at ${text(19)}`, at: at() },
        { type: 'event', name: text(20), data: { detail: text(21) }, at: at() },
      ] as never[]),
    selfService: payloads
      .slice(0, 4)
      .map((payload) => ({ kind: 'article', ref: payload.text, title: payload.text, at: at() })),
    custom: {
      ...Object.fromEntries(payloads.map((payload) => [`field-${payload.n}`, payload.text])),
      '<img src=x onerror=__pwned(708)>': 'hostile key',
    },
  };
}

async function seedHostileWorld(stack: Stack): Promise<HostileWorld> {
  const visitor = await visitorApi(stack.helplineUrl);
  const agent = await stack.agentApi();
  const key = () => `xss-${randomUUID()}`;

  const files: { id: string }[] = [];
  for (const name of FILE_NAMES) {
    files.push(
      await visitor<{ id: string }>('POST', '/v1/attachments', new Uint8Array(Buffer.from(TINY_PNG, 'base64')), {
        'Content-Type': 'image/png',
        'X-Filename': encodeURIComponent(name.text),
      }),
    );
  }
  const [first, ...rest] = VISITOR_PAYLOADS;
  const started = await visitor<{ conversation: { id: string } }>('POST', '/v1/conversations', {
    body: `${INBOX_CHAT_OPENER} ${first?.text}`,
    attachmentIds: files.map((file) => file.id),
    idempotencyKey: key(),
    context: hostileContext(CONTEXT_PAYLOADS),
  });
  const conversationId = started.conversation.id;
  for (const payload of rest) {
    await visitor('POST', `/v1/conversations/${conversationId}/messages`, {
      body: payload.text,
      idempotencyKey: key(),
    });
  }
  for (const payload of AGENT_PAYLOADS) {
    await agent.post(`/conversations/${conversationId}/messages`, { body: payload.text });
  }

  const ticket = await visitor<{ id: string }>('POST', '/v1/tickets', {
    subject: TICKET_SUBJECT,
    description: TICKET_PAYLOADS.map((payload) => payload.text).join('\n'),
    severity: 'P3',
    category: 'billing_access',
    fields: { affected_area: 'other', invoice_number: '<svg onload=__pwned(709)>' },
    attachmentIds: [],
    idempotencyKey: key(),
  });
  for (const payload of TICKET_PAYLOADS.slice(0, 10)) {
    await agent.post(`/tickets/${ticket.id}/replies`, { body: payload.text });
  }

  // Markdown with raw HTML, script links and the rest: the server renders it, the widget sanitises it.
  const article = await agent.post<{ id: string }>('/kb/articles', {
    title: ARTICLE_TITLE,
    slug: `hostile-corpus-${randomUUID().slice(0, 8)}`,
    markdown: [
      `# ${ARTICLE_TITLE}`,
      ...ARTICLE_PAYLOADS.map((payload) => payload.text),
      `[markdown js link](javascript:__pwned(710))`,
      `![markdown image](x" onerror="__pwned(711))`,
      `[data link](data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKDcxMik8L3NjcmlwdD4=)`,
    ].join('\n\n'),
    tags: ['hostilecorpus'],
  });
  return { conversationId, ticketId: ticket.id, articleId: article.id };
}

// 4×4 PNG, the same as e2e/support/stack.ts makes.
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGPwd3sKRwzEcQBdMhehNi/xVAAAAABJRU5ErkJggg==';

const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The demo host page with its CSP bypassed (so an injection would really run) and its app script
 * replaced: a hostile title, user, account and custom context, identifying as USER_ID. (Replacing
 * the document itself would make Chromium treat it as a public page and refuse it the loopback
 * Helpline server.)
 */
function hostileAppScript(): string {
  return `
document.title = ${scriptJson(HOST_PAYLOADS[0]?.text ?? '')};
document.getElementById('view').textContent = 'Hostile host';
window.Helpline('identify', ${scriptJson({ id: USER_ID, name: NAME, email: 'xss@example.com' })}, ${scriptJson({ userHash: USER_HASH })});
window.Helpline('update', ${scriptJson({
    account: { id: 'acct-xss', name: ACCOUNT },
    custom: Object.fromEntries(HOST_PAYLOADS.slice(1, 12).map((payload) => [`host-${payload.n}`, payload.text])),
  })});
`;
}

async function openHostilePage(stack: Stack): Promise<WatchedPage & { traps: Traps }> {
  let traps: Traps | undefined;
  const watched = await stack.openHost('/dashboard', { bypassCSP: true }, async (page) => {
    traps = await armTraps(page.context());
    await page.route(`${stack.hostUrl}/app.js`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: hostileAppScript() }),
    );
    await page.route(`${stack.hostUrl}/api/xss-fail**`, (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' }),
    );
  });
  if (!traps) throw new Error('traps were not armed');
  await watched.page.getByText('Hostile host').waitFor();
  return { ...watched, traps };
}

/** Pages back to the first message of the open conversation. */
async function loadWholeThread(dialog: Locator): Promise<void> {
  const older = dialog.getByRole('button', { name: 'Load earlier messages' });
  await dialog.locator('.hl-chat__list > li').first().waitFor();
  for (let page = 0; page < 20 && (await older.count()) > 0; page++) {
    const shown = await dialog.locator('.hl-chat__list > li').count();
    await older.click();
    await expect.poll(() => dialog.locator('.hl-chat__list > li').count()).toBeGreaterThan(shown);
  }
  expect(await older.count()).toBe(0);
}

/** Waits until every marker shows as text inside `scope`. */
async function expectMarkersShown(scope: Locator, payloads: Payload[]): Promise<void> {
  for (const payload of payloads) await scope.getByText(payload.marker, { exact: false }).first().waitFor();
}

/** Nothing overflows sideways: the element keeps within its box and the viewport. */
async function expectNoHorizontalOverflow(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
    right: element.getBoundingClientRect().right,
    left: element.getBoundingClientRect().left,
  }));
  const viewport = page.viewportSize()?.width ?? 0;
  expect(box.scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(box.clientWidth + 1);
  expect(box.left, `${what} starts left of the viewport`).toBeGreaterThanOrEqual(-1);
  expect(box.right, `${what} ends past the viewport`).toBeLessThanOrEqual(viewport + 1);
  const page_ = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(page_.scroll, `the page scrolls sideways with ${what}`).toBeLessThanOrEqual(page_.client + 1);
}

async function expectNothingRan(page: Page, traps: Traps, rootSelector: string): Promise<void> {
  await letPayloadsRun(page);
  expect(traps.fired).toEqual([]);
  expect(await injectedMarkup(page, rootSelector)).toEqual([]);
}

describe('hostile content in the widget (a host page whose CSP is bypassed)', () => {
  it('would notice: a payload put into the page as HTML fires the traps and is found by the scan', async () => {
    const { page, context, traps } = await openHostilePage(stack);
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'probe';
      probe.innerHTML = '<img src=x onerror=__pwned(0)><img src=x onerror=alert(0)>';
      document.body.append(probe);
    });
    await letPayloadsRun(page);
    await expect.poll(() => traps.fired.length).toBe(2);
    // The binding reports asynchronously, so the two may arrive in either order.
    expect(traps.fired.some((fired) => /^__pwned\(0\)/.test(fired))).toBe(true);
    expect(traps.fired).toContain('alert(0)');
    expect(await injectedMarkup(page, '#probe')).toEqual(['img[onerror]', 'img[onerror]']);
    await context.close();
  });

  it('shows hostile chat messages, agent replies, names and file names as text, within the panel', async () => {
    const { page, context, problems, traps } = await openHostilePage(stack);
    const dialog = await openWidget(page);
    const recent = dialog.getByRole('region', { name: 'Recent conversations' });
    await recent.getByRole('button').filter({ hasText: 'xss-inbox-opener' }).first().click();
    const list = dialog.locator('.hl-chat__list');
    await loadWholeThread(dialog);
    await expectMarkersShown(list, [...VISITOR_PAYLOADS, ...AGENT_PAYLOADS, ...FILE_NAMES]);
    // Text, exactly as sent: nothing parsed, nothing dropped.
    await list.getByText(VISITOR_PAYLOADS[1]?.text ?? '', { exact: true }).waitFor();
    await expectNothingRan(page, traps, 'helpline-widget');
    await expectNoHorizontalOverflow(page, dialog, 'the panel');
    await expectNoHorizontalOverflow(page, dialog.locator('.hl-chat__scroller'), 'the message list');
    // Only http(s) links: the hostile ones stayed text.
    const hrefs = await list.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('shows a hostile ticket (subject, description, agent replies) as text', async () => {
    const { page, context, problems, traps } = await openHostilePage(stack);
    const dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'My tickets', exact: true }).click();
    await dialog
      .getByRole('region', { name: 'My tickets' })
      .getByRole('button', { name: /xss-ticket/ })
      .first()
      .click();
    const thread = dialog.locator('.hl-thread');
    await thread.getByRole('heading', { name: TICKET_SUBJECT }).waitFor();
    await expectMarkersShown(thread, TICKET_PAYLOADS);
    await expectNothingRan(page, traps, 'helpline-widget');
    await expectNoHorizontalOverflow(page, dialog, 'the panel');
    await expectNoHorizontalOverflow(page, thread, 'the ticket thread');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('sanitises a hostile article, from the server and from a backend that returns raw HTML', async () => {
    const { page, context, problems, traps } = await openHostilePage(stack);
    // A hostile backend: the article comes back as the raw corpus, not as rendered markdown.
    const rawHtml = `<h2>Raw corpus</h2>${ARTICLE_PAYLOADS.map((payload) => `<p>${payload.text}</p>`).join('')}`;
    let rewritten = 0;
    await page.route(`${stack.helplineUrl}/v1/kb/articles/${world.articleId}`, async (route) => {
      const response = await route.fetch();
      const article = (await response.json()) as { html: string };
      rewritten += 1;
      await route.fulfill({ response, json: { ...article, html: `${article.html}${rawHtml}` } });
    });
    const dialog = await openWidget(page);
    const search = dialog.getByRole('searchbox', { name: 'Search help articles' });
    await search.fill('Hostilecorpus');
    await search.press('Enter');
    await dialog
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: /Hostilecorpus/ })
      .first()
      .click();
    const body = dialog.locator('.hl-article__body');
    await body.getByRole('heading', { name: 'Raw corpus' }).waitFor();
    expect(rewritten).toBeGreaterThan(0);
    // Markdown-escaped text and sanitised HTML both keep their markers visible.
    await expectMarkersShown(body, ARTICLE_PAYLOADS.slice(0, 5));
    await expectNothingRan(page, traps, 'helpline-widget');
    const hrefs = await body.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => href !== '' && !/^(https?:|#|\/)/.test(href))).toEqual([]);
    await expectNoHorizontalOverflow(page, dialog, 'the panel');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    // The sanitiser removes `src=x` images; any broken image that survived would log a 404 here.
    expect(problems.consoleErrors.filter((text) => !/Failed to load resource/.test(text))).toEqual([]);
    await context.close();
  });

  it('stays safe with a hostile backend: agent names, attachment names and script URLs in messages', async () => {
    const { page, context, problems, traps } = await openHostilePage(stack);
    await page.route(`${stack.helplineUrl}/v1/conversations/${world.conversationId}/messages**`, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      const body = (await response.json()) as {
        messages: { author: { type: string; name?: string }; attachments: { name: string; url: string }[] }[];
      };
      body.messages.forEach((message, index) => {
        const payload = AGENT_PAYLOADS[index % AGENT_PAYLOADS.length];
        if (message.author.type === 'agent') message.author.name = `${payload?.text ?? ''} agent`;
        for (const attachment of message.attachments) {
          attachment.url = index % 2 ? 'javascript:__pwned(720)' : 'data:text/html,<script>__pwned(721)</script>';
        }
      });
      await route.fulfill({ response, json: body });
    });
    const dialog = await openWidget(page);
    await dialog
      .getByRole('region', { name: 'Recent conversations' })
      .getByRole('button')
      .filter({ hasText: 'xss-inbox-opener' })
      .first()
      .click();
    const list = dialog.locator('.hl-chat__list');
    await loadWholeThread(dialog);
    await expectMarkersShown(list, FILE_NAMES);
    await list
      .getByText(/ agent$/)
      .first()
      .waitFor();
    await expectNothingRan(page, traps, 'helpline-widget');
    const hrefs = await list.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
    await expectNoHorizontalOverflow(page, dialog.locator('.hl-chat__scroller'), 'the message list');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('captures a hostile page (title, custom context, failing request, console) and the agent sees it as text', async () => {
    const { page, context, problems, traps } = await openHostilePage(stack);
    let dialog = await openWidget(page);
    await dialog.getByRole('button', { name: 'Close help' }).click();
    const failing = HOST_PAYLOADS[12]?.text ?? '';
    await page.evaluate(async (payload) => {
      await fetch(`/api/xss-fail?q=${encodeURIComponent(payload)}&raw=${payload}`).catch(() => undefined);
      console.warn(payload);
      history.pushState({}, '', `/dashboard?step=${encodeURIComponent(payload)}`);
    }, failing);
    dialog = await openWidget(page);
    await goHome(dialog);
    await dialog.getByRole('button', { name: 'Start a chat' }).click();
    const composer = dialog.getByRole('textbox', { name: 'Message' });
    await composer.fill(HOST_CHAT);
    await composer.press('Enter');
    await dialog.getByRole('listitem').filter({ hasText: HOST_CHAT }).waitFor();
    await expect.poll(() => dialog.getByText('Sending…').count()).toBe(0);
    await expectNothingRan(page, traps, 'helpline-widget');
    // The failing request is the test's own; nothing else may reach the console.
    expect(problems.consoleErrors.filter((text) => !/status of 500/.test(text))).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await context.close();

    const agent = await stack.openInbox({ bypassCSP: true });
    const inboxTraps = await armTraps(agent.context);
    await agent.page
      .getByRole('list', { name: 'Queue' })
      .getByRole('link', { name: /xss-host-chat/ })
      .first()
      .click();
    const panel = agent.page.getByRole('complementary', { name: 'Context' });
    await expect.poll(() => panel.textContent()).toContain(HOST_PAYLOADS[0]?.marker);
    await expectMarkersShown(panel, HOST_PAYLOADS.slice(0, 12));
    await expect.poll(() => panel.textContent()).toContain(HOST_PAYLOADS[12]?.marker);
    await expectNothingRan(agent.page, inboxTraps, 'body');
    await expectNoHorizontalOverflow(agent.page, panel, 'the context panel');
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await agent.context.close();
  });
});

describe('hostile content in the agent inbox (a malicious end user attacking agents)', () => {
  for (const mode of ['with its CSP', 'with the CSP bypassed'] as const) {
    it(`shows the conversation, its context snapshot and files as text (${mode})`, async () => {
      const agent = await stack.openInbox(mode === 'with the CSP bypassed' ? { bypassCSP: true } : {});
      const traps = await armTraps(agent.context);
      const { page } = agent;
      await page.goto(`${stack.helplineUrl}/inbox/conversations/${world.conversationId}`);
      const messages = page.getByRole('list', { name: 'Messages' });
      await expectMarkersShown(messages, [...VISITOR_PAYLOADS, ...AGENT_PAYLOADS, ...FILE_NAMES]);
      await messages.getByText(AGENT_PAYLOADS[1]?.text ?? '', { exact: true }).waitFor();
      const panel = page.getByRole('complementary', { name: 'Context' });
      await expectMarkersShown(panel, CONTEXT_PAYLOADS.slice(0, 22));
      await expectNothingRan(page, traps, 'body');
      await expectNoHorizontalOverflow(page, messages, 'the message list');
      await expectNoHorizontalOverflow(page, panel, 'the context panel');
      const hrefs = await page
        .locator('main a, aside a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
      expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
      await agent.context.close();
    });
  }

  it('shows the hostile ticket (subject, description, custom fields, replies) and the queue as text', async () => {
    const agent = await stack.openInbox({ bypassCSP: true });
    const traps = await armTraps(agent.context);
    const { page } = agent;
    const queue = page.getByRole('list', { name: 'Queue' });
    await queue
      .getByRole('link', { name: /xss-ticket/ })
      .first()
      .waitFor();
    await queue
      .getByRole('link', { name: /xss-inbox-opener|xss-/ })
      .first()
      .waitFor();
    await expectNothingRan(page, traps, 'body');
    await expectNoHorizontalOverflow(page, queue, 'the queue');

    await page.goto(`${stack.helplineUrl}/inbox/tickets/${world.ticketId}`);
    await page.getByRole('heading', { level: 2, name: /xss-ticket/ }).waitFor();
    const details = page.getByRole('region', { name: 'Ticket details' });
    await details.getByText('<svg onload=__pwned(709)>').waitFor();
    await expectMarkersShown(page.locator('body'), TICKET_PAYLOADS);
    await expectNothingRan(page, traps, 'body');
    await expectNoHorizontalOverflow(page, page.locator('main'), 'the ticket');
    expect(agent.problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await agent.context.close();
  });
});

import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './support/browser.mjs';
import { repoRoot } from './support/constants.ts';
import { armTraps, corpus, injectedMarkup, letPayloadsRun, type Traps } from './support/xss-corpus.ts';

// The article sanitizer, bundled by Vite exactly as the widget ships it, run in real Chromium: its
// HTML parser (not happy-dom's) decides what the hostile strings become, and real image loads,
// timers and frames give every surviving handler its chance to fire.

// Article-specific payloads on top of the shared corpus: mutation-XSS strings and URL obfuscations.
// `__xss(n)` reports to the test like `__pwned(n)`; `{n}` is the payload's number.
const ARTICLE_TEMPLATES: readonly string[] = [
  '<math><mi><mglyph><style><img src=x onerror=__xss({n})>',
  '<svg></p><style><a id="</style><img src=1 onerror=__xss({n})>">',
  '<svg><p><style><img src=x onerror=__xss({n})></style></p></svg>',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=__xss({n})>">',
  '<template><img src=x onerror=__xss({n})></template><template><script>__xss({n})</script></template>',
  '<a href="jav&#x0A;ascript:__xss({n})">newline js link</a>',
  '<a href="vbscript:__xss({n})">vbscript link</a>',
  '<a href="javascript&colon;__xss({n})">colon entity link</a>',
  '<img src="  JaVaScRiPt:__xss({n})" alt="js image">',
  '<img src="data:image/svg+xml,<svg onload=__xss({n})>" alt="svg image">',
  '<a href="https://ok.example/" onclick="__xss({n})" onmouseover="__xss({n})">handler link</a>',
  '<p onpointerenter="__xss({n})" style="position:fixed;inset:0">fullscreen handler</p>',
  '<img src="https://x.example/a.png" srcset="x 1x" onerror="__xss({n})" onload="__xss({n})" alt="srcset">',
  '<table background="javascript:__xss({n})"><tr><td width="1 onmouseover=__xss({n})">cell</td></tr></table>',
  '<div dir="rtl onmouseover=__xss({n})" lang="x onfocus=__xss({n})" tabindex=0 autofocus onfocus=__xss({n})>attrs</div>',
  '<isindex action="javascript:__xss({n})" type=image>',
  '<keygen autofocus onfocus=__xss({n})>',
  '<marquee onstart=__xss({n})>marquee</marquee>',
  '<video poster="javascript:__xss({n})"><track src=x onerror=__xss({n})></video>',
  '<audio src=x onerror=__xss({n})></audio>',
  '<object data="data:text/html,<script>__xss({n})</script>"></object>',
  '<frameset onload=__xss({n})><frame src="javascript:__xss({n})"></frameset>',
  '<xmp><img src=x onerror=__xss({n})></xmp>',
  '<noembed><img src=x onerror=__xss({n})></noembed>',
  '<plaintext><img src=x onerror=__xss({n})>',
];

const ALLOWED_TAGS =
  'a b blockquote br caption code dd div dl dt em figcaption figure h2 h3 h4 h5 h6 hr i img kbd li ol p pre s small span strong sub sup table tbody td tfoot th thead tr u ul';
const ALLOWED_ATTRIBUTES =
  'href target rel src loading referrerpolicy alt title width height colspan rowspan scope lang dir';

interface Article {
  n: number;
  marker: string;
  html: string;
}

function articles(): Article[] {
  const shared = corpus(801).map(({ n, marker, text }) => ({ n, marker, html: text }));
  const own = ARTICLE_TEMPLATES.map((template, index) => {
    const n = 901 + index;
    return { n, marker: `xss-${n}`, html: `xss-${n} ${template.replaceAll('{n}', String(n))}` };
  });
  return [...shared, ...own];
}

/** The sanitizer module bundled by Vite into a classic script that sets `window.__helplineSanitizer`. */
async function bundleSanitizer(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: {
      write: false,
      minify: true,
      lib: {
        entry: join(repoRoot, 'packages/widget/src/article/sanitize-article.ts'),
        formats: ['iife'],
        name: '__helplineSanitizer',
        fileName: 'sanitizer',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('vite build produced no sanitizer chunk');
  return chunk.code;
}

let browser: Browser;
let sanitizerCode: string;
let articleBase: string;
beforeAll(async () => {
  sanitizerCode = await bundleSanitizer();
  // A real origin, so relative `src=x` images are fetched, fail and fire `error` — a surviving
  // onerror would run.
  articleBase = `${inject('e2eOrigins').helplineUrl}/no-such-article/`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh context with armed traps and the sanitizer loaded into a blank page. */
async function sanitizerPage(): Promise<{ context: BrowserContext; page: Page; traps: Traps }> {
  const context = await browser.newContext();
  // The page first: the traps count any page opened after them as a payload's doing.
  const page = await context.newPage();
  const traps = await armTraps(context);
  await page.setContent('<!doctype html><html lang="en"><head><title>sanitizer</title></head><body></body></html>');
  await page.addScriptTag({ content: sanitizerCode });
  await page.evaluate(() => {
    const win = window as unknown as { __xss: (n: number) => void; __pwned: (n: number) => void };
    win.__xss = (n) => win.__pwned(n);
  });
  return { context, page, traps };
}

/** Everything inside the articles under `#out` outside the allow-lists, and any URL with a scheme it should not have. */
function outsideAllowList(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ tags, attributes }) => {
      const allowedTags = new Set(tags.split(' '));
      const allowedAttributes = new Set(attributes.split(' '));
      const found: string[] = [];
      for (const element of Array.from(document.querySelectorAll('#out > * *'))) {
        if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !allowedTags.has(element.localName))
          found.push(`<${element.localName}>`);
        for (const attribute of Array.from(element.attributes)) {
          if (!allowedAttributes.has(attribute.name)) found.push(`${element.localName}[${attribute.name}]`);
        }
        const href = element.getAttribute('href');
        if (href !== null && !/^(https?:\/\/|mailto:)/.test(href)) found.push(`href=${href}`);
        const src = element.getAttribute('src');
        if (src !== null && !/^https?:\/\//.test(src)) found.push(`src=${src}`);
      }
      return found;
    },
    { tags: ALLOWED_TAGS, attributes: ALLOWED_ATTRIBUTES },
  );
}

describe('article sanitizer in Chromium', () => {
  it('the traps catch a payload that is not sanitized (control)', async () => {
    const { context, page, traps } = await sanitizerPage();
    try {
      await page.evaluate((base) => {
        const out = document.createElement('div');
        out.innerHTML = `<img src="${base}x" onerror="__xss(999)">`;
        document.body.append(out);
      }, articleBase);
      await letPayloadsRun(page);
      expect(traps.fired.join('\n')).toContain('__pwned(999)');
    } finally {
      await context.close();
    }
  });

  it('renders the whole hostile corpus with nothing executed and nothing disallowed left', async () => {
    const { context, page, traps } = await sanitizerPage();
    const all = articles();
    try {
      await page.evaluate(
        ({ items, base }) => {
          const { sanitizeArticle } = (
            window as unknown as {
              __helplineSanitizer: {
                sanitizeArticle: (html: string, doc: Document, base?: string) => DocumentFragment;
              };
            }
          ).__helplineSanitizer;
          const out = document.createElement('div');
          out.id = 'out';
          document.body.append(out);
          // Each payload as its own article, with and without a base URL, then all of them as one.
          for (const { html } of items) {
            for (const articleBase of [base, undefined]) {
              const article = document.createElement('article');
              article.append(sanitizeArticle(html, document, articleBase));
              out.append(article);
            }
          }
          const together = document.createElement('article');
          together.append(sanitizeArticle(items.map(({ html }) => html).join('\n'), document, base));
          out.append(together);
        },
        { items: all, base: articleBase },
      );
      await letPayloadsRun(page);

      expect(traps.fired).toEqual([]);
      expect(await injectedMarkup(page, '#out')).toEqual([]);
      expect(await outsideAllowList(page)).toEqual([]);
      // The text survived: every marker is there, so the check above is not passing on an empty page.
      const text = await page.locator('#out').textContent();
      for (const { marker } of all) expect(text).toContain(marker);
      // Bidi overrides and zero-width characters are kept, as inert text.
      expect(text).toContain('invoice\u202Egnp.exe');
      expect(text).toContain('ad\u200Bmin\u200D\uFEFF\u2066support\u2069');
    } finally {
      await context.close();
    }
  });

  it('keeps links and images it allows working, and resolves them against the article url only', async () => {
    const { context, page, traps } = await sanitizerPage();
    try {
      const result = await page.evaluate((base) => {
        const { sanitizeArticle } = (
          window as unknown as {
            __helplineSanitizer: { sanitizeArticle: (html: string, doc: Document, base?: string) => DocumentFragment };
          }
        ).__helplineSanitizer;
        const out = document.createElement('div');
        out.id = 'out';
        out.append(
          sanitizeArticle(
            '<base href="https://evil.example/"><p><a href="/billing">billing</a> <a href="mailto:help@acme.test">mail</a> <img src="img/a.png" alt="A" width="20"></p>',
            document,
            base,
          ),
        );
        document.body.append(out);
        const a = out.querySelector('a');
        const img = out.querySelector('img');
        return {
          html: out.innerHTML,
          href: a?.href,
          target: a?.target,
          rel: a?.rel,
          src: img?.src,
          loading: img?.loading,
          referrerPolicy: img?.referrerPolicy,
          ownedByPage: a?.ownerDocument === document && img?.ownerDocument === document,
        };
      }, articleBase);
      await letPayloadsRun(page);
      expect(traps.fired).toEqual([]);
      expect(result.href).toBe(new URL('/billing', articleBase).href);
      expect(result.target).toBe('_blank');
      expect(result.rel).toBe('noopener noreferrer');
      expect(result.src).toBe(new URL('img/a.png', articleBase).href);
      expect(result.loading).toBe('lazy');
      expect(result.referrerPolicy).toBe('no-referrer');
      expect(result.ownedByPage).toBe(true);
      expect(result.html).toContain('href="mailto:help@acme.test"');
      expect(result.html).not.toContain('evil.example');
    } finally {
      await context.close();
    }
  });

  it('caps nesting depth and node count on hostile input, keeping the text', async () => {
    const { context, page } = await sanitizerPage();
    try {
      const result = await page.evaluate(() => {
        const { sanitizeArticle } = (
          window as unknown as {
            __helplineSanitizer: { sanitizeArticle: (html: string, doc: Document, base?: string) => DocumentFragment };
          }
        ).__helplineSanitizer;
        const depthOf = (root: Node) => {
          let deepest = 0;
          const stack: [Node, number][] = [[root, 0]];
          for (let next = stack.pop(); next; next = stack.pop()) {
            const [node, depth] = next;
            deepest = Math.max(deepest, depth);
            for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) stack.push([child, depth + 1]);
          }
          return deepest;
        };
        const levels = 5000;
        const deep = sanitizeArticle(`${'<div><b>'.repeat(levels)}deep${'</b></div>'.repeat(levels)}`, document);
        const huge = sanitizeArticle('<p>x<em>y</em></p>'.repeat(30_000), document);
        return {
          depth: depthOf(deep),
          deepText: deep.textContent,
          paragraphs: huge.querySelectorAll('p').length,
          firstParagraph: huge.querySelector('p')?.outerHTML,
        };
      });
      expect(result.depth).toBeLessThanOrEqual(100);
      expect(result.deepText).toBe('deep');
      expect(result.paragraphs).toBeGreaterThan(1000);
      expect(result.paragraphs).toBeLessThan(30_000);
      expect(result.firstParagraph).toBe('<p>x<em>y</em></p>');
    } finally {
      await context.close();
    }
  });
});

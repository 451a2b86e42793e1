import type { BrowserContext, Frame, Page } from 'playwright-core';

/**
 * Hostile strings for every place a user, an agent or a backend can put text. Each payload calls
 * `__pwned(n)` (or `alert(n)`) when it runs, so a trap tells which one got through; `{n}` is its
 * number. They are sent as text and must come back as text; article HTML is the one place markup
 * is allowed, and there it goes through the sanitiser.
 */
const TEMPLATES: readonly string[] = [
  '<script>__pwned({n})</script>',
  '<img src=x onerror=__pwned({n})>',
  '<img src="x" onerror="alert({n})">',
  '"><svg onload=__pwned({n})>',
  "'><svg/onload=__pwned({n})>",
  '<svg><script>__pwned({n})</script></svg>',
  '<svg><animate onbegin=__pwned({n}) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:__pwned({n})"><text x="20" y="20">svg link</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned({n})>',
  '<math><maction actiontype="statusline" xlink:href="javascript:__pwned({n})">math link</maction></math>',
  '<noscript><p title="</noscript><img src=x onerror=__pwned({n})>">',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=__pwned({n})>">',
  '<a href="javascript:__pwned({n})">plain js link</a>',
  '<a href="jav&#x09;ascript:__pwned({n})">tab-split js link</a>',
  '<a href=" &#14;  javascript:__pwned({n})">whitespace js link</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__pwned({n})">entity js link</a>',
  '<a href="data:text/html,&lt;script&gt;__pwned({n})&lt;/script&gt;">data link</a>',
  '<iframe src="data:text/html,<script>__pwned({n})</script>"></iframe>',
  '<iframe srcdoc="<script>__pwned({n})</script>"></iframe>',
  '<object data="javascript:__pwned({n})"></object>',
  '<embed src="javascript:__pwned({n})">',
  '<form><button formaction="javascript:__pwned({n})">submit</button></form>',
  '<details open ontoggle=__pwned({n})>details</details>',
  '<input autofocus onfocus=__pwned({n})>',
  '<video><source onerror=__pwned({n})></video>',
  '<body onload=__pwned({n})>',
  '<div style="background:url(javascript:__pwned({n}))">css url</div>',
  '<style>*{display:none!important} @import "javascript:__pwned({n})";</style>',
  '<div style="position:fixed;inset:0;z-index:2147483647;background:red">overlay</div>',
  '<link rel=stylesheet href="data:text/css,*{display:none}">',
  '<base href="javascript:__pwned({n})//">',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwned({n})">',
  '</textarea><img src=x onerror=__pwned({n})>',
  '</title><img src=x onerror=__pwned({n})>',
  '</script><script>__pwned({n})</script>',
  '<!--<img src="--><img src=x onerror=__pwned({n})//">',
  '<img src=x onerror=__pwned({n})//',
  'javascript:__pwned({n})',
  'data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKDEpPC9zY3JpcHQ+',
  'https://ok.example/"onmouseover="__pwned({n})"style="position:fixed;inset:0"',
  'https://ok.example/<img/src=x/onerror=__pwned({n})>',
  '{{constructor.constructor("__pwned({n})")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant to stay a plain string
  '${__pwned({n})}',
  'invoice\u202Egnp.exe \u202E<img src=x onerror=__pwned({n})>',
  'ad\u200Bmin\u200D\uFEFF\u2066support\u2069<img src=x onerror=__pwned({n})>',
  'line\u2028separator\u2029<img src=x onerror=__pwned({n})>',
];

/** Unbroken strings that would push a layout sideways if it did not wrap them. */
export const LONG_WORD = `W${'W'.repeat(1500)}`;
export const LONG_URL = `https://very-long.example/${'a'.repeat(1200)}`;

export interface Payload {
  n: number;
  /** Visible marker to wait for: payloads that render as text contain it. */
  marker: string;
  text: string;
}

/** The corpus, each payload prefixed with its marker (`xss-7 …`) and numbered from `first`. */
export function corpus(first = 1): Payload[] {
  const payloads = TEMPLATES.map((template, index) => {
    const n = first + index;
    return { n, marker: `xss-${n}`, text: `xss-${n} ${template.replaceAll('{n}', String(n))}` };
  });
  const n = first + TEMPLATES.length;
  payloads.push({ n, marker: `xss-${n}`, text: `xss-${n} ${LONG_WORD}` });
  payloads.push({ n: n + 1, marker: `xss-${n + 1}`, text: `xss-${n + 1} ${LONG_URL}` });
  return payloads;
}

/** Attachment names: the server strips paths and quotes, so these avoid both. */
export function hostileFileNames(first: number): Payload[] {
  const names = [
    '<img src=x onerror=__pwned({n})>.png',
    '<svg onload=__pwned({n})>.png',
    'invoice\u202Egnp.exe',
    `${'N'.repeat(220)}.png`,
  ];
  return names.map((name, index) => {
    const n = first + index;
    return { n, marker: `xss-${n}`, text: `xss-${n} ${name.replaceAll('{n}', String(n))}` };
  });
}

/** What fired in a context: `__pwned(n)` calls and dialogs (alert/confirm/prompt). */
export interface Traps {
  fired: string[];
}

/**
 * Arms the traps in every page and frame of the context: `__pwned` is a binding that reports to
 * the test, and any dialog is recorded (and dismissed so nothing hangs).
 */
export async function armTraps(context: BrowserContext): Promise<Traps> {
  const traps: Traps = { fired: [] };
  await context.exposeBinding('__pwned', ({ frame }: { frame: Frame }, n: unknown) => {
    traps.fired.push(`__pwned(${String(n)}) in ${frame.url().slice(0, 120)}`);
  });
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      traps.fired.push(`${dialog.type()}(${dialog.message()})`);
      void dialog.dismiss().catch(() => undefined);
    });
  context.pages().forEach(watch);
  context.on('page', (page) => {
    traps.fired.push(`a new page opened: ${page.url()}`);
    watch(page);
  });
  return traps;
}

/**
 * Gives late payloads their chance: a few animation frames and more than an image error
 * (a failed `src=x` load) or a meta refresh takes.
 */
export async function letPayloadsRun(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let frames = 5;
        const tick = () => (--frames > 0 ? requestAnimationFrame(tick) : setTimeout(resolve, 500));
        requestAnimationFrame(tick);
      }),
  );
}

/**
 * Markup under `root` (through open shadow roots) that could run code or restyle the page:
 * script-capable elements, inline event handlers, script URLs, and style or base elements
 * that came from content rather than from the app.
 */
export function injectedMarkup(page: Page, rootSelector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const dangerousTags = new Set([
      'script',
      'iframe',
      'frame',
      'object',
      'embed',
      'base',
      'meta',
      'link',
      'style',
      'svg',
      'math',
      'noscript',
      'template',
    ]);
    const urlAttributes = [
      'href',
      'src',
      'action',
      'formaction',
      'xlink:href',
      'data',
      'srcdoc',
      'background',
      'poster',
    ];
    const visit = (root: ParentNode) => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        const tag = element.localName;
        // The app's own icons are inline SVG with aria-hidden; content SVG would not be.
        const appIcon = tag === 'svg' && element.getAttribute('aria-hidden') === 'true';
        if (dangerousTags.has(tag) && !appIcon) found.push(`<${tag}> ${element.outerHTML.slice(0, 120)}`);
        for (const attribute of Array.from(element.attributes)) {
          const name = attribute.name.toLowerCase();
          // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop C0 controls and spaces from a URL's scheme, so the check must too
          const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (name.startsWith('on')) found.push(`${tag}[${name}]`);
          if (urlAttributes.includes(name) && /^(javascript|vbscript|data:text|data:image\/svg)/.test(value))
            found.push(`${tag}[${name}=${attribute.value.slice(0, 60)}]`);
        }
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    for (const root of Array.from(document.querySelectorAll(selector))) {
      visit(root);
      if (root.shadowRoot) visit(root.shadowRoot);
    }
    return found;
  }, rootSelector);
}

import { describe, expect, it } from 'vitest';
import { type SanitizeOptions, sanitizeArticle } from './sanitize-article.js';

const toHtml = (fragment: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(fragment);
  return div;
};
const clean = (html: string, base?: string, options?: SanitizeOptions) =>
  toHtml(sanitizeArticle(html, document, base, options));

// What may ever come out, whatever goes in: the allow-list the article panel is styled for.
const OUTPUT_TAGS = new Set(
  'a b blockquote br caption code dd div dl dt em figcaption figure h2 h3 h4 h5 h6 hr i img kbd li ol p pre s small span strong sub sup table tbody td tfoot th thead tr u ul'.split(
    ' ',
  ),
);
const OUTPUT_ATTRIBUTES = new Set(
  'href target rel src loading referrerpolicy alt title width height colspan rowspan scope lang dir'.split(' '),
);

/** Every element and attribute under `root` that the allow-list does not permit. */
function disallowed(root: Element): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (!OUTPUT_TAGS.has(element.localName)) found.push(`<${element.localName}>`);
    for (const attribute of element.attributes) {
      if (!OUTPUT_ATTRIBUTES.has(attribute.name)) found.push(`${element.localName}[${attribute.name}]`);
    }
  }
  return found;
}

function maxDepth(node: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[node, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of current.childNodes) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('sanitizeArticle', () => {
  it('drops scripts, event handlers, iframes, forms and styles', () => {
    const div = toHtml(
      sanitizeArticle(
        '<p onclick="alert(1)">Hi<script>alert(1)</script></p><img src="https://x.test/a.png" onerror="alert(2)"><iframe src="https://evil.test"></iframe><form action="https://evil.test"><input name="card"></form><style>*{display:none}</style><p style="color:red">styled</p>',
        document,
      ),
    );
    expect(div.querySelector('script, iframe, form, input, style')).toBeNull();
    expect(div.innerHTML).not.toMatch(/onclick|onerror|style=/);
    expect(div.textContent).toContain('Hi');
    expect(div.textContent).toContain('styled');
  });

  it('keeps http(s) and mailto links, opening in a new tab without opener or referrer', () => {
    const div = toHtml(
      sanitizeArticle('<a href="https://docs.test/x">docs</a><a href="mailto:help@acme.test">mail</a>', document),
    );
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://docs.test/x', 'mailto:help@acme.test']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('turns javascript:, data: and relative links without a base into plain text', () => {
    const div = toHtml(
      sanitizeArticle(
        '<p><a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="/relative">c</a><a href=" JaVaScRiPt:alert(1)">d</a><a><em>e</em></a></p>',
        document,
      ),
    );
    expect(div.innerHTML).toBe('<p>abcd<em>e</em></p>');
  });

  it('resolves relative links, but not images, against the link base when there is no article url', () => {
    const html = '<a href="/invoices">i</a><a href="javascript:alert(1)">j</a><img src="/a.png" alt="A">';
    const host = clean(html, undefined, { linkBase: 'https://app.acme.test/' });
    expect(host.innerHTML).toBe(
      '<a href="https://app.acme.test/invoices" target="_blank" rel="noopener noreferrer">i</a>j<img alt="A">',
    );
    const own = clean(html, 'https://help.acme.test/articles/1', { linkBase: 'https://app.acme.test/' });
    expect(own.querySelector('a')?.getAttribute('href')).toBe('https://help.acme.test/invoices');
    expect(own.querySelector('img')?.getAttribute('src')).toBe('https://help.acme.test/a.png');
  });

  it('moves headings so the highest takes the given level, keeping the steps below it', () => {
    expect(clean('<h2>a</h2><h3>b</h3><h4>c</h4>', undefined, { headingLevel: 4 }).innerHTML).toBe(
      '<h4>a</h4><h5>b</h5><h6>c</h6>',
    );
    expect(clean('<h1>a</h1><h2>b</h2><h6>c</h6>', undefined, { headingLevel: 4 }).innerHTML).toBe(
      '<h4>a</h4><h5>b</h5><h6>c</h6>',
    );
    expect(clean('<h3 dir="rtl">a</h3><h4>b</h4>').innerHTML).toBe('<h2 dir="rtl">a</h2><h3>b</h3>');
    expect(clean('<h1>a</h1>').innerHTML).toBe('<h2>a</h2>');
  });

  it('resolves relative links and images against the article url', () => {
    const div = toHtml(
      sanitizeArticle(
        '<a href="/billing">b</a><img src="img/a.png" alt="A">',
        document,
        'https://help.acme.test/articles/1',
      ),
    );
    expect(div.querySelector('a')?.getAttribute('href')).toBe('https://help.acme.test/billing');
    expect(div.querySelector('img')?.getAttribute('src')).toBe('https://help.acme.test/articles/img/a.png');
  });

  it('allows only http(s) image sources', () => {
    const div = toHtml(
      sanitizeArticle(
        '<img src="javascript:alert(1)" alt="x"><img src="data:image/png;base64,AAAA" alt="y">',
        document,
      ),
    );
    for (const img of div.querySelectorAll('img')) expect(img.hasAttribute('src')).toBe(false);
  });

  it.each([
    ['script', '<script>alert(1)</script>'],
    ['style', '<style>*{display:none}</style>'],
    ['template', '<template><img src=x onerror=alert(1)>tpl</template>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>">frame</iframe>'],
    ['object', '<object data="javascript:alert(1)">obj</object>'],
    ['embed', '<embed src="javascript:alert(1)">'],
    ['svg', '<svg onload=alert(1)><text>svg</text><foreignObject><p>fo</p></foreignObject></svg>'],
    ['math', '<math><mtext>math</mtext></math>'],
    [
      'form',
      '<form action="https://evil.test"><input name=card value=v><textarea>ta</textarea><select><option>opt</option></select><button formaction="javascript:alert(1)">btn</button></form>',
    ],
    ['noscript', '<noscript>ns</noscript>'],
    ['title', '<title>ttl</title>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['link', '<link rel=stylesheet href="data:text/css,*{display:none}">'],
    ['base', '<base href="javascript:alert(1)//">'],
    ['head', '<head><title>ttl</title></head>'],
    ['xmp', '<xmp><img src=x onerror=alert(1)></xmp>'],
  ])('drops %s with everything inside it', (_name, payload) => {
    const div = clean(`<p>before</p>${payload}<p>after</p>`);
    expect(div.innerHTML).toBe('<p>before</p><p>after</p>');
  });

  it('unwraps unknown elements, keeping their cleaned content', () => {
    const div = clean(
      '<section><article><p>kept</p><font color="red">font</font><custom-card onclick="alert(1)">card</custom-card><details open ontoggle=alert(1)><summary>sum</summary>det</details></article></section>',
    );
    expect(div.innerHTML).toBe('<p>kept</p>fontcardsumdet');
  });

  it('removes event handlers, style, class, id, srcset, data-, aria- and namespaced attributes from allowed tags', () => {
    const div = clean(
      '<img src="https://x.test/a.png" alt="A" srcset="javascript:alert(1) 1x" onerror="alert(1)" ONLOAD="alert(2)" style="position:fixed" class="c" id="i" data-x="1" aria-label="l" xlink:href="javascript:alert(3)" xml:lang="en" formaction="javascript:alert(4)">' +
        '<a href="https://docs.test/" onmouseover="alert(5)" target="_self" rel="opener" ping="https://evil.test" download>d</a>',
    );
    const img = div.querySelector('img');
    expect(img?.getAttributeNames().sort()).toEqual(['alt', 'loading', 'referrerpolicy', 'src']);
    const a = div.querySelector('a');
    expect(a?.getAttributeNames().sort()).toEqual(['href', 'rel', 'target']);
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps attribute values only in their allowed form', () => {
    const div = clean(
      '<table dir="RTL" lang="en-US"><tr><th scope="COL" width="120" height="1 onerror=alert(1)">h</th><th scope="evil" width="50%">h2</th></tr>' +
        '<tr><td colspan="2" rowspan="x" dir="sideways" lang="&quot;&gt;&lt;script&gt;">c</td></tr></table>' +
        '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" dir="auto">t</p>',
    );
    const [th1, th2] = div.querySelectorAll('th');
    expect(div.querySelector('table')?.getAttribute('dir')).toBe('rtl');
    expect(div.querySelector('table')?.getAttribute('lang')).toBe('en-US');
    expect(th1?.getAttribute('scope')).toBe('col');
    expect(th1?.getAttribute('width')).toBe('120');
    expect(th1?.hasAttribute('height')).toBe(false);
    expect(th2?.hasAttribute('scope')).toBe(false);
    expect(th2?.hasAttribute('width')).toBe(false);
    const td = div.querySelector('td');
    expect(td?.getAttributeNames()).toEqual(['colspan']);
    // A title is text: it stays, and stays an attribute value — nothing is parsed out of it.
    expect(div.querySelector('p')?.getAttribute('title')).toBe('"><img src=x onerror=alert(1)>');
    expect(div.querySelector('p')?.getAttribute('dir')).toBe('auto');
    expect(div.querySelectorAll('img')).toHaveLength(0);
  });

  const SCRIPT_URLS = [
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'jav&#x0A;ascript:alert(1)',
    'jav\tascript:alert(1)',
    '&#x20;&#14;javascript:alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    '&#x6A;avascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'blob:https://evil.test/0b7c',
    'about:blank',
  ];

  it.each(SCRIPT_URLS)('drops the link and image URL %j, with or without a base', (url) => {
    for (const base of [undefined, 'https://help.acme.test/articles/']) {
      const div = clean(`<a href="${url}">a</a><img src="${url}" alt="i">`, base, { linkBase: 'https://app.test/' });
      expect(div.querySelector('a')).toBeNull();
      expect(div.querySelector('img')?.hasAttribute('src')).toBe(false);
      expect(div.textContent).toBe('a');
    }
  });

  it('allows mailto for links but not for images', () => {
    const div = clean('<a href="mailto:help@acme.test">m</a><img src="mailto:help@acme.test" alt="m">');
    expect(div.querySelector('a')?.getAttribute('href')).toBe('mailto:help@acme.test');
    expect(div.querySelector('img')?.hasAttribute('src')).toBe(false);
  });

  it.each([
    ['svg script', '<svg><script>alert(1)</script></svg><p>x</p>'],
    ['math mglyph style', '<math><mi><mglyph><style><img src=x onerror=alert(1)>'],
    ['math mtext table mglyph', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    [
      'form math namespace confusion',
      '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=alert(1)>">',
    ],
    ['noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['comment breakout', '<!--<img src="--><img src=x onerror=alert(1)//">'],
    ['textarea breakout', '</textarea><img src=x onerror=alert(1)>'],
    ['title breakout', '</title><img src=x onerror=alert(1)>'],
    ['nested template', '<template><template><img src=x onerror=alert(1)></template></template>'],
    ['svg animate', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
    ['svg xlink', '<svg><a xlink:href="javascript:alert(1)"><text>l</text></a></svg>'],
    ['unclosed img', '<img src=x onerror=alert(1)//'],
    ['css url', '<div style="background:url(javascript:alert(1))">css</div>'],
    ['css import', '<style>@import "javascript:alert(1)";</style>'],
  ])('leaves nothing executable from the mutation-XSS string: %s', (_name, payload) => {
    for (const base of [undefined, 'https://help.acme.test/']) {
      const div = clean(payload, base);
      expect(disallowed(div)).toEqual([]);
      for (const img of div.querySelectorAll('img')) {
        const src = img.getAttribute('src');
        if (src !== null) expect(src).toMatch(/^https:\/\/help\.acme\.test\//);
      }
    }
  });

  it('resolves links against the article url, not against an injected <base>', () => {
    const div = clean('<base href="https://evil.test/"><a href="/billing">b</a>', 'https://help.acme.test/articles/1');
    expect(div.querySelector('a')?.getAttribute('href')).toBe('https://help.acme.test/billing');
    expect(div.querySelector('base')).toBeNull();
  });

  it('drops comments, CDATA and processing instructions', () => {
    const div = clean(
      '<p>a<!-- <img src=x onerror=alert(1)> -->b<![CDATA[<img src=x>]]>c<?xml-stylesheet href="x"?>d</p>',
    );
    // The HTML parser ends a CDATA-looking bogus comment at its first `>`: the rest is plain text.
    expect(div.innerHTML).toBe('<p>ab]]&gt;cd</p>');
  });

  it('keeps structure: tables, lists, code and figures', () => {
    const html =
      '<h2 lang="en">Title</h2><table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>' +
      '<ol><li>one</li></ol><pre><code>a &lt; b</code></pre><figure><figcaption>cap</figcaption></figure><hr><p>x<br>y</p>';
    expect(clean(html).innerHTML).toBe(html);
  });

  it('returns an empty fragment for empty input and text for plain text', () => {
    expect(sanitizeArticle('', document).childNodes).toHaveLength(0);
    expect(clean('just text & more').innerHTML).toBe('just text &amp; more');
  });

  it('caps nesting depth, keeping the deepest text flat', () => {
    const levels = 3000;
    const div = clean(`${'<div><span>'.repeat(levels)}deep${'</span></div>'.repeat(levels)}`);
    expect(maxDepth(div)).toBeLessThanOrEqual(100);
    expect(maxDepth(div)).toBeGreaterThan(90);
    expect(div.textContent).toBe('deep');
  });

  it('stops after a bounded number of nodes on huge input', () => {
    const div = clean('<p>x</p>'.repeat(40_000));
    const paragraphs = div.querySelectorAll('p');
    expect(paragraphs.length).toBeGreaterThan(1000);
    expect(paragraphs.length).toBeLessThan(40_000);
    expect(paragraphs[0]?.textContent).toBe('x');
  });

  it('keeps bidi overrides and zero-width characters as inert text', () => {
    const text =
      'invoice\u202Egnp.exe ad\u200Bmin\u200D\uFEFF\u2066support\u2069 line\u2028sep\u2029 &lt;img src=x onerror=alert(1)&gt;';
    const div = clean(`<p>${text}</p>`);
    expect(div.querySelector('p')?.textContent).toBe(
      'invoice\u202Egnp.exe ad\u200Bmin\u200D\uFEFF\u2066support\u2069 line\u2028sep\u2029 <img src=x onerror=alert(1)>',
    );
    expect(div.querySelectorAll('img')).toHaveLength(0);
    expect(disallowed(div)).toEqual([]);
  });
});

import type { HelplineClient } from '@helpline/core';
import { signal } from '@preact/signals-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberVisitor } from '../src/remember-visitor.ts';
import { RETURNING_KEY } from '../src/returning.ts';
import { type LoaderWindow, start } from '../src/start.ts';

function script(attrs: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  el.src = 'https://support.example.com/widget/loader.js';
  for (const [name, value] of Object.entries(attrs)) {
    // Browsers expose a script's nonce only as a property (the attribute reads empty after parsing).
    if (name === 'nonce') Object.defineProperty(el, 'nonce', { value });
    else el.setAttribute(name, value);
  }
  return el;
}

const win = () => window as unknown as LoaderWindow;
const injected = () => [...document.head.querySelectorAll('script[type=module]')] as HTMLScriptElement[];
const widgetScripts = () => injected().filter((tag) => tag.src.endsWith('/helpline-test.js'));

beforeEach(() => {
  delete win().Helpline;
  document.head.replaceChildren();
  document.body.replaceChildren();
  localStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** requestIdleCallback runs its callback when the test says the page is idle. */
function idleQueue() {
  const waiting: Array<() => void> = [];
  const idleWindow = window as unknown as { requestIdleCallback?: (callback: () => void) => number };
  idleWindow.requestIdleCallback = (callback) => waiting.push(callback);
  return {
    runIdle: () => {
      for (const callback of waiting.splice(0)) callback();
    },
    [Symbol.dispose]: () => {
      delete idleWindow.requestIdleCallback;
    },
  };
}

describe('the script-tag loader', () => {
  it('keeps calls made before it loaded, in order, and boots from data-attributes first', () => {
    win().Helpline = Object.assign(
      function Helpline(...args: unknown[]) {
        (win().Helpline!.q ||= []).push(args);
      },
      { q: [] as unknown[][] },
    );
    win().Helpline!('identify', { id: 'u1' });
    start(win(), script({ 'data-key': 'pk_1', 'data-position': 'left' }));
    win().Helpline!('update', { account: { id: 'a1' } });
    const queue = win().Helpline!.q as unknown[][];
    expect(queue.map((entry) => entry[0])).toEqual(['boot', 'identify', 'update']);
    expect(queue[0]?.[1]).toEqual({
      key: 'pk_1',
      apiUrl: 'https://support.example.com',
      appearance: { position: 'left' },
    });
  });

  it('downloads nothing until the visitor interacts, then loads the widget once with the nonce', () => {
    start(win(), script({ 'data-key': 'pk_1', nonce: 'n0nce' }));
    expect(injected()).toHaveLength(0);
    const launcher = document.querySelector('helpline-launcher');
    const button = launcher?.shadowRoot?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Open help');
    button?.click();
    expect(injected()).toHaveLength(1);
    expect(injected()[0]?.src).toBe('https://support.example.com/widget/helpline-test.js');
    expect(injected()[0]?.nonce).toBe('n0nce');
    expect((win().Helpline!.q as unknown[][]).filter((entry) => entry[0] === 'open')).toHaveLength(1);
  });

  it('loads immediately for a queued command that needs the panel', () => {
    win().Helpline = Object.assign(() => {}, { q: [['open', 'chat']] as unknown[][] });
    start(win(), script({}));
    expect(injected()).toHaveLength(1);
  });

  it('loads eagerly when asked, and a second copy of the snippet does nothing', () => {
    start(win(), script({ 'data-key': 'pk', 'data-load': 'eager' }));
    start(win(), script({ 'data-key': 'pk', 'data-load': 'eager' }));
    expect(injected()).toHaveLength(1);
    expect(document.querySelectorAll('helpline-launcher')).toHaveLength(1);
  });

  it('draws no launcher when hidden, and a host element matching launcherSelector loads the widget', () => {
    win().Helpline = Object.assign(() => {}, {
      q: [
        [
          'boot',
          {
            key: 'pk',
            apiUrl: 'https://s.example',
            appearance: { hideLauncher: true, launcherSelector: '#help' },
          },
        ],
      ] as unknown[][],
    });
    const help = document.createElement('button');
    help.id = 'help';
    document.body.append(help);
    start(win(), script({}));
    expect(document.querySelector('helpline-launcher')).toBeNull();
    help.click();
    expect(injected()).toHaveLength(1);
  });

  it('never throws on host clicks when launcherSelector is not a valid selector', () => {
    win().Helpline = Object.assign(() => {}, {
      q: [
        ['boot', { key: 'pk', apiUrl: 'https://s.example', appearance: { launcherSelector: '[[bad' } }],
      ] as unknown[][],
    });
    start(win(), script({}));
    const thrown: unknown[] = [];
    const onError = (event: ErrorEvent) => {
      thrown.push(event.error);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    const heading = document.createElement('h1');
    document.body.append(heading);
    try {
      heading.click();
      document.dispatchEvent(new MouseEvent('click'));
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(thrown).toEqual([]);
    expect(widgetScripts()).toHaveLength(0);
  });

  it('loads the widget at idle for a visitor this browser already has, without an interaction', () => {
    using idle = idleQueue();
    localStorage.setItem(RETURNING_KEY, '1');
    start(win(), script({ 'data-key': 'pk_1' }));
    expect(injected()).toHaveLength(0);
    idle.runIdle();
    expect(injected()).toHaveLength(1);
    expect(document.querySelector('helpline-launcher')).not.toBeNull();
  });

  it('waits for an interaction when this browser has no visitor, or its storage cannot be read', () => {
    using idle = idleQueue();
    start(win(), script({ 'data-key': 'pk_1' }));
    idle.runIdle();
    expect(widgetScripts()).toHaveLength(0);

    delete win().Helpline;
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('storage is disabled', 'SecurityError');
    });
    start(win(), script({ 'data-key': 'pk_1' }));
    idle.runIdle();
    expect(widgetScripts()).toHaveLength(0);
    expect(document.querySelectorAll('helpline-launcher')).toHaveLength(1);
  });

  it('fetches only the early capture at idle until the visitor interacts, with the nonce', () => {
    using idle = idleQueue();
    start(win(), script({ 'data-key': 'pk_1', nonce: 'n0nce' }));
    expect(injected()).toHaveLength(0);
    idle.runIdle();
    expect(injected().map((tag) => [tag.src, tag.nonce])).toEqual([
      ['https://support.example.com/widget/capture-test.js', 'n0nce'],
    ]);
    document.querySelector('helpline-launcher')?.shadowRoot?.querySelector('button')?.click();
    expect(widgetScripts()).toHaveLength(1);
  });

  it('fetches no early capture for a page that boots nothing, nor once the widget is on its way', () => {
    using idle = idleQueue();
    start(win(), script({}));
    idle.runIdle();
    expect(injected()).toHaveLength(0);

    delete win().Helpline;
    document.body.replaceChildren();
    start(win(), script({ 'data-key': 'pk_1' }));
    document.querySelector('helpline-launcher')?.shadowRoot?.querySelector('button')?.click();
    idle.runIdle();
    expect(injected().map((tag) => tag.src)).toEqual(['https://support.example.com/widget/helpline-test.js']);
  });

  it('loads the widget at idle, drawing no placeholder, where stylesheets cannot be constructed', () => {
    using idle = idleQueue();
    vi.spyOn(window, 'CSSStyleSheet').mockImplementation(() => {
      throw new TypeError('Illegal constructor');
    });
    start(win(), script({ 'data-key': 'pk_1' }));
    expect(document.querySelector('helpline-launcher')).toBeNull();
    idle.runIdle();
    expect(injected()).toHaveLength(1);
  });
});

type IdentityState = HelplineClient['state']['identity']['value'];

describe('the early capture file', () => {
  it("starts capturing with the queued boot's breadcrumb switches, and hands over to the widget", async () => {
    const before = { fetch: window.fetch, error: console.error };
    win().Helpline = Object.assign(() => {}, {
      q: [['boot', { key: 'pk', privacy: { breadcrumbs: { network: false } } }]] as unknown[][],
    });
    vi.resetModules();
    await import('../src/capture.ts');
    const { takeEarlyCapture } = await import('@helpline/core');
    expect(window.fetch).toBe(before.fetch);
    expect(console.error).not.toBe(before.error);
    console.warn('before the widget');
    expect(takeEarlyCapture()?.breadcrumbs).toEqual([
      expect.objectContaining({ type: 'console', level: 'warn', message: 'before the widget' }),
    ]);
    expect(console.error).toBe(before.error);
  });

  it('stamps the calls queued from then on with when they were made', async () => {
    const queue: unknown[][] = [['boot', { key: 'pk' }]];
    win().Helpline = Object.assign(() => {}, { q: queue });
    vi.resetModules();
    await import('../src/capture.ts');
    const before = Date.now();
    queue.push(['track', 'retry clicked']);
    expect((queue[1] as { t?: number }).t).toBeGreaterThanOrEqual(before);
    expect((queue[0] as { t?: number }).t).toBeUndefined();
    const { takeEarlyCapture } = await import('@helpline/core');
    takeEarlyCapture();
  });

  it('stamps calls where the page froze Array.prototype, and stays quiet where the queue itself is frozen', async () => {
    // An inherited read-only push, as on a page that froze Array.prototype: assigning one would throw.
    const frozenPush = Object.create(Array.prototype, { push: { value: Array.prototype.push, writable: false } });
    const queue = Object.setPrototypeOf([['boot', { key: 'pk' }]], frozenPush) as unknown[][];
    win().Helpline = Object.assign(() => {}, { q: queue });
    const errors = vi.spyOn(console, 'error');
    vi.resetModules();
    await import('../src/capture.ts');
    queue.push(['track', 'retry clicked']);
    expect((queue[1] as { t?: number }).t).toBeTypeOf('number');

    win().Helpline = Object.assign(() => {}, { q: Object.freeze([['boot', { key: 'pk' }]]) as unknown[][] });
    vi.resetModules();
    await import('../src/capture.ts');
    expect(errors).not.toHaveBeenCalled();
    const { takeEarlyCapture } = await import('@helpline/core');
    takeEarlyCapture();
  });

  it('never throws into the page, whatever was queued', async () => {
    win().Helpline = Object.assign(() => {}, { q: [['boot', { privacy: { breadcrumbs: null } }]] as unknown[][] });
    vi.resetModules();
    await expect(import('../src/capture.ts')).resolves.toBeDefined();
    const { takeEarlyCapture } = await import('@helpline/core');
    expect(takeEarlyCapture()?.routeTrail).toHaveLength(1);
  });
});

describe('rememberVisitor', () => {
  const anonymous: IdentityState = { visitorId: undefined, user: undefined, account: undefined, verified: false };
  const widgetWith = (identity: ReturnType<typeof signal<IdentityState>>) => {
    const logout = vi.fn(async () => {
      identity.value = anonymous;
    });
    return { widget: { state: { identity }, logout } as unknown as HelplineClient, logout };
  };

  it('marks the browser once the widget has a visitor, and logout clears the mark', async () => {
    const identity = signal<IdentityState>(anonymous);
    const { widget, logout } = widgetWith(identity);
    const remembering = rememberVisitor(widget, () => localStorage);
    expect(localStorage.getItem(RETURNING_KEY)).toBeNull();
    identity.value = { ...anonymous, visitorId: 'v1' };
    expect(localStorage.getItem(RETURNING_KEY)).toBe('1');
    await remembering.logout();
    expect(logout).toHaveBeenCalledOnce();
    expect(localStorage.getItem(RETURNING_KEY)).toBeNull();
  });

  it('clears a mark from an earlier page on logout even before this page has connected', async () => {
    localStorage.setItem(RETURNING_KEY, '1');
    const remembering = rememberVisitor(widgetWith(signal<IdentityState>(anonymous)).widget, () => localStorage);
    expect(localStorage.getItem(RETURNING_KEY)).toBe('1');
    await remembering.logout();
    expect(localStorage.getItem(RETURNING_KEY)).toBeNull();
  });

  it('never throws when storage is unavailable', async () => {
    const identity = signal<IdentityState>(anonymous);
    const unavailable = () => {
      throw new DOMException('storage is disabled', 'SecurityError');
    };
    const remembering = rememberVisitor(widgetWith(identity).widget, unavailable);
    expect(() => {
      identity.value = { ...anonymous, visitorId: 'v1' };
    }).not.toThrow();
    await expect(remembering.logout()).resolves.toBeUndefined();
  });
});

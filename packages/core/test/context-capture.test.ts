import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ContextCapture, createContextCapture } from '../src/index.js';
import { Privacy } from '../src/options/schema.js';

class FakeXhr extends EventTarget {
  status = 0;
  private respondWith = 0;
  open(_method: string, url: string) {
    this.respondWith = Number(new URL(url, 'https://app.test').searchParams.get('status') ?? 200);
  }
  send() {
    this.status = this.respondWith;
    this.dispatchEvent(new Event('loadend'));
  }
}

type TestWindow = Window & {
  fetch: typeof fetch;
  XMLHttpRequest: typeof XMLHttpRequest;
  console: Console;
  ErrorEvent: typeof ErrorEvent;
  Event: typeof Event;
};

function makeWindow(): TestWindow {
  const win = new HappyWindow({ url: 'https://app.test/start?token=abc' }) as unknown as TestWindow;
  win.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.includes('offline')) throw new TypeError('Failed to fetch');
    const status = Number(new URL(url, 'https://app.test').searchParams.get('status') ?? 200);
    return new Response(null, { status });
  }) as typeof fetch;
  win.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  win.console = { ...console, error: vi.fn(), warn: vi.fn() } as Console;
  return win;
}

let capture: ContextCapture | undefined;
afterEach(() => capture?.stop());

function setup(privacy: Partial<Privacy> = {}, ignoreUrl?: (url: string) => boolean) {
  const win = makeWindow();
  let t = 0;
  capture = createContextCapture({
    privacy: Privacy.parse(privacy),
    window: win,
    now: () => new Date(Date.UTC(2026, 0, 1) + t++ * 10),
    ...(ignoreUrl ? { ignoreUrl } : {}),
  });
  return { win, capture };
}

describe('route trail', () => {
  it('records pushState/replaceState/hashchange, dedupes consecutive paths, redacts, keeps last 20', () => {
    const { win, capture } = setup();
    const seen: string[] = [];
    capture.onRouteChange((p) => seen.push(p));
    capture.start();
    win.history.pushState({}, '', '/a');
    win.history.pushState({}, '', '/a');
    win.history.replaceState({}, '', '/b?password=x');
    expect(capture.currentPath()).toBe('/b?password=[redacted]');
    const trail = capture.snapshot().routeTrail.map((r) => r.path);
    expect(trail).toEqual(['/start?token=[redacted]', '/a', '/b?password=[redacted]']);
    expect(seen).toEqual(['/a', '/b?password=[redacted]']);
    for (let i = 0; i < 30; i++) win.history.pushState({}, '', `/p${i}`);
    const long = capture.snapshot().routeTrail;
    expect(long).toHaveLength(20);
    expect(long.at(-1)?.path).toBe('/p29');
  });
  it('can be turned off', () => {
    const { win, capture } = setup({ breadcrumbs: { navigation: false, console: true, network: true, max: 30 } });
    const original = win.history.pushState;
    capture.start();
    expect(win.history.pushState).toBe(original);
    win.history.pushState({}, '', '/a');
    expect(capture.snapshot().routeTrail).toEqual([]);
  });
});

describe('console breadcrumbs', () => {
  it('records error/warn safely, still calls the host console, caps messages', () => {
    const { win, capture } = setup();
    const hostError = win.console.error;
    capture.start();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    win.console.error(new Error('boom'), cyclic);
    win.console.warn('x'.repeat(2000), 'card 4242 4242 4242 4242');
    expect(hostError).toHaveBeenCalledTimes(1);
    const crumbs = capture.snapshot().breadcrumbs;
    expect(crumbs[0]).toMatchObject({ type: 'console', level: 'error', message: 'boom {"a":1,"self":"[circular]"}' });
    expect(crumbs[1]).toMatchObject({ type: 'console', level: 'warn' });
    const warn = crumbs[1] as { message: string };
    expect(warn.message).toBe(`${'x'.repeat(500)} card [card]`);
  });
  it('records window errors and unhandled rejections', () => {
    const { win, capture } = setup();
    capture.start();
    win.dispatchEvent(
      new win.ErrorEvent('error', { message: 'bad', error: new Error('bad thing') }) as unknown as Event,
    );
    const rejection = new win.Event('unhandledrejection') as unknown as Event & { reason: unknown };
    Object.defineProperty(rejection, 'reason', { value: { code: 42 } });
    win.dispatchEvent(rejection);
    const crumbs = capture.snapshot().breadcrumbs;
    expect(crumbs[0]).toMatchObject({ type: 'exception', message: 'bad thing' });
    expect(crumbs[1]).toMatchObject({ type: 'exception', message: 'Unhandled rejection: {"code":42}' });
  });
  it('keeps only the most recent privacy.breadcrumbs.max', () => {
    const { win, capture } = setup({ breadcrumbs: { navigation: true, console: true, network: true, max: 3 } });
    capture.start();
    for (let i = 0; i < 10; i++) win.console.warn(`w${i}`);
    expect(capture.snapshot().breadcrumbs.map((c) => (c as { message: string }).message)).toEqual(['w7', 'w8', 'w9']);
  });
});

describe('network breadcrumbs', () => {
  it('records failed fetches only, with redacted url, and returns the host response untouched', async () => {
    const { win, capture } = setup({}, (url) => url.startsWith('https://support.test'));
    capture.start();
    const ok = await win.fetch('/api/ok');
    expect(ok.status).toBe(200);
    const bad = await win.fetch('/api/x?status=500&api_key=k', { method: 'post' });
    expect(bad.status).toBe(500);
    await expect(win.fetch('/offline')).rejects.toThrow('Failed to fetch');
    await win.fetch('https://support.test/v1?status=503');
    await Promise.resolve();
    const crumbs = capture.snapshot().breadcrumbs;
    expect(crumbs).toHaveLength(2);
    expect(crumbs[0]).toMatchObject({
      type: 'request',
      method: 'POST',
      url: '/api/x?status=500&api_key=[redacted]',
      status: 500,
    });
    expect(crumbs[1]).toMatchObject({ type: 'request', method: 'GET', url: '/offline', status: 0 });
    expect((crumbs[0] as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);
  });
  it('records failed XHRs', () => {
    const { win, capture } = setup();
    capture.start();
    const ok = new win.XMLHttpRequest();
    ok.open('GET', '/ok');
    ok.send();
    const bad = new win.XMLHttpRequest();
    bad.open('DELETE', '/item?status=404&secret=s');
    bad.send();
    expect(capture.snapshot().breadcrumbs).toEqual([
      expect.objectContaining({
        type: 'request',
        method: 'DELETE',
        url: '/item?status=404&secret=[redacted]',
        status: 404,
      }),
    ]);
  });
});

describe('start/stop', () => {
  it('restores every patched global exactly and is idempotent', () => {
    const { win, capture } = setup();
    const before = {
      fetch: win.fetch,
      error: win.console.error,
      warn: win.console.warn,
      push: win.history.pushState,
      replace: win.history.replaceState,
      open: win.XMLHttpRequest.prototype.open,
      send: win.XMLHttpRequest.prototype.send,
    };
    capture.start();
    capture.start();
    expect(win.fetch).not.toBe(before.fetch);
    capture.stop();
    capture.stop();
    expect({
      fetch: win.fetch,
      error: win.console.error,
      warn: win.console.warn,
      push: win.history.pushState,
      replace: win.history.replaceState,
      open: win.XMLHttpRequest.prototype.open,
      send: win.XMLHttpRequest.prototype.send,
    }).toEqual(before);
    win.console.warn('after stop');
    win.history.pushState({}, '', '/after');
    expect(capture.snapshot().breadcrumbs).toEqual([]);
  });
  it('does not clobber a host that re-wrapped fetch after start; our layer becomes a pass-through', async () => {
    const { win, capture } = setup();
    capture.start();
    const ours = win.fetch;
    const hostCalls: string[] = [];
    const hostWrapper = ((input: RequestInfo | URL, init?: RequestInit) => {
      hostCalls.push(String(input));
      return ours(input, init);
    }) as typeof fetch;
    win.fetch = hostWrapper;
    capture.stop();
    expect(win.fetch).toBe(hostWrapper);
    const res = await win.fetch('/x?status=500');
    expect(res.status).toBe(500);
    expect(hostCalls).toEqual(['/x?status=500']);
    await Promise.resolve();
    expect(capture.snapshot().breadcrumbs).toEqual([]);
  });
  it('a throwing host fetch still throws the same error to the host', async () => {
    const { win, capture } = setup();
    const error = new Error('sync throw');
    win.fetch = (() => {
      throw error;
    }) as typeof fetch;
    capture.start();
    expect(() => win.fetch('/a')).toThrow(error);
  });
});

describe('snapshot', () => {
  it('is a valid, redacted ContextSnapshot with page, device and extras', () => {
    const { win, capture } = setup({ redactPatterns: ['ACME-\\d+'] });
    win.document.title = 'Billing';
    capture.start();
    capture.addBreadcrumb({
      type: 'event',
      name: 'checkout',
      data: { ref: 'ACME-77', password: 'p' },
      at: '2026-01-01T00:00:00.000Z',
    });
    const snap = capture.snapshot({
      user: { id: 'u1', email: 'u@ex.com' },
      app: { version: '1.2.3' },
      custom: { plan: 'pro' },
      selfService: [{ kind: 'search', ref: 'refund', at: '2026-01-01T00:00:00.000Z' }],
    });
    expect(snap.page).toEqual({
      url: 'https://app.test/start?token=[redacted]',
      path: '/start?token=[redacted]',
      title: 'Billing',
    });
    expect(snap.device).toMatchObject({ viewport: expect.any(Object), online: expect.any(Boolean) });
    expect(snap.user).toEqual({ id: 'u1', email: 'u@ex.com' });
    expect(snap.app).toEqual({ version: '1.2.3' });
    expect(snap.custom).toEqual({ plan: 'pro' });
    expect(snap.selfService).toHaveLength(1);
    expect(snap.breadcrumbs[0]).toMatchObject({ data: { ref: '[redacted]', password: '[redacted]' } });
  });
  it('works without a window', () => {
    const c = createContextCapture({ privacy: Privacy.parse({}), window: undefined, now: () => new Date(0) });
    c.start();
    expect(c.snapshot().page.path).toBeTypeOf('string');
    c.stop();
  });
});

describe('early capture (the script tag, before the widget loads)', () => {
  // One early capture per page: each test gets a fresh copy of the module.
  async function earlyModule() {
    vi.resetModules();
    return import('../src/context/early-capture.js');
  }
  const globalsOf = (win: TestWindow) => ({
    fetch: win.fetch,
    error: win.console.error,
    warn: win.console.warn,
    push: win.history.pushState,
    open: win.XMLHttpRequest.prototype.open,
  });

  it('hands what the page did before the widget to its capture, redacted by the validated options', async () => {
    const { startEarlyCapture, takeEarlyCapture } = await earlyModule();
    const win = makeWindow();
    startEarlyCapture(win);
    win.history.pushState({}, '', '/billing?session=s3cr3t');
    await win.fetch('/api/pay?status=502&token=t0k');
    win.console.error('Payment retry failed');
    await Promise.resolve();

    const earlier = takeEarlyCapture();
    // Recorded as it happened; nothing leaves memory before the widget redacts it.
    expect(earlier?.breadcrumbs[0]).toMatchObject({ url: '/api/pay?status=502&token=t0k' });
    capture = createContextCapture({ privacy: Privacy.parse({}), window: win, earlier });
    capture.start();
    win.history.pushState({}, '', '/billing/cards');
    const snap = capture.snapshot();
    expect(snap.routeTrail.map((visit) => visit.path)).toEqual([
      '/start?token=[redacted]',
      '/billing?session=[redacted]',
      '/billing/cards',
    ]);
    expect(snap.breadcrumbs).toEqual([
      expect.objectContaining({ type: 'request', url: '/api/pay?status=502&token=[redacted]', status: 502 }),
      expect.objectContaining({ type: 'console', level: 'error', message: 'Payment retry failed' }),
    ]);
  });

  it('drops what the options turn off, ignores the widget backend, and keeps the configured number', async () => {
    const { startEarlyCapture, takeEarlyCapture } = await earlyModule();
    const win = makeWindow();
    startEarlyCapture(win);
    win.history.pushState({}, '', '/a');
    for (let i = 0; i < 5; i++) win.console.warn(`w${i}`);
    await win.fetch('https://support.test/v1/x?status=500');
    await win.fetch('/api/y?status=500');
    await Promise.resolve();
    const earlier = takeEarlyCapture();

    const privacy = Privacy.parse({ breadcrumbs: { navigation: false, console: true, network: true, max: 3 } });
    const ignoreUrl = (url: string) => url.startsWith('https://support.test');
    const adopted = createContextCapture({ privacy, window: win, earlier, ignoreUrl }).snapshot();
    expect(adopted.routeTrail).toEqual([]);
    expect(adopted.breadcrumbs.map((crumb) => ('message' in crumb ? crumb.message : crumb.type))).toEqual([
      'w3',
      'w4',
      'request',
    ]);
    const quiet = Privacy.parse({ breadcrumbs: { navigation: true, console: false, network: false, max: 30 } });
    expect(createContextCapture({ privacy: quiet, window: win, earlier }).snapshot().breadcrumbs).toEqual([]);
  });

  it("honours the host's switches before validation: a kind turned off is never wrapped", async () => {
    const { startEarlyCapture, takeEarlyCapture } = await earlyModule();
    const win = makeWindow();
    const before = globalsOf(win);
    startEarlyCapture(win, { network: false, navigation: false, console: 'no' });
    expect(win.fetch).toBe(before.fetch);
    expect(win.XMLHttpRequest.prototype.open).toBe(before.open);
    expect(win.history.pushState).toBe(before.push);
    // Only `false` turns a kind off; anything else is left to the options' validation at boot.
    expect(win.console.error).not.toBe(before.error);
    win.history.pushState({}, '', '/a');
    expect(takeEarlyCapture()?.routeTrail).toEqual([]);
  });

  it("keeps as many breadcrumbs as the boot's max asks for, or the default for a max the options refuse", async () => {
    const first = await earlyModule();
    const win = makeWindow();
    first.startEarlyCapture(win, { max: 2 });
    for (let i = 0; i < 5; i++) win.console.warn(`w${i}`);
    expect(first.takeEarlyCapture()?.breadcrumbs.map((crumb) => ('message' in crumb ? crumb.message : ''))).toEqual([
      'w3',
      'w4',
    ]);
    const second = await earlyModule();
    const other = makeWindow();
    second.startEarlyCapture(other, { max: 5000 });
    for (let i = 0; i < 40; i++) other.console.warn(`w${i}`);
    expect(second.takeEarlyCapture()?.breadcrumbs).toHaveLength(Privacy.parse({}).breadcrumbs.max);
  });

  it('restores the globals when taken, and cannot start once the widget has taken over', async () => {
    const { startEarlyCapture, takeEarlyCapture } = await earlyModule();
    const win = makeWindow();
    const before = globalsOf(win);
    startEarlyCapture(win);
    startEarlyCapture(win);
    win.console.warn('once');
    expect(takeEarlyCapture()?.breadcrumbs).toHaveLength(1);
    expect(globalsOf(win)).toEqual(before);
    win.console.warn('after');
    // The early file arrived after the widget had booted: it must not wrap anything again.
    startEarlyCapture(win);
    expect(globalsOf(win)).toEqual(before);
    expect(takeEarlyCapture()).toBeUndefined();
  });
});

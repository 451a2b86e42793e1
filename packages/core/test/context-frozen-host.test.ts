import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createContextCapture } from '../src/index.js';
import { Privacy } from '../src/options/schema.js';

describe('context capture on a host that froze what it instruments', () => {
  it('starts and stops without throwing, leaves the frozen functions alone, and still captures the page', () => {
    const win = new HappyWindow({ url: 'https://app.test/billing' }) as unknown as Window & typeof globalThis;
    const { pushState, replaceState } = win.history;
    Object.defineProperty(win.history, 'pushState', { value: pushState, writable: false, configurable: false });
    Object.defineProperty(win.history, 'replaceState', { value: replaceState, writable: false, configurable: false });
    Object.freeze(win.console);
    const capture = createContextCapture({ privacy: Privacy.parse({}), window: win, now: () => new Date(0) });
    expect(() => capture.start()).not.toThrow();
    expect(win.history.pushState).toBe(pushState);
    expect(capture.snapshot().page.path).toBe('/billing');
    expect(() => capture.stop()).not.toThrow();
    expect(win.history.pushState).toBe(pushState);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fitVisualViewport } from './fit-visual-viewport.js';

/** A visual viewport shrunk by a keyboard, counting the listeners it holds. */
function keyboardViewport() {
  const viewport = Object.assign(new EventTarget(), { offsetTop: 0, offsetLeft: 0, width: 390, height: 500, scale: 1 });
  const held = new Set<string>();
  const add = viewport.addEventListener.bind(viewport);
  const remove = viewport.removeEventListener.bind(viewport);
  viewport.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    held.add(type);
    add(type, listener);
  };
  viewport.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null) => {
    held.delete(type);
    remove(type, listener);
  };
  return { viewport, held };
}

describe('fitVisualViewport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('leaves no listener behind when the panel closes with a fit still waiting for its frame', () => {
    const { viewport, held } = keyboardViewport();
    const frames = new Map<number, FrameRequestCallback>();
    vi.stubGlobal('visualViewport', viewport);
    vi.stubGlobal('matchMedia', () => ({ matches: true, onchange: null }));
    vi.stubGlobal(
      'requestAnimationFrame',
      (callback: FrameRequestCallback) => frames.set(frames.size + 1, callback).size,
    );
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
    const panel = document.createElement('div');

    const unfit = fitVisualViewport(panel);
    expect(panel.style.getPropertyValue('--hl-vv-height')).toBe('500px');
    expect([...held]).toEqual(['resize', 'scroll']);
    viewport.height = 844;
    viewport.dispatchEvent(new Event('resize'));
    unfit();
    for (const callback of frames.values()) callback(0);
    expect(held.size).toBe(0);
    expect(panel.style.getPropertyValue('--hl-vv-height')).toBe('500px');
  });

  it('sizes nothing and throws nothing in a browser without visualViewport', () => {
    vi.stubGlobal('visualViewport', undefined);
    vi.stubGlobal('matchMedia', () => ({ matches: true, onchange: null }));
    const panel = document.createElement('div');
    fitVisualViewport(panel)();
    expect(panel.style.getPropertyValue('--hl-vv-height')).toBe('');
  });
});

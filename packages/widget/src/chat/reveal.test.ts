import { afterEach, describe, expect, it, vi } from 'vitest';
import { reveal } from './reveal.js';

function boxes() {
  const scroller = document.createElement('div');
  const element = document.createElement('div');
  vi.spyOn(scroller, 'getBoundingClientRect').mockReturnValue({ top: 100 } as DOMRect);
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue({ top: 350 } as DOMRect);
  const scrollTo = vi.fn();
  scroller.scrollTo = scrollTo;
  return { scroller, element, scrollTo };
}

describe('reveal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('scrolls the box until the element starts at its top, smoothly', () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    const { scroller, element, scrollTo } = boxes();
    reveal(scroller, element);
    expect(scrollTo).toHaveBeenCalledWith({ top: scroller.scrollTop + 250, behavior: 'smooth' });
  });

  it('jumps instead when the user prefers reduced motion', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' }));
    const { scroller, element, scrollTo } = boxes();
    reveal(scroller, element);
    expect(scrollTo).toHaveBeenCalledWith({ top: scroller.scrollTop + 250, behavior: 'auto' });
  });
});

/**
 * Scrolls `scroller` until `element` starts at its top edge, or as far as the content goes: smoothly,
 * unless the user prefers reduced motion. Only this box moves, never the host page around it.
 */
export function reveal(scroller: HTMLElement, element: Element): void {
  const top = scroller.scrollTop + element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  scroller.scrollTo?.({ top, behavior: still ? 'auto' : 'smooth' });
}

import { PHONE_LAYOUT } from './Panel.css.js';

type Method = 'addEventListener' | 'removeEventListener';

/**
 * Sizes the full-screen phone panel to the visual viewport through custom properties (Panel.css
 * falls back to the screen's size without them). An on-screen keyboard shrinks only the visual
 * viewport, so a panel as tall as the layout viewport hides its composer under the keyboard, and iOS
 * scrolls the page to the focused field, taking the header off screen. Listens to the viewport only
 * while the phone layout applies; the returned function removes every listener.
 */
export function fitVisualViewport(panel: HTMLElement): () => void {
  const viewport = window.visualViewport;
  const phone = matchMedia(PHONE_LAYOUT);
  let frame = 0;
  const follow = (method: Method) => {
    viewport?.[method]('resize', queue);
    viewport?.[method]('scroll', queue);
  };
  const fit = () => {
    frame = 0;
    follow(phone.matches ? 'addEventListener' : 'removeEventListener');
    // Pinch-zoomed, the panel keeps the screen's size: shrunk to the zoomed-in view it would undo the
    // zoom (WCAG 1.4.4). An empty value removes the property.
    const fits = viewport && phone.matches && Math.abs(viewport.scale - 1) < 0.01;
    for (const size of ['offsetTop', 'offsetLeft', 'width', 'height'] as const)
      panel.style.setProperty(`--hl-vv-${size}`, fits ? `${viewport[size]}px` : '');
  };
  // 'resize' and 'scroll' often come together (the keyboard opens as the page scrolls to the field): fit once.
  const queue = () => {
    frame ||= requestAnimationFrame(fit);
  };
  fit();
  phone.onchange = queue;
  return () => {
    phone.onchange = null;
    follow('removeEventListener');
    cancelAnimationFrame(frame);
  };
}

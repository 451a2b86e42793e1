/**
 * When the control that has focus is replaced (a vote by its thanks, a sent form by its
 * confirmation) or disabled, browsers drop focus to the host page's <body>: out of reach of Escape
 * and Tab, and screen readers lose their place. Focus moves instead to the view's `[data-refocus]`
 * element, else to `fallback`. Focus the user moved out of the panel stays where they put it; a
 * control lost with its whole view is left to the next view's own focus. The listeners go with the
 * panel element; the caller disconnects the returned observer.
 */
export function keepFocusInside(panel: HTMLElement, fallback: () => HTMLElement | null): MutationObserver {
  const root = panel.getRootNode() as ShadowRoot;
  let focused: Element | null = null;
  let view: Element | null = null;
  const rescue = () => {
    if (!focused || root.activeElement) return;
    if (focused.isConnected && !focused.matches(':disabled')) focused = null;
    else if (view?.isConnected) (view.querySelector<HTMLElement>('[data-refocus]') ?? fallback())?.focus();
  };
  panel.addEventListener('focusin', (event) => {
    focused = event.target as Element;
    view = focused.closest('.hl-view');
  });
  // Chromium blurs a removed or disabled control with a focusout; a microtask later the DOM says which.
  panel.addEventListener('focusout', () => queueMicrotask(rescue));
  // Other engines remove a focused control silently: the removal itself is the signal.
  const observer = new MutationObserver(rescue);
  observer.observe(panel, { childList: true, subtree: true });
  return observer;
}

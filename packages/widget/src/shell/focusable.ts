const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Elements reachable with Tab inside `root`, in document order. */
export function focusableIn(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden], [inert]'));
}

/** Moves focus into a freshly shown view: its marked target, else its first control, else `fallback`. */
export function focusInto(view: Element | null, fallback: HTMLElement | null): void {
  const marked = view?.querySelector<HTMLElement>('[data-autofocus]');
  const target = marked ?? (view ? focusableIn(view)[0] : undefined) ?? fallback;
  target?.focus();
}

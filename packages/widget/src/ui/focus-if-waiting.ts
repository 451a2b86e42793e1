/**
 * Focuses content that arrived after its view was shown (an article, a form), while the panel kept
 * focus on its title; a control the user has moved to meanwhile keeps focus.
 */
export function focusIfWaiting(el: HTMLElement | null): void {
  const active = (el?.getRootNode() as ShadowRoot | undefined)?.activeElement;
  if (el && (!active || active.classList.contains('hl-panel__title'))) el.focus();
}

/**
 * Host elements matching `selector` toggle the widget. One delegated listener on the document, so
 * elements the host renders later work too; the returned function removes it.
 */
export function delegateLauncher(
  doc: Document,
  selector: string,
  onActivate: (element: HTMLElement) => void,
): () => void {
  try {
    doc.querySelector(selector);
  } catch {
    console.error(`[Helpline] appearance.launcherSelector is not a valid CSS selector: ${selector}`);
    return () => {};
  }
  const onClick = (event: Event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const match = target.closest<HTMLElement>(selector);
    if (!match) return;
    // A custom launcher is often a link such as <a href="#help">; it should open help, not navigate.
    event.preventDefault();
    onActivate(match);
  };
  doc.addEventListener('click', onClick);
  return () => doc.removeEventListener('click', onClick);
}

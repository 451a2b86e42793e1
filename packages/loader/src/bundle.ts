import { createHttpAdapter } from '@helpline/adapter-http';
import { type HelplineClient, HttpUrl, installGlobal, parseWith, takeEarlyCapture } from '@helpline/core';
import { createHelpline } from '@helpline/widget';
import { bundleHomeView } from '@helpline/widget/home';
import * as z from 'zod/mini';
import { rememberVisitor } from './remember-visitor.js';

/** What `Helpline('boot', …)` takes on a plain page: widget options, plus where the server is. */
const ScriptBootOptions = z.looseObject({
  /** The workspace's public widget key. */
  key: z.string().check(z.minLength(1)),
  /** Origin of the Helpline server. @default the loader script's origin */
  apiUrl: HttpUrl,
});

/**
 * The placeholder was being pressed (mouse, touch or Space) when the widget swapped it out: the
 * browser will not turn that press into a click on an element that is gone, so its release on the
 * real launcher opens the panel, unless a click already did.
 */
function openOnRelease(widget: HelplineClient): void {
  const release = (event: Event) => {
    document.removeEventListener('pointerup', release, true);
    document.removeEventListener('keyup', release, true);
    const onLauncher = event.composedPath().some((node) => (node as Element).localName === 'helpline-widget');
    const activates = event.type === 'pointerup' || (event as KeyboardEvent).key === ' ';
    if (onLauncher && activates)
      setTimeout(() => {
        if (!widget.state.isOpen.value) widget.open().catch(() => {});
      });
  };
  document.addEventListener('pointerup', release, true);
  document.addEventListener('keyup', release, true);
}

// This bundle loads on interaction (or idle), so the panel is about to open, and it opens at home:
// home comes in this file rather than one round trip later.
bundleHomeView();

installGlobal(window, (input: unknown) => {
  // Taken first: a boot that fails validation still ends the early capture's wrapping of the page.
  const earlier = takeEarlyCapture();
  const { key, apiUrl, ...options } = parseWith(ScriptBootOptions, input, 'Helpline boot options', 'invalid_option');
  const placeholder = document.querySelector('helpline-launcher');
  const hadFocus = placeholder !== null && document.activeElement === placeholder;
  // A pointer press marks the host element :active too; Space marks only the button inside.
  const pressed =
    placeholder !== null &&
    (placeholder.matches(':active') || placeholder.shadowRoot?.querySelector(':active') != null);
  placeholder?.remove();
  const widget = rememberVisitor(
    createHelpline({ ...options, adapter: createHttpAdapter({ baseUrl: apiUrl, workspaceKey: key }) }, { earlier }),
    () => window.localStorage,
  );
  if (pressed) openOnRelease(widget);
  // A keyboard user who tabbed onto the placeholder keeps their place on the real launcher.
  if (hadFocus)
    document.querySelector('helpline-widget')?.shadowRoot?.querySelector<HTMLElement>('.hl-launcher')?.focus();
  return widget;
});

import { createHttpAdapter } from '@helpline/adapter-http';
import { HttpUrl, installGlobal, parseWith } from '@helpline/core';
import { createHelpline, preloadView } from '@helpline/widget';
import * as z from 'zod/mini';

/** What `Helpline('boot', …)` takes on a plain page: widget options, plus where the server is. */
const ScriptBootOptions = z.looseObject({
  /** The workspace's public widget key. */
  key: z.string().check(z.minLength(1)),
  /** Origin of the Helpline server. @default the loader script's origin */
  apiUrl: HttpUrl,
});

installGlobal(window, (input: unknown) => {
  const { key, apiUrl, ...options } = parseWith(ScriptBootOptions, input, 'Helpline boot options', 'invalid_option');
  const placeholder = document.querySelector('helpline-launcher');
  const hadFocus = placeholder !== null && document.activeElement === placeholder;
  placeholder?.remove();
  const widget = createHelpline({ ...options, adapter: createHttpAdapter({ baseUrl: apiUrl, workspaceKey: key }) });
  // This bundle loads on interaction (or idle): the home view is what the user sees next.
  preloadView('home');
  // A keyboard user who tabbed onto the placeholder keeps their place on the real launcher.
  if (hadFocus)
    document.querySelector('helpline-widget')?.shadowRoot?.querySelector<HTMLElement>('.hl-launcher')?.focus();
  return widget;
});

import type { HelplineClient } from '@helpline/core';
import { render } from 'preact';
import { App } from './App.js';
import { appearanceCss } from './appearance-css.js';
import { delegateLauncher } from './custom-launcher.js';
import { applyStyles, createStyleHost } from './style-host.js';
import themeCss from './theme.css.js';

export const ELEMENT_NAME = 'helpline-widget';

/** Registers the host element once per window; a second widget or bundle reuses it. */
function defineElement(win: Window & typeof globalThis): void {
  if (win.customElements.get(ELEMENT_NAME)) return;
  win.customElements.define(ELEMENT_NAME, class HelplineWidgetElement extends win.HTMLElement {});
}

/** Renders the widget into a new shadow-rooted element; the returned function removes every trace. */
export function mountWidget(client: HelplineClient, doc: Document): () => void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (win) defineElement(win);
  const { appearance, cspNonce, container } = client.options;

  const host = doc.createElement(ELEMENT_NAME);
  host.classList.add(`hl-theme-${appearance.theme}`, `hl-pos-${appearance.position}`);
  if (appearance.hideLauncher) host.classList.add('hl-launcher-hidden');
  const shadow = host.attachShadow({ mode: 'open' });
  const styles = createStyleHost(shadow, cspNonce);
  applyStyles(styles, themeCss);
  applyStyles(styles, appearanceCss(appearance));
  const root = doc.createElement('div');
  shadow.append(root);
  (container ?? doc.body).append(host);

  const opener: { current: HTMLElement | null } = { current: null };
  const stopDelegation = appearance.launcherSelector
    ? delegateLauncher(doc, appearance.launcherSelector, (element) => {
        opener.current = element;
        client.interacted();
        void client.toggle().catch(() => {});
      })
    : () => {};

  // A host control that opens the panel (a Help button calling Helpline('open')) gets focus back on
  // close; our own launcher, focused inside the shadow root, is the default.
  const stopWatching = client.state.isOpen.subscribe((open) => {
    const active = doc.activeElement;
    if (!open || active === doc.body) return;
    opener.current = active === host ? null : (active as HTMLElement | null);
  });

  render(<App client={client} styles={styles} opener={opener} />, root);
  return () => {
    stopWatching();
    stopDelegation();
    render(null, root);
    host.remove();
  };
}

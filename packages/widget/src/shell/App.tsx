import type { HelplineClient } from '@helpline/core';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { LocaleProvider } from '../i18n/LocaleProvider.js';
import { useLocale } from '../i18n/use-t.js';
import { ClientContext } from './client-context.js';
import { Launcher } from './Launcher.js';
import { Panel } from './Panel.js';
import { type StyleHost, StyleHostContext } from './style-host.js';
import { usePreview } from './use-preview.js';
import { useValue } from './use-value.js';

export interface AppProps {
  client: HelplineClient;
  styles: StyleHost;
  /** The host element that last opened the widget through the custom launcher selector. */
  opener: { current: HTMLElement | null };
}

const PANEL_ID = 'helpline-panel';

/** The widget's root, in the language its strings are actually in (English for a locale without a table). */
function Root({ children }: { children: ComponentChildren }) {
  return (
    <div class="hl-root" lang={useLocale()}>
      {children}
    </div>
  );
}

export function App({ client, styles, opener }: AppProps) {
  const launcher = useRef<HTMLButtonElement>(null);
  const open = useValue(client.state.isOpen);
  const locale = useValue(client.state.locale);
  const [Preview, firstReply] = usePreview(client) ?? [];

  const returnFocus = () => {
    const target = opener.current?.isConnected ? opener.current : launcher.current;
    target?.focus();
  };

  return (
    <ClientContext.Provider value={client}>
      <StyleHostContext.Provider value={styles}>
        <LocaleProvider locale={locale}>
          <Root>
            {!client.options.appearance.hideLauncher && <Launcher buttonRef={launcher} panelId={PANEL_ID} />}
            {Preview && firstReply && <Preview first={firstReply} launcher={launcher} />}
            {open && <Panel id={PANEL_ID} returnFocus={returnFocus} />}
          </Root>
        </LocaleProvider>
      </StyleHostContext.Provider>
    </ClientContext.Provider>
  );
}

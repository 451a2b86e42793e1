import { createMemoryAdapter, demoArticles, type MemoryAdapterOptions } from '@helpline/adapter-memory';
import {
  type Capabilities,
  createClient,
  type HelplineClient,
  type HelplineOptionsInput,
  type ViewState,
} from '@helpline/core';
import { cleanup, render } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { afterEach } from 'vitest';
import { LocaleProvider } from '../src/i18n/LocaleProvider.js';
import { ClientContext } from '../src/shell/client-context.js';

const clients: HelplineClient[] = [];

afterEach(async () => {
  cleanup();
  for (const client of clients.splice(0)) await client.shutdown();
});

/** Renders one view over a real core client and the in-memory backend, without the launcher. */
export function renderView(
  View: ComponentType<{ view: ViewState }>,
  view: ViewState,
  {
    options = {},
    memory = {},
    locale = 'en',
    capabilities = {},
  }: {
    options?: Partial<HelplineOptionsInput>;
    memory?: MemoryAdapterOptions;
    locale?: string;
    /** Capabilities the backend is to lack (or have), over the memory backend's. */
    capabilities?: Partial<Capabilities>;
  } = {},
) {
  const memoryAdapter = createMemoryAdapter({
    articles: demoArticles,
    replyDelayMs: 0,
    autoReply: () => null,
    ...memory,
  });
  const adapter = { ...memoryAdapter, capabilities: { ...memoryAdapter.capabilities, ...capabilities } };
  const client = createClient({ adapter, ...options });
  clients.push(client);
  const ui = (current: ViewState, Current: ComponentType<{ view: ViewState }> = View) => (
    <ClientContext.Provider value={client}>
      <LocaleProvider locale={locale}>
        <Current view={current} />
      </LocaleProvider>
    </ClientContext.Provider>
  );
  const result = render(ui(view));
  return {
    ...result,
    client,
    adapter,
    agent: adapter.agent,
    rerenderView: (next: ViewState, Next?: ComponentType<{ view: ViewState }>) => result.rerender(ui(next, Next)),
  };
}

import { createMemoryAdapter, demoArticles, type MemoryAdapterOptions } from '@helpline/adapter-memory';
import type { HelplineOptionsInput } from '@helpline/core';
import { type BoundFunctions, type queries, within } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { createHelpline, type HelplineWidget } from '../src/index.js';

const mounted: HelplineWidget[] = [];

afterEach(() => {
  for (const widget of mounted.splice(0)) widget.unmount();
  document.body.replaceChildren();
});

export interface TestWidget {
  hl: HelplineWidget;
  adapter: ReturnType<typeof createMemoryAdapter>;
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Testing Library queries scoped to the widget's shadow root. */
  ui: BoundFunctions<typeof queries>;
}

/** A real widget over the real core client and the in-memory backend, mounted into document.body. */
export function mountWidget(
  options: Partial<HelplineOptionsInput> = {},
  memory: MemoryAdapterOptions = {},
): TestWidget {
  const adapter = createMemoryAdapter({ articles: demoArticles, replyDelayMs: 0, ...memory });
  const hl = createHelpline({ adapter, ...options });
  mounted.push(hl);
  const host = document.querySelector<HTMLElement>('helpline-widget');
  if (!host?.shadowRoot) throw new Error('widget host not mounted');
  return { hl, adapter, host, shadow: host.shadowRoot, ui: within(host.shadowRoot as unknown as HTMLElement) };
}

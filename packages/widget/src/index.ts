import { type ClientDeps, createClient, type HelplineClient, type HelplineOptionsInput } from '@helpline/core';
import { mountWidget } from './shell/mount.js';

export { preloadView } from './views.js';

export interface HelplineWidget extends HelplineClient {
  /** Removes the widget from the page and shuts the client down (listeners, timers, subscriptions). */
  unmount(): void;
}

/**
 * Creates the Helpline client and mounts its UI (launcher and panel in a shadow root). Invalid options
 * throw a ValidationError naming the field; nothing else ever throws into the host page.
 */
export function createHelpline(options: CreateHelplineOptions, deps: ClientDeps = {}): HelplineWidget {
  const client = createClient(options, deps);
  const doc = deps.window?.document ?? document;
  const removeUi = mountWidget(client, doc);
  let mounted = true;
  const unmount = () => {
    if (!mounted) return;
    mounted = false;
    removeUi();
  };
  return {
    ...client,
    unmount() {
      unmount();
      void client.shutdown().catch(() => {});
    },
    shutdown: async () => {
      unmount();
      await client.shutdown();
    },
  };
}

/** Options of `createHelpline`: core's options as callers write them (defaults filled in by validation). */
export type CreateHelplineOptions = HelplineOptionsInput;

export type {
  Appearance,
  Capabilities,
  ClientDeps,
  HelplineClient,
  HelplineEventName,
  HelplineEvents,
  HelplineOptionsInput,
  HelplineState,
  Prefill,
  SupportAdapter,
  ViewName,
  ViewState,
} from '@helpline/core';

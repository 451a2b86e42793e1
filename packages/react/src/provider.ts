import type { HelplineClient } from '@helpline/core';
import { type CreateHelplineOptions, createHelpline } from '@helpline/widget';
import { createElement, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { HelplineContext, type HelplineContextValue } from './context.js';
import { createLiveClient } from './live-client.js';

export interface HelplineProviderProps {
  /** Passed to createHelpline once, on mount. Change identity later with `identify`/`update`/`logout`. */
  options: CreateHelplineOptions;
  children?: ReactNode;
}

/**
 * Mounts the widget after the first render (never during SSR) and shuts it down on unmount, so
 * React's strict-mode double mount leaves exactly one widget.
 */
export function HelplineProvider({ options, children }: HelplineProviderProps) {
  const optionsRef = useRef(options);
  const [client, setClient] = useState<HelplineClient>();
  const live = useMemo(createLiveClient, []);

  useEffect(() => {
    const instance = createHelpline(optionsRef.current);
    live.set(instance);
    setClient(instance);
    return () => {
      live.clear();
      setClient(undefined);
      void instance.shutdown();
    };
  }, [live]);

  const value = useMemo<HelplineContextValue>(() => ({ client, live: live.get }), [client, live]);
  return createElement(HelplineContext.Provider, { value }, children);
}

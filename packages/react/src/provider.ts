import type { HelplineClient } from '@helpline/core';
import { type CreateHelplineOptions, createHelpline } from '@helpline/widget';
import { createElement, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { HelplineContext, type HelplineContextValue } from './context.js';

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
  const deferred = useMemo(() => {
    let resolve!: (client: HelplineClient) => void;
    const ready = new Promise<HelplineClient>((r) => {
      resolve = r;
    });
    return { ready, resolve };
  }, []);

  useEffect(() => {
    const instance = createHelpline(optionsRef.current);
    setClient(instance);
    deferred.resolve(instance);
    return () => {
      setClient(undefined);
      void instance.shutdown();
    };
  }, [deferred]);

  const value = useMemo<HelplineContextValue>(() => ({ client, ready: deferred.ready }), [client, deferred]);
  return createElement(HelplineContext.Provider, { value }, children);
}

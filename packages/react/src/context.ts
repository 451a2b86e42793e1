import type { HelplineClient } from '@helpline/core';
import { createContext } from 'react';

export interface HelplineContextValue {
  /** Undefined until the provider has mounted the widget (it never mounts during SSR). */
  client: HelplineClient | undefined;
  /** Resolves with the client once mounted; commands issued earlier wait for it. */
  ready: Promise<HelplineClient>;
}

export const HelplineContext = createContext<HelplineContextValue | null>(null);

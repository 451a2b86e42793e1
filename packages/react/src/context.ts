import type { HelplineClient } from '@helpline/core';
import { createContext } from 'react';

export interface HelplineContextValue {
  /** Undefined until the provider has mounted the widget (it never mounts during SSR). */
  client: HelplineClient | undefined;
  /** The mounted client; commands issued while none is mounted wait for the next. */
  live: () => Promise<HelplineClient>;
}

export const HelplineContext = createContext<HelplineContextValue | null>(null);

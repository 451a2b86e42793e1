import type { HelplineClient } from '@helpline/core';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The client every view reads state from and sends commands through; provided by the widget root. */
export const ClientContext = createContext<HelplineClient>(null!);

export function useClient(): HelplineClient {
  return useContext(ClientContext);
}

import { type HelplineClient, HOST_COMMANDS, type HostCommandName } from '@helpline/core';
import { useContext, useMemo } from 'react';
import { HelplineContext } from './context.js';
import { useSignalValue } from './use-signal-value.js';

type Commands = Pick<HelplineClient, HostCommandName>;

export interface UseHelpline extends Commands {
  client: HelplineClient | undefined;
  isOpen: boolean;
  unreadCount: number;
  status: HelplineClient['state']['status']['value'];
  availability: HelplineClient['state']['availability']['value'];
  view: HelplineClient['state']['view']['value'];
}

/** Commands and live state of the nearest HelplineProvider. Commands issued before mount wait for it;
 * under strict mode they reach the instance that survived the double mount. */
export function useHelpline(): UseHelpline {
  const context = useContext(HelplineContext);
  if (!context) throw new Error('useHelpline() must be used inside <HelplineProvider>.');
  const { client, live } = context;
  const state = client?.state;
  const commands = useMemo(() => {
    const entries = HOST_COMMANDS.map((name) => [
      name,
      async (...args: unknown[]) => {
        const instance = await live();
        return (instance[name] as (...a: unknown[]) => Promise<void>)(...args);
      },
    ]);
    return Object.fromEntries(entries) as unknown as Commands;
  }, [live]);
  return {
    ...commands,
    client,
    isOpen: useSignalValue(state?.isOpen, false),
    unreadCount: useSignalValue(state?.unreadCount, 0),
    status: useSignalValue(state?.status, 'idle'),
    availability: useSignalValue(state?.availability, undefined),
    view: useSignalValue(state?.view, { name: 'home' }),
  };
}

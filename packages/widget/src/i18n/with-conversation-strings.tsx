import type { ComponentType } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import chat from './en/chat.js';
import ticket from './en/ticket.js';
import { LocaleContext } from './locale-context.js';

const english: Readonly<Record<string, string>> = { ...chat, ...ticket };

/**
 * The chat and ticket views' English strings travel with those lazy views instead of the first-open
 * chunk: this wraps a view so its subtree sees them beneath the current locale's table.
 */
export function withConversationStrings<P extends object>(View: ComponentType<P>): ComponentType<P> {
  return function WithConversationStrings(props: P) {
    const value = useContext(LocaleContext);
    const extended = useMemo(() => ({ locale: value.locale, messages: { ...english, ...value.messages } }), [value]);
    return (
      <LocaleContext.Provider value={extended}>
        <View {...props} />
      </LocaleContext.Provider>
    );
  };
}

import type { ComponentType } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { LocaleContext } from './locale-context.js';
import type { Messages } from './messages.js';

/**
 * English strings that only lazy views use travel with those views instead of the first-open chunk:
 * this wraps a view so its subtree sees them beneath the current locale's table.
 */
export function withStrings<P extends object>(english: Messages, View: ComponentType<P>): ComponentType<P> {
  return function WithStrings(props: P) {
    const value = useContext(LocaleContext);
    const extended = useMemo(() => ({ locale: value.locale, messages: { ...english, ...value.messages } }), [value]);
    return (
      <LocaleContext.Provider value={extended}>
        <View {...props} />
      </LocaleContext.Provider>
    );
  };
}

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocaleContext, type LocaleValue } from './locale-context.js';
import { englishMessages, loadMessages } from './messages.js';

const ENGLISH: LocaleValue = { locale: 'en', messages: englishMessages };

/**
 * Renders at once in English, then swaps in the locale's table when its chunk has loaded. A locale
 * without a table stays English in every respect (lang, direction, plurals), not English words under
 * another language's rules.
 */
export function LocaleProvider({ locale, children }: { locale: string; children: ComponentChildren }) {
  const [value, setValue] = useState<LocaleValue>(ENGLISH);
  useEffect(() => {
    let current = true;
    void loadMessages(locale).then((messages) => {
      if (current) setValue(messages === englishMessages ? ENGLISH : { locale, messages });
    });
    return () => {
      current = false;
    };
  }, [locale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocaleContext, type LocaleValue } from './locale-context.js';
import { englishMessages, loadMessages } from './messages.js';

/** Renders at once in English, then swaps in the locale's table when its chunk has loaded. */
export function LocaleProvider({ locale, children }: { locale: string; children: ComponentChildren }) {
  const [value, setValue] = useState<LocaleValue>({ locale, messages: englishMessages });
  useEffect(() => {
    let current = true;
    void loadMessages(locale).then((messages) => {
      if (current) setValue({ locale, messages });
    });
    return () => {
      current = false;
    };
  }, [locale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

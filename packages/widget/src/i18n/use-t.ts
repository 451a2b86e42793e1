import { useCallback, useContext } from 'preact/hooks';
import { formatMessage, type MessageVars } from './format-message.js';
import { LocaleContext } from './locale-context.js';
import { directionOf, englishMessages } from './messages.js';

export type Translate = (key: string, vars?: MessageVars) => string;

/** Translates a key of the locale tables; keys missing in the current locale fall back to English. */
export function useT(): Translate {
  const { locale, messages } = useContext(LocaleContext);
  return useCallback(
    (key: string, vars?: MessageVars) => formatMessage(messages[key] ?? englishMessages[key] ?? key, vars, locale),
    [locale, messages],
  );
}

export function useDir(): 'ltr' | 'rtl' {
  return directionOf(useContext(LocaleContext).locale);
}

export function useLocale(): string {
  return useContext(LocaleContext).locale;
}

import en from './en/index.js';

export type Messages = Readonly<Record<string, string>>;

// English ships in the main chunk; every other locale is its own lazily imported chunk.
const lazyLocales: Record<string, () => Promise<{ default: Messages }>> = {
  de: () => import('./de/index.js'),
  ar: () => import('./ar/index.js'),
};

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

export const englishMessages: Messages = en;

/** The primary language subtag, lower-cased: 'de-AT' → 'de'. */
export const baseLanguage = (locale: string): string => locale.split('-')[0]?.toLowerCase() || 'en';

export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(baseLanguage(locale)) ? 'rtl' : 'ltr');

/** The table for a locale; English for unknown locales or when the chunk fails to load. */
export async function loadMessages(locale: string): Promise<Messages> {
  const load = lazyLocales[baseLanguage(locale)];
  if (!load) return englishMessages;
  try {
    return (await load()).default;
  } catch {
    return englishMessages;
  }
}

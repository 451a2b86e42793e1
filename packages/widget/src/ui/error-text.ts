import type { Translate } from '../i18n/use-t.js';

// The error's code picks the words: its message is for developers (English, with the HTTP details).
const KEYS: Readonly<Record<string, string>> = {
  network: 'chat.errorNetwork',
  rate_limited: 'chat.errorBusy',
  server: 'chat.errorServer',
  invalid_response: 'chat.errorServer',
  unauthorized: 'chat.errorSession',
  forbidden: 'chat.errorSession',
  not_found: 'chat.errorGone',
  invalid_input: 'chat.errorRefused',
};

/** What went wrong with a chat or ticket action, said in the user's language. */
export const errorText = (t: Translate, error: unknown): string =>
  t(KEYS[(error as { code?: unknown } | null | undefined)?.code as string] ?? 'common.error');

/** Why a file did not upload: the file itself (its size, its type) or what errorText says. */
export const uploadErrorText = (t: Translate, error: unknown): string => {
  const field = (error as { field?: unknown } | null | undefined)?.field;
  return field === 'file.size'
    ? t('chat.uploadTooLarge')
    : field === 'file.type'
      ? t('chat.uploadType')
      : errorText(t, error);
};

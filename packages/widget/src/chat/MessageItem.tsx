import { type Message, type OutboxItem, SIGNED_OUT } from '@helpline/core';
import { useLocale, useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { errorText } from '../ui/error-text.js';
import { httpHref } from './http-href.js';
import { MessageText } from './MessageText.js';

const time = (at: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(at));

/** One confirmed message; `showAuthor` is false inside a run from the same author. */
export function MessageItem({ message, showAuthor, seen }: { message: Message; showAuthor: boolean; seen: boolean }) {
  const t = useT();
  const locale = useLocale();
  const mine = message.author.type === 'user';
  return (
    <li class={`hl-msg ${mine ? 'hl-msg--mine' : 'hl-msg--theirs'}`}>
      {showAuthor && (
        <p class="hl-msg__meta">
          <span class="hl-msg__author">{mine ? t('chat.you') : (message.author.name ?? t('chat.support'))}</span>{' '}
          <time dateTime={message.createdAt}>{time(message.createdAt, locale)}</time>
        </p>
      )}
      <MessageText body={message.body} />
      {message.attachments.map((attachment) => {
        const href = httpHref(attachment.url);
        return href ? (
          <a key={attachment.id} class="hl-msg__file" href={href} target="_blank" rel="noopener noreferrer">
            {attachment.name}
          </a>
        ) : (
          <span key={attachment.id} class="hl-msg__file">
            {attachment.name}
          </span>
        );
      })}
      {seen && <p class="hl-msg__seen">{t('chat.seen')}</p>}
    </li>
  );
}

/**
 * A message still in the outbox: subtle while pending, with the error, Retry and Discard once failed.
 * One written by a signed-in user while nobody is signed in here comes without its text (core leaves
 * it out: whoever is here may be someone else), so it offers no Discard either: Retry checks again.
 */
export function PendingItem({ item }: { item: OutboxItem }) {
  const t = useT();
  const client = useClient();
  const failed = item.state === 'failed';
  const signedOut = item.error?.code === SIGNED_OUT;
  return (
    <li class={`hl-msg hl-msg--mine ${failed ? 'hl-msg--failed' : 'hl-msg--pending'}`}>
      {!signedOut && <MessageText body={item.body ?? ''} />}
      {failed ? (
        <div class="hl-msg__failure" role="alert">
          <p>{signedOut ? t('chat.signedOut') : t('chat.failed', { reason: errorText(t, item.error) })}</p>
          <button
            type="button"
            class="hl-link-button"
            onClick={() => void client.chat.retry(item.id).catch(() => undefined)}
          >
            {t('common.retry')}
          </button>
          {!signedOut && (
            <>
              {' '}
              <button
                type="button"
                class="hl-link-button"
                onClick={() => void client.chat.discard(item.id).catch(() => undefined)}
              >
                {t('chat.discard')}
              </button>
            </>
          )}
        </div>
      ) : (
        <p class="hl-msg__status">{t('chat.sending')}</p>
      )}
    </li>
  );
}

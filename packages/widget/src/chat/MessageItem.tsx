import type { Message, OutboxItem } from '@helpline/core';
import { useLocale, useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
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

/** A message still in the outbox: subtle while pending, with the error, Retry and Discard once failed. */
export function PendingItem({ item }: { item: OutboxItem }) {
  const t = useT();
  const client = useClient();
  const failed = item.state === 'failed';
  return (
    <li class={`hl-msg hl-msg--mine ${failed ? 'hl-msg--failed' : 'hl-msg--pending'}`}>
      <MessageText body={item.body ?? ''} />
      {failed ? (
        <div class="hl-msg__failure" role="alert">
          <p>{t('chat.failed', { reason: item.error?.message ?? t('common.error') })}</p>
          <button
            type="button"
            class="hl-link-button"
            onClick={() => void client.chat.retry(item.id).catch(() => undefined)}
          >
            {t('common.retry')}
          </button>{' '}
          <button
            type="button"
            class="hl-link-button"
            onClick={() => void client.chat.discard(item.id).catch(() => undefined)}
          >
            {t('chat.discard')}
          </button>
        </div>
      ) : (
        <p class="hl-msg__status">{t('chat.sending')}</p>
      )}
    </li>
  );
}

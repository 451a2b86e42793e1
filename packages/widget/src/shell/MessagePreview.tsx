import type { HelplineClient, Message } from '@helpline/core';
import { useEffect, useState } from 'preact/hooks';
import previewStrings from '../i18n/en/preview.js';
import { useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { IconButton } from '../ui/IconButton.js';
import { useClient } from './client-context.js';
import css from './MessagePreview.css.js';
import { useStyles } from './use-styles.js';
import { useValue } from './use-value.js';

/** An agent's reply to one of the visitor's chats (not a ticket's), come while the panel is closed. */
const isPreviewed = (client: HelplineClient, message: Message): boolean =>
  message.author.type !== 'user' &&
  !client.state.isOpen.peek() &&
  client.chat.conversations.peek().some((conversation) => conversation.id === message.conversationId);

/** Long replies are cut here; the thread has the rest. */
const MAX_PREVIEW = 160;

export interface MessagePreviewProps {
  /** The reply whose arrival fetched this chunk. */
  first: Message;
  launcher: { current: HTMLButtonElement | null };
}

/**
 * An agent's newest reply above the closed launcher, as messengers show it: who wrote and how it starts.
 * The card opens the thread; the close button puts it away. It goes away when the panel opens or the
 * reply is read elsewhere (another tab). It never takes focus; its words are said once through a polite
 * live region, filled after it is mounted so screen readers notice.
 */
function MessagePreviewBody({ first, launcher }: MessagePreviewProps) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const open = useValue(client.state.isOpen);
  const unread = useValue(client.state.unreadCount);
  const [message, setMessage] = useState(isPreviewed(client, first) ? first : undefined);
  const [said, setSaid] = useState('');
  useEffect(
    () =>
      client.on('message', ({ message: next }) => {
        if (isPreviewed(client, next)) setMessage(next);
      }),
    [],
  );
  useEffect(() => {
    if (open || unread === 0) setMessage(undefined);
  }, [open, unread]);
  const from = message?.author.name ?? t('preview.support');
  const body =
    message && message.body.length > MAX_PREVIEW ? `${message.body.slice(0, MAX_PREVIEW).trimEnd()}…` : message?.body;
  useEffect(() => setSaid(message ? t('preview.said', { name: from, text: body ?? '' }) : ''), [message?.id]);
  if (!message || open) return null;
  return (
    <div class="hl-preview">
      <button
        type="button"
        class="hl-preview__open"
        aria-label={t('preview.open', { name: from })}
        onClick={() => {
          setMessage(undefined);
          client.interacted();
          void client.open({ name: 'chat', conversationId: message.conversationId }).catch(() => {});
        }}
      >
        <span class="hl-preview__from" dir="auto">
          {from}
        </span>
        <span class="hl-preview__text" dir="auto">
          {body}
        </span>
      </button>
      <IconButton
        icon="close"
        label={t('preview.dismiss')}
        onClick={() => {
          setMessage(undefined);
          launcher.current?.focus();
        }}
      />
      <div class="hl-visually-hidden" aria-live="polite">
        {said}
      </div>
    </div>
  );
}

export const MessagePreview = withStrings(previewStrings, MessagePreviewBody);

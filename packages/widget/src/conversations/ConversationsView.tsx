import { useEffect } from 'preact/hooks';
import conversationStrings from '../i18n/en/conversation.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { relativeTime } from '../tickets/relative-time.js';
import { Button } from '../ui/Button.js';
import { EmptyState } from '../ui/EmptyState.js';
import type { ViewProps } from '../views.js';
import css from './ConversationsView.css.js';

/** The visitor's conversations, newest first, with a preview, unread count and status. */
function ConversationsViewBody(_props: ViewProps) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const locale = useLocale();
  useEffect(() => void client.chat.loadConversations().catch(() => undefined), []);
  const conversations = [...useValue(client.chat.conversations)].sort(
    (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt),
  );
  const now = new Date();
  return (
    <section class="hl-convs" aria-label={t('chat.conversationsTitle')}>
      <Button block icon="chat" onClick={() => void client.open({ name: 'chat' })}>
        {t('chat.newConversation')}
      </Button>
      {conversations.length === 0 ? (
        <EmptyState icon="chat" title={t('chat.noConversations')} />
      ) : (
        <ul class="hl-convs__list">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <button
                type="button"
                class="hl-convs__item"
                onClick={() => void client.open({ name: 'chat', conversationId: conversation.id })}
              >
                <span class="hl-convs__top">
                  <span class="hl-convs__status">{t(`chat.status.${conversation.status}`)}</span>
                  <span class="hl-convs__when">{relativeTime(conversation.updatedAt, now, locale)}</span>
                </span>
                <span class="hl-convs__preview">
                  {conversation.lastMessage?.body ?? conversation.subject ?? t('chat.noMessages')}
                </span>
                {conversation.unreadCount > 0 && (
                  <span class="hl-convs__unread">{t('chat.unread', { count: conversation.unreadCount })}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** ConversationsView, with the chat and ticket strings it needs. */
export const ConversationsView = withStrings(conversationStrings, ConversationsViewBody);

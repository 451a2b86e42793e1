import { useEffect } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';

const SHOWN = 3;

/** The visitor's latest conversations, newest first, with a link to all of them. */
export function RecentConversations() {
  const client = useClient();
  const t = useT();
  useEffect(() => {
    client.chat.loadConversations().catch(() => {});
  }, []);
  const conversations = [...useValue(client.chat.conversations)].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  if (conversations.length === 0) return null;
  return (
    <section class="hl-home__section" aria-labelledby="hl-home-recent">
      <h3 id="hl-home-recent" class="hl-home__heading">
        {t('home.recent')}
      </h3>
      <ul class="hl-articles">
        {conversations.slice(0, SHOWN).map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              class="hl-article-link"
              onClick={() => void client.open({ name: 'chat', conversationId: conversation.id }).catch(() => {})}
            >
              <span class="hl-article-link__title" dir="auto">
                {conversation.subject ?? t('home.conversation')}
                {conversation.unreadCount > 0 && (
                  <span class="hl-home__unread">
                    {' '}
                    <span aria-hidden="true">({conversation.unreadCount})</span>
                    <span class="hl-visually-hidden">{t('common.unread', { count: conversation.unreadCount })}</span>
                  </span>
                )}
              </span>
              {conversation.lastMessage && (
                <span class="hl-article-link__snippet" dir="auto">
                  {conversation.lastMessage.body}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="hl-home__more"
        onClick={() => void client.open({ name: 'conversations' }).catch(() => {})}
      >
        {t('home.allConversations')}
      </button>
    </section>
  );
}

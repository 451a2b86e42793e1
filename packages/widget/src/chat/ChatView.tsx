import { type Message, NEW_CHAT } from '@helpline/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { InstantAnswers } from '../answers/InstantAnswers.js';
import { useInstantAnswer } from '../answers/use-instant-answer.js';
import conversationStrings from '../i18n/en/conversation.js';
import { useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { errorText } from '../ui/error-text.js';
import { Spinner } from '../ui/Spinner.js';
import type { ViewProps } from '../views.js';
import { AvailabilityBanner } from './AvailabilityBanner.js';
import css from './ChatView.css.js';
import { Composer } from './Composer.js';
import { ContactCard } from './ContactCard.js';
import { CsatPrompt } from './CsatPrompt.js';
import { EndChat } from './EndChat.js';
import { MessageItem, PendingItem } from './MessageItem.js';
import { reveal } from './reveal.js';
import { useAnnouncer } from './use-announcer.js';
import { useKeepNewest } from './use-keep-newest.js';

const GROUP_GAP_MS = 5 * 60 * 1000;

/** Clients whose chat has said the email card is there. */
const cardAnnounced = new WeakSet<object>();

function startsGroup(message: Message, previous: Message | undefined): boolean {
  if (!previous) return true;
  if (previous.author.type !== message.author.type || previous.author.name !== message.author.name) return true;
  return Date.parse(message.createdAt) - Date.parse(previous.createdAt) > GROUP_GAP_MS;
}

/** A chat conversation, or a new one when the view has no conversation id. */
function ChatViewBody({ view }: ViewProps) {
  return <ChatThread key={view.conversationId ?? NEW_CHAT} conversationId={view.conversationId} />;
}

function ChatThread({ conversationId }: { conversationId: string | undefined }) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const thread = useValue(client.chat.thread(conversationId));
  const conversation = useValue(client.chat.conversations).find((other) => other.id === conversationId);
  const typing = useValue(client.chat.typing(conversationId ?? ''));
  const capabilities = useValue(client.state.capabilities);
  const availability = useValue(client.state.availability);
  const draft = useValue(client.chat.draft(conversationId ?? NEW_CHAT));
  // Answers show in the thread while the first message is typed, so the box being typed in stays put.
  const instant = useInstantAnswer(draft, conversationId === undefined);
  const scroller = useRef<HTMLDivElement>(null);
  const [announcement, announce] = useAnnouncer(thread.messages, !thread.loading, (message) =>
    t('chat.announce', { name: message.author.name ?? t('chat.support'), body: message.body }),
  );

  useEffect(() => {
    if (!conversationId || typeof document === 'undefined' || document.visibilityState === 'hidden') return;
    if ((conversation?.unreadCount ?? 0) > 0) void client.chat.markRead(conversationId).catch(() => undefined);
  }, [conversationId, conversation?.unreadCount, thread.messages.length]);

  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [thread.messages.length, thread.pending.length]);
  useKeepNewest(scroller);

  const lastUser = [...thread.messages].reverse().find((message) => message.author.type === 'user');
  const seenId =
    lastUser &&
    conversation?.agentLastReadAt &&
    Date.parse(conversation.agentLastReadAt) >= Date.parse(lastUser.createdAt)
      ? lastUser.id
      : undefined;
  const [endedHere, setEndedHere] = useState(false);
  const open = conversation !== undefined && conversation.status !== 'resolved';
  const resolved = conversation?.status === 'resolved' && capabilities.csat;
  // The email card, in an open conversation's thread only: a new chat's gives way to it as soon as the
  // backend has its id, and an email being typed into the card would go with it.
  const emailCard =
    open && (thread.pending.length > 0 || thread.messages.some((message) => message.author.type === 'user'));
  const away = availability !== undefined && availability.status !== 'online';
  const offering = useValue(client.contact.asks) && emailCard;
  const rating = resolved && conversation.csat === undefined;
  const wasRating = useRef(rating);

  // Resolved while the user watches: the rating form is added below the messages, out of sight.
  useEffect(() => {
    const element = scroller.current;
    const form = element?.querySelector('.hl-csat');
    if (rating && !wasRating.current && element && form) {
      reveal(element, form);
      announce(t('chat.csatAnnounce'));
    }
    wasRating.current = rating;
  }, [rating]);

  // The email card comes without taking focus, so it is said, politely and once per page.
  useEffect(() => {
    if (!offering || cardAnnounced.has(client)) return;
    cardAnnounced.add(client);
    announce(t('chat.contactAnnounce'));
  }, [offering]);

  return (
    <section class="hl-chat" aria-label={t('chat.title')}>
      <AvailabilityBanner brief={thread.messages.length > 0} />
      {open && capabilities.endChat && <EndChat conversationId={conversation.id} onEnding={setEndedHere} />}
      <div
        class="hl-chat__scroller"
        ref={scroller}
        onScroll={(event) => {
          if (conversationId && thread.hasMore && !thread.loading && event.currentTarget.scrollTop === 0)
            void client.chat.loadOlder(conversationId).catch(() => undefined);
        }}
      >
        {thread.hasMore && conversationId && (
          <button
            type="button"
            class="hl-link-button hl-chat__older"
            onClick={() => void client.chat.loadOlder(conversationId).catch(() => undefined)}
          >
            {t('chat.loadOlder')}
          </button>
        )}
        {thread.loading && <Spinner label={t('common.loading')} />}
        {thread.error && (
          <ErrorNotice
            message={errorText(t, thread.error)}
            onRetry={
              conversationId ? () => void client.chat.loadOlder(conversationId).catch(() => undefined) : undefined
            }
          />
        )}
        {!thread.loading && thread.messages.length === 0 && thread.pending.length === 0 && (
          <p class="hl-chat__intro">{t(away ? 'chat.introAway' : 'chat.intro')}</p>
        )}
        <ol class="hl-chat__list">
          {thread.messages.map((message, index) => (
            <MessageItem
              key={message.id}
              message={message}
              showAuthor={startsGroup(message, thread.messages[index - 1])}
              seen={message.id === seenId}
            />
          ))}
          {thread.pending.map((item) => (
            <PendingItem key={item.id} item={item} />
          ))}
        </ol>
        <div aria-live="polite">
          {typing.length > 0 && <p class="hl-chat__typing">{t('chat.typing', { name: typing.join(', ') })}</p>}
        </div>
        {instant.answer && <InstantAnswers answer={instant.answer} onDismiss={instant.dismiss} />}
        {endedHere && !open && (
          <p class="hl-chat__ended" role="status" tabIndex={-1} data-refocus>
            {t('chat.ended')}
          </p>
        )}
        {emailCard && <ContactCard away={away} />}
        {resolved && <CsatPrompt conversation={conversation} />}
      </div>
      <div class="hl-visually-hidden" aria-live="polite" data-testid="chat-live">
        {announcement}
      </div>
      <Composer conversationId={conversationId} />
    </section>
  );
}

/** ChatView, with the chat and ticket strings it needs. */
export const ChatView = withStrings(conversationStrings, ChatViewBody);

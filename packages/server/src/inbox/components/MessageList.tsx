import type { Message } from '@helpline/core';
import type { Ref } from 'preact';
import { strings } from '../strings.js';
import { formatTime } from '../util/duration.js';
import { AttachmentLink } from './AttachmentLink.js';
import { LinkifiedText } from './LinkifiedText.js';

/**
 * Messages as plain text (links made from http(s) URLs only); new ones are announced politely.
 * "(You)" marks the signed-in agent's own messages, not every agent's. Each body takes its direction
 * from its own text (`dir="auto"`), so Arabic or Hebrew reads right to left in a left-to-right inbox.
 */
export function MessageList({
  messages,
  agentId,
  visitorReadAt,
  end,
}: {
  messages: Message[];
  agentId: string | undefined;
  /** When the visitor last read the thread: the last agent message sent before it shows "Seen". */
  visitorReadAt?: string | undefined;
  /** Marks the end of the list, for whoever scrolls it there. */
  end: Ref<HTMLLIElement>;
}) {
  const readAt = visitorReadAt === undefined ? Number.NaN : Date.parse(visitorReadAt);
  const lastAgent = messages.findLast((message) => message.author.type === 'agent');
  const seen = lastAgent !== undefined && Date.parse(lastAgent.createdAt) <= readAt ? lastAgent.id : undefined;
  return (
    <ol class="messages" aria-label={strings.thread.messages} aria-live="polite" aria-relevant="additions">
      {messages.map((message) => {
        const mine = message.author.type === 'agent' && agentId !== undefined && message.author.id === agentId;
        const author =
          message.author.name ?? (message.author.type === 'user' ? strings.thread.visitor : message.author.type);
        return (
          <li key={message.id} class={`message message-${message.author.type}`}>
            <p class="message-meta">
              <span class="message-author">{mine ? `${author} (${strings.thread.you})` : author}</span>{' '}
              <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
            </p>
            <p class="message-text" dir="auto">
              <LinkifiedText text={message.body} />
            </p>
            {message.attachments.map((attachment) => (
              <AttachmentLink key={attachment.id} attachment={attachment} />
            ))}
            {message.id === seen ? (
              <p class="message-seen">
                {strings.thread.seen} <time dateTime={visitorReadAt}>{formatTime(visitorReadAt ?? '')}</time>
              </p>
            ) : null}
          </li>
        );
      })}
      <li ref={end} class="messages-end" aria-hidden="true" />
    </ol>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import type { InboxStore } from '../state/inbox-store.js';
import { entryKey } from '../state/queue-entries.js';
import type { Router } from '../state/router.js';
import { strings } from '../strings.js';
import { AssigneeControl } from './AssigneeControl.js';
import { Composer } from './Composer.js';
import { ConversationStatusControl } from './ConversationStatusControl.js';
import { EscalateButton } from './EscalateButton.js';
import { MessageList } from './MessageList.js';
import { TicketControls } from './TicketControls.js';
import { TicketDetails } from './TicketDetails.js';
import { TicketHistory } from './TicketHistory.js';
import { useFollowNewest } from './use-follow-newest.js';

/** The open conversation or ticket: header with controls, messages, reply box. */
export function ThreadView({ store, router }: { store: InboxStore; router: Router }) {
  const thread = store.thread.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const focusedFor = useRef<string | null>(null);
  const key = thread ? entryKey(thread.kind, thread.id) : null;
  const follow = useFollowNewest(thread?.messages ?? [], store.session.value?.agent.id);

  // Focus moves to the thread heading when a new thread has loaded (not on every update), without
  // scrolling to it: the message list has just scrolled to the newest message, which is what the
  // agent answers, and the reply box below it stays in view.
  useEffect(() => {
    if (key && focusedFor.current !== key) {
      focusedFor.current = key;
      heading.current?.focus({ preventScroll: true });
    }
  }, [key]);

  if (store.threadError.value)
    return (
      <section class="thread" aria-label={strings.thread.messages}>
        <p class="form-error" role="alert">
          {store.threadError.value}
        </p>
      </section>
    );
  if (!thread || !key)
    return (
      <section class="thread" aria-busy="true" aria-label={strings.thread.messages}>
        <p class="muted">{strings.loading}</p>
      </section>
    );

  const visitorName = thread.visitor?.name ?? thread.visitor?.email ?? strings.queue.anonymous;
  const title = thread.ticket
    ? `${thread.ticket.reference ?? thread.ticket.id}: ${thread.ticket.subject}`
    : (thread.conversation?.subject ?? visitorName);
  const typing = store.visitorTyping.value;
  const colleague = store.colleagueTyping.value;
  const typingLine = [
    typing?.conversationId === thread.id ? strings.thread.visitorTyping(typing.name) : '',
    colleague?.conversationId === thread.id ? strings.thread.colleagueTyping(colleague.name) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section class="thread" aria-labelledby="thread-title">
      <header class="thread-header">
        <a
          class="back-link"
          href="/inbox/"
          onClick={(event) => {
            event.preventDefault();
            router.navigate({ view: 'inbox' });
          }}
        >
          {strings.thread.back}
        </a>
        <h2 id="thread-title" tabIndex={-1} ref={heading} dir="auto">
          {title}
        </h2>
        {thread.conversation ? (
          <ConversationStatusControl
            status={thread.conversation.status}
            onChange={(status) => store.setConversationStatus(status)}
          />
        ) : null}
        {thread.conversation ? (
          <AssigneeControl
            id="conversation-assignee"
            assignee={thread.conversation.assignee}
            agents={store.agents.value}
            me={store.session.value?.agent}
            onChange={(agentId) => store.assignConversation(agentId)}
          />
        ) : null}
        {thread.ticket ? (
          <AssigneeControl
            id="ticket-assignee"
            assignee={thread.ticketAssignee}
            agents={store.agents.value}
            me={store.session.value?.agent}
            onChange={(agentId) => store.assignTicket(agentId)}
          />
        ) : null}
        {thread.ticket ? (
          <TicketControls ticket={thread.ticket} onChange={(patch) => store.updateTicket(patch)} />
        ) : null}
        <EscalateButton key={key} api={store.api} kind={thread.kind} id={thread.id} />
        <p class="visually-hidden" aria-live="polite">
          {store.notice.value}
        </p>
      </header>
      {thread.ticket ? <TicketDetails ticket={thread.ticket} queue={thread.queue} /> : null}
      <MessageList
        messages={thread.messages}
        agentId={store.session.value?.agent.id}
        visitorReadAt={thread.visitorReadAt}
        end={follow.end}
      />
      <div class="thread-footer">
        {follow.behind ? (
          <button type="button" class="button new-messages" onClick={follow.jump}>
            {strings.thread.newMessages}
            <span aria-hidden="true"> ↓</span>
          </button>
        ) : null}
        <p class="typing" aria-live="polite">
          {typingLine}
        </p>
        <Composer
          key={key}
          initialDraft={store.drafts.get(key)}
          onDraftChange={(draft) => store.drafts.set(key, draft)}
          onSend={(body, attachments) =>
            store.reply(
              body,
              attachments.map((attachment) => attachment.id),
            )
          }
          upload={store.api.uploadAttachment}
          threadFiles={store.filesFor(key)}
          uploadRules={store.session.value?.uploads}
          onTyping={
            thread.kind === 'conversation'
              ? (typingNow) => void store.api.sendTyping(thread.id, typingNow).catch(() => undefined)
              : undefined
          }
        />
      </div>
      {thread.ticket ? <TicketHistory history={thread.history} /> : null}
    </section>
  );
}

import { type Attachment, MAX_TEXT_LENGTH as MAX_LENGTH, NEW_CHAT } from '@helpline/core';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AttachButton, AttachmentTray } from '../attachments/AttachmentTray.js';
import { useAttachments } from '../attachments/use-attachments.js';
import { DiagnosticsToggle } from '../context-preview/DiagnosticsToggle.js';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { errorText } from '../ui/error-text.js';
import { IconButton } from '../ui/IconButton.js';
import { RedactionNote } from '../ui/RedactionNote.js';
import { useTypingSender } from './use-typing-sender.js';

/** The count of characters left shows from here on. */
const COUNT_FROM = 1_000;
const COUNT_ID = 'hl-composer-count';

// A new chat's thread is replaced by its conversation's once the backend gives it an id: the composer
// that replaces a focused one takes focus in the same render, so no keystroke falls in between.
let handOver = false;

/** The message box: draft kept in the client, Enter sends, Shift+Enter breaks the line, files by picker, paste or drop. */
export function Composer({ conversationId }: { conversationId: string | undefined }) {
  const client = useClient();
  const t = useT();
  const draftKey = conversationId ?? NEW_CHAT;
  const text = useValue(client.chat.draft(draftKey));
  const files = useAttachments();
  const typing = useTypingSender(conversationId);
  const [includeContext, setIncludeContext] = useState(client.options.privacy.diagnosticsByDefault);
  const [error, setError] = useState<string | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  const withFiles = useRef(false);
  const isNew = conversationId === undefined;
  const left = MAX_LENGTH - text.length;

  useLayoutEffect(() => {
    if (handOver) box.current?.focus();
    handOver = false;
    return () => {
      const element = box.current;
      if (!element || (element.getRootNode() as ShadowRoot).activeElement !== element) return;
      handOver = true;
      queueMicrotask(() => {
        handOver = false;
      });
    };
  }, []);

  const update = (value: string) => {
    client.chat.setDraft(draftKey, value);
    typing(value);
  };
  // The signal, not the rendered value: a key press can arrive before the re-render of the last input.
  const draft = () => client.chat.draft(draftKey).peek();
  const send = () => {
    const text = draft();
    if (withFiles.current || (text.trim() === '' && files.chosen.length === 0) || text.length > MAX_LENGTH) return;
    setError(undefined);
    if (files.chosen.length === 0) {
      deliver([]);
      return;
    }
    // Files still uploading go with the message once they are up (what is typed meanwhile, too);
    // one that fails stops it, and the tray says so. Until the message has them, another Enter
    // would send the same files again.
    withFiles.current = true;
    files
      .ready()
      .then((attachments) => attachments && deliver(attachments))
      .finally(() => {
        withFiles.current = false;
      });
  };
  const deliver = async (attachments: Attachment[]) => {
    const text = draft();
    if ((text.trim() === '' && attachments.length === 0) || text.length > MAX_LENGTH) return;
    const input = {
      body: text.trim() === '' ? attachments.map((a) => a.name).join(', ') : text,
      attachments,
      includeContext,
    };
    // Emptied now, so what the user types next is not taken for the message being sent.
    client.chat.setDraft(draftKey, '');
    await client.chat.send(conversationId ? { ...input, conversationId } : input).then(
      () => {
        files.sent(attachments);
        typing('');
      },
      (failure: unknown) => {
        if (draft() === '') client.chat.setDraft(draftKey, text);
        setError(errorText(t, failure));
      },
    );
  };
  const pasteFiles = (event: ClipboardEvent) => {
    const pasted = Array.from(event.clipboardData?.files ?? []).filter((file) => file.type.startsWith('image/'));
    if (pasted.length === 0) return;
    event.preventDefault();
    files.add(pasted);
  };

  return (
    <form
      class="hl-composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        if (event.dataTransfer?.files.length) files.add(Array.from(event.dataTransfer.files));
      }}
    >
      <AttachmentTray state={files} />
      {error && (
        <p class="hl-chat__error" role="alert">
          {error}
        </p>
      )}
      {isNew && (
        <DiagnosticsToggle
          include={includeContext}
          onChange={setIncludeContext}
          label={t('ticket.includeDiagnostics')}
          live={client.state.capabilities.value.livePage}
        />
      )}
      <div class="hl-composer__row">
        <AttachButton state={files} />
        <textarea
          ref={box}
          class="hl-composer__input"
          rows={1}
          data-autofocus
          maxLength={MAX_LENGTH}
          aria-label={t('chat.messageLabel')}
          aria-describedby={left <= COUNT_FROM ? COUNT_ID : undefined}
          placeholder={t('chat.placeholder')}
          value={text}
          onInput={(event) => update(event.currentTarget.value)}
          onPaste={pasteFiles}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
        <IconButton icon="send" label={t('chat.send')} type="submit" flipRtl />
      </div>
      <RedactionNote texts={[text]} />
      {left <= COUNT_FROM && (
        <p id={COUNT_ID} class={left < 0 ? 'hl-composer__count hl-composer__count--over' : 'hl-composer__count'}>
          {t(left < 0 ? 'chat.charsOver' : 'chat.charsLeft', { count: Math.abs(left) })}
        </p>
      )}
    </form>
  );
}

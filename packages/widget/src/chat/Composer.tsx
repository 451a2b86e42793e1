import { useState } from 'preact/hooks';
import { InstantAnswers } from '../answers/InstantAnswers.js';
import { useInstantAnswer } from '../answers/use-instant-answer.js';
import { AttachButton, AttachmentTray } from '../attachments/AttachmentTray.js';
import { useAttachments } from '../attachments/use-attachments.js';
import { DiagnosticsToggle } from '../context-preview/DiagnosticsToggle.js';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { IconButton } from '../ui/IconButton.js';
import { useTypingSender } from './use-typing-sender.js';

const NEW_DRAFT = 'new';

/** The message box: draft kept in the client, Enter sends, Shift+Enter breaks the line, files by picker, paste or drop. */
export function Composer({ conversationId }: { conversationId: string | undefined }) {
  const client = useClient();
  const t = useT();
  const draftKey = conversationId ?? NEW_DRAFT;
  const text = useValue(client.chat.draft(draftKey));
  const files = useAttachments();
  const typing = useTypingSender(conversationId);
  const [includeContext, setIncludeContext] = useState(client.options.privacy.diagnosticsByDefault);
  const [error, setError] = useState<string | undefined>();
  const isNew = conversationId === undefined;
  const instant = useInstantAnswer(text, isNew);

  const update = (value: string) => {
    client.chat.setDraft(draftKey, value);
    typing(value);
  };
  const send = () => {
    // The signal, not the rendered value: a key press can arrive before the re-render of the last input.
    const text = client.chat.draft(draftKey).peek();
    if (text.trim() === '' && files.attached.length === 0) return;
    setError(undefined);
    const input = {
      body: text.trim() === '' ? files.attached.map((a) => a.name).join(', ') : text,
      attachments: files.attached,
      includeContext,
    };
    client.chat.send(conversationId ? { ...input, conversationId } : input).then(
      () => {
        files.clear();
        typing('');
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : t('common.error')),
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
      {instant.answer && <InstantAnswers answer={instant.answer} onDismiss={instant.dismiss} />}
      <AttachmentTray state={files} />
      {error && (
        <p class="hl-chat__error" role="alert">
          {error}
        </p>
      )}
      {isNew && (
        <DiagnosticsToggle include={includeContext} onChange={setIncludeContext} label={t('chat.diagnostics')} />
      )}
      <div class="hl-composer__row">
        <AttachButton state={files} />
        <textarea
          class="hl-composer__input"
          rows={1}
          aria-label={t('chat.messageLabel')}
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
    </form>
  );
}

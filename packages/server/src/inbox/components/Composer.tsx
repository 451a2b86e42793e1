import type { Attachment } from '@helpline/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UploadRules } from '../api/schemas.js';
import { errorMessage } from '../state/inbox-store.js';
import type { ThreadFiles } from '../state/reply-files.js';
import { strings } from '../strings.js';
import { ReplyFiles } from './ReplyFiles.js';
import { type Upload, useReplyFiles } from './use-reply-files.js';

const TYPING_IDLE_MS = 3_000;
// Widgets expire a typing indicator that is not repeated; a long reply re-announces itself.
const TYPING_REFRESH_MS = 5_000;

interface ComposerProps {
  onSend: (body: string, attachments: Attachment[]) => Promise<void>;
  /** Uploads a file for this reply. */
  upload: Upload;
  /** This thread's files, kept by the store so they outlive the reply box. */
  threadFiles: ThreadFiles;
  /** The server's caps on reply files; until known, the server alone checks. */
  uploadRules: UploadRules | undefined;
  /** The draft kept for this thread, and where to keep it as it changes. */
  initialDraft?: string;
  onDraftChange?: (draft: string) => void;
  /** Called with true while the agent types and false once they stop or send. */
  onTyping?: ((typing: boolean) => void) | undefined;
}

const hasFiles = (transfer: DataTransfer | null): boolean => transfer?.types.includes('Files') ?? false;

/**
 * Reply box: Enter sends, Shift+Enter adds a line; files come from the Attach button, a paste or a
 * drop anywhere on it. The draft and the files survive a failed send.
 */
export function Composer({
  onSend,
  upload,
  threadFiles,
  uploadRules,
  onTyping,
  initialDraft = '',
  onDraftChange,
}: ComposerProps) {
  const [draft, setDraftState] = useState(initialDraft);
  const setDraft = (value: string): void => {
    setDraftState(value);
    onDraftChange?.(value);
  };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [dropping, setDropping] = useState(false);
  const files = useReplyFiles(threadFiles, upload, uploadRules, setAnnouncement);
  const picker = useRef<HTMLInputElement>(null);
  const typing = useRef(false);
  const typingSentAt = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function stopTyping(): void {
    clearTimeout(idle.current);
    if (typing.current) {
      typing.current = false;
      onTyping?.(false);
    }
  }

  useEffect(() => stopTyping, []);

  function onInput(value: string): void {
    setDraft(value);
    if (error) setError(null);
    if (!onTyping) return;
    if (value.trim() && (!typing.current || Date.now() - typingSentAt.current > TYPING_REFRESH_MS)) {
      typing.current = true;
      typingSentAt.current = Date.now();
      onTyping(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function addFiles(chosen: Iterable<File>): void {
    setError(null);
    files.add(chosen);
  }

  async function send(): Promise<void> {
    const body = draft.trim();
    if (files.uploading) return setError(strings.files.waitForUploads);
    if (files.failed) return setError(strings.files.removeFailed);
    if (!body && files.attachments.length === 0) return setError(strings.composer.empty);
    if (busy) return;
    stopTyping();
    setBusy(true);
    try {
      // Files alone are named in the text, as the widget does for visitors: previews and
      // notifications that show only the text then still say what came.
      await onSend(body || files.attachments.map((attachment) => attachment.name).join(', '), files.attachments);
      setDraft('');
      files.clear();
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class={`composer ${dropping ? 'dropping' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      onDragOver={(event) => {
        if (!hasFiles(event.dataTransfer)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event.dataTransfer)) return;
        event.preventDefault();
        setDropping(false);
        addFiles(event.dataTransfer?.files ?? []);
      }}
    >
      <label for="composer-input" class="visually-hidden">
        {strings.composer.label}
      </label>
      <textarea
        id="composer-input"
        rows={3}
        placeholder={strings.composer.placeholder}
        value={draft}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'composer-error' : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
        onPaste={(event) => {
          const pasted = [...(event.clipboardData?.files ?? [])];
          if (pasted.length === 0) return;
          event.preventDefault();
          addFiles(pasted);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <ReplyFiles files={files.files} onRemove={files.remove} />
      {error ? (
        <p id="composer-error" class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p id="composer-announcement" class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div class="composer-actions">
        <input
          ref={picker}
          type="file"
          multiple
          class="visually-hidden"
          tabIndex={-1}
          aria-label={strings.files.attach}
          accept={uploadRules?.types.join(',')}
          onChange={(event) => {
            addFiles(event.currentTarget.files ?? []);
            // The same file chosen again after a removal must fire change again.
            event.currentTarget.value = '';
          }}
        />
        <button type="button" class="button subtle" onClick={() => picker.current?.click()}>
          {strings.files.attach}
        </button>
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? strings.composer.sending : strings.composer.send}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';

const TYPING_IDLE_MS = 3_000;
// Widgets expire a typing indicator that is not repeated; a long reply re-announces itself.
const TYPING_REFRESH_MS = 5_000;

interface ComposerProps {
  onSend: (body: string) => Promise<void>;
  /** The draft kept for this thread, and where to keep it as it changes. */
  initialDraft?: string;
  onDraftChange?: (draft: string) => void;
  /** Called with true while the agent types and false once they stop or send. */
  onTyping?: ((typing: boolean) => void) | undefined;
}

/** Reply box: Enter sends, Shift+Enter adds a line; the draft survives a failed send. */
export function Composer({ onSend, onTyping, initialDraft = '', onDraftChange }: ComposerProps) {
  const [draft, setDraftState] = useState(initialDraft);
  const setDraft = (value: string): void => {
    setDraftState(value);
    onDraftChange?.(value);
  };
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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

  async function send(): Promise<void> {
    const body = draft.trim();
    if (!body) {
      setError(strings.composer.empty);
      return;
    }
    if (busy) return;
    stopTyping();
    setBusy(true);
    try {
      await onSend(body);
      setDraft('');
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
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
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      {error ? (
        <p id="composer-error" class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="button primary" disabled={busy}>
        {busy ? strings.composer.sending : strings.composer.send}
      </button>
    </form>
  );
}

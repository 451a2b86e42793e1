import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxApi } from '../api/inbox-api.js';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';

interface EscalateButtonProps {
  api: InboxApi;
  kind: 'conversation' | 'ticket';
  id: string;
}

type State = { kind: 'closed' } | { kind: 'editing' } | { kind: 'sending' } | { kind: 'sent'; endpoints: number };

/**
 * "Escalate to engineering" with an optional note. The server answers at once and delivers in the
 * background; a failure keeps the form open with the note so nothing typed is lost.
 */
export function EscalateButton({ api, kind, id }: EscalateButtonProps) {
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const fieldId = `escalate-note-${kind}-${id}`;
  // Focus follows the agent's action once the form has rendered (or gone): note on open, button on cancel.
  const moveFocus = useRef<'note' | 'button' | null>(null);
  useEffect(() => {
    if (moveFocus.current === 'note') noteField.current?.focus();
    if (moveFocus.current === 'button') opener.current?.focus();
    moveFocus.current = null;
  }, [state.kind]);

  const open = () => {
    moveFocus.current = 'note';
    setState({ kind: 'editing' });
    setError(null);
  };
  const close = () => {
    moveFocus.current = 'button';
    setState({ kind: 'closed' });
  };

  async function send(event: Event) {
    event.preventDefault();
    setState({ kind: 'sending' });
    setError(null);
    try {
      const result = await api.escalate(kind, id, note);
      setNote('');
      setState({ kind: 'sent', endpoints: result.endpoints });
    } catch (failure) {
      setError(errorMessage(failure));
      setState({ kind: 'editing' });
    }
  }

  const editing = state.kind === 'editing' || state.kind === 'sending';
  return (
    <div class="escalate">
      {editing ? (
        <form class="escalate-form" onSubmit={send} onKeyDown={(event) => event.key === 'Escape' && close()}>
          <label for={fieldId}>{strings.escalate.note}</label>
          <textarea
            id={fieldId}
            ref={noteField}
            rows={3}
            maxLength={4000}
            value={note}
            onInput={(event) => setNote(event.currentTarget.value)}
          />
          <div class="escalate-actions">
            <button type="submit" class="button" disabled={state.kind === 'sending'}>
              {state.kind === 'sending' ? strings.escalate.sending : strings.escalate.send}
            </button>
            <button type="button" class="button subtle" onClick={close}>
              {strings.escalate.cancel}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" class="button subtle" ref={opener} onClick={open}>
          {strings.escalate.open}
        </button>
      )}
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="escalate-status" role="status">
        {state.kind === 'sent' ? strings.escalate.sent(state.endpoints) : ''}
      </p>
    </div>
  );
}

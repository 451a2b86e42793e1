import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { Button } from '../ui/Button.js';
import { errorText } from '../ui/error-text.js';

/**
 * "End chat" on an open conversation, confirmed in place: ending resolves it for the agents too, and
 * peers' users ended chats by mistake where it looked like closing the panel. Writing again opens it.
 * `onEnding` hears of the attempt before the conversation changes, so that what replaces this bar
 * (and takes its focus) renders with that change; false again when it failed.
 */
export function EndChat({ conversationId, onEnding }: { conversationId: string; onEnding: (ending: boolean) => void }) {
  const client = useClient();
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const bar = useRef<HTMLDivElement>(null);
  const opened = useRef(false);

  // Into the question when it opens; back to "End chat" when the visitor keeps chatting. Before the
  // paint, in the commit that removed the button that had focus: a key pressed right after the click
  // (Enter to confirm) must land on the question's button, not where focus was rescued to meanwhile.
  useLayoutEffect(() => {
    if (asking || opened.current) bar.current?.querySelector('button')?.focus();
    opened.current = asking;
  }, [asking]);

  const end = () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    onEnding(true);
    client.chat.end(conversationId).catch((failure: unknown) => {
      onEnding(false);
      setBusy(false);
      setError(errorText(t, failure));
    });
  };

  return (
    <div class="hl-chat__bar" ref={bar}>
      {asking ? (
        <fieldset class="hl-chat__confirm">
          <legend>{t('chat.endQuestion')}</legend>
          <div class="hl-chat__actions">
            <Button onClick={end} aria-disabled={busy ? 'true' : undefined}>
              {t('chat.endConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              {t('chat.endCancel')}
            </Button>
          </div>
          {error && (
            <p role="alert" class="hl-chat__error">
              {error}
            </p>
          )}
        </fieldset>
      ) : (
        <button type="button" class="hl-link-button" onClick={() => setAsking(true)}>
          {t('chat.end')}
        </button>
      )}
    </div>
  );
}

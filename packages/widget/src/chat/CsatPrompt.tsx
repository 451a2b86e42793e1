import type { Conversation } from '@helpline/core';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { Button } from '../ui/Button.js';
import { errorText } from '../ui/error-text.js';
import { RedactionNote } from '../ui/RedactionNote.js';

const SCORES = [1, 2, 3, 4, 5] as const;

/** "How did we do?" once a conversation is resolved: a 1–5 score with labels and an optional comment. */
export function CsatPrompt({ conversation }: { conversation: Conversation }) {
  const client = useClient();
  const t = useT();
  const [score, setScore] = useState<number | undefined>();
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(conversation.csat !== undefined);
  const [error, setError] = useState<string | undefined>();
  if (sent)
    return (
      <p class="hl-csat__thanks" role="status" tabIndex={-1} data-refocus>
        {t('chat.csatThanks')}
      </p>
    );
  const submit = (event: Event) => {
    event.preventDefault();
    if (score === undefined) return;
    const csat = comment.trim() ? { score, comment: comment.trim() } : { score };
    client.chat.rate(conversation.id, csat).then(
      () => setSent(true),
      (failure: unknown) => setError(errorText(t, failure)),
    );
  };
  return (
    <form class="hl-csat" onSubmit={submit}>
      <fieldset>
        <legend>{t('chat.csatQuestion')}</legend>
        <div class="hl-csat__scores">
          {SCORES.map((value) => (
            <label key={value} class="hl-csat__score">
              <input
                type="radio"
                name="csat"
                value={value}
                checked={score === value}
                onChange={() => setScore(value)}
              />
              <span>{t(`chat.csat${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label class="hl-field">
        <span>{t('chat.csatComment')}</span>
        <textarea rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <RedactionNote texts={[comment]} />
      {error && (
        <p role="alert" class="hl-chat__error">
          {error}
        </p>
      )}
      <Button type="submit" disabled={score === undefined}>
        {t('chat.csatSubmit')}
      </Button>
    </form>
  );
}

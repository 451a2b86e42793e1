import type { Answer } from '@helpline/core';
import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { Button } from '../ui/Button.js';
import css from './InstantAnswers.css.js';

const MAX_PASSAGES = 3;

/** Top passages answering what the user is typing, with "This solved it" and "I still need help". */
export function InstantAnswers({ answer, onDismiss }: { answer: Answer; onDismiss: () => void }) {
  useStyles(css);
  const t = useT();
  const client = useClient();
  const [solved, setSolved] = useState(false);
  if (solved)
    return (
      <p class="hl-answers__thanks" role="status" tabIndex={-1} data-refocus>
        {t('chat.answerSolvedThanks')}
      </p>
    );
  return (
    <section class="hl-answers" aria-label={t('chat.answersTitle')}>
      <h3 class="hl-answers__title">{t('chat.answersTitle')}</h3>
      <ul class="hl-answers__list">
        {answer.passages.slice(0, MAX_PASSAGES).map((passage) => (
          <li key={`${passage.articleId}-${passage.heading ?? ''}`} class="hl-answers__item">
            <p class="hl-answers__article">{passage.articleTitle}</p>
            {passage.heading && <p class="hl-answers__heading">{passage.heading}</p>}
            <p class="hl-answers__text">{passage.text}</p>
            <button type="button" class="hl-link-button" onClick={() => void client.article(passage.articleId)}>
              {t('chat.readArticle')}
            </button>
          </li>
        ))}
      </ul>
      <div class="hl-answers__actions">
        <Button
          variant="secondary"
          onClick={() => {
            setSolved(true);
            void client.kb.resolveAnswer(answer, true).catch(() => undefined);
          }}
        >
          {t('chat.answerSolved')}
        </Button>
        <Button
          variant="secondary"
          onClick={(event) => {
            // Back to the box the question is typed in (the chat's marked one, the ticket's Subject), not the panel title.
            const view = event.currentTarget.closest('.hl-view');
            (view?.querySelector<HTMLElement>('[data-autofocus]') ?? view?.querySelector('input'))?.focus();
            onDismiss();
            void client.kb.resolveAnswer(answer, false).catch(() => undefined);
          }}
        >
          {t('chat.answerStillNeedHelp')}
        </Button>
      </div>
    </section>
  );
}

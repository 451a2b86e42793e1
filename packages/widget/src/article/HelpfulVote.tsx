import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { Button } from '../ui/Button.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { Icon } from '../ui/Icon.js';

type VoteState =
  | { state: 'idle' }
  | { state: 'sending'; helpful: boolean }
  | { state: 'done' }
  | { state: 'failed'; helpful: boolean };

/** "Was this helpful?" — one vote per view, with a thank-you once it is recorded. */
export function HelpfulVote({ articleId }: { articleId: string }) {
  const client = useClient();
  const t = useT();
  const [vote, setVote] = useState<VoteState>({ state: 'idle' });
  const send = (helpful: boolean) => {
    if (vote.state === 'sending') return;
    setVote({ state: 'sending', helpful });
    client.kb.rate(articleId, helpful).then(
      () => setVote({ state: 'done' }),
      () => setVote({ state: 'failed', helpful }),
    );
  };
  return (
    <section class="hl-vote" aria-labelledby="hl-vote-question">
      <div aria-live="polite">
        {vote.state === 'done' && (
          <p class="hl-vote__thanks" tabIndex={-1} data-refocus>
            <Icon name="check" />
            <span>{t('article.thanks')}</span>
          </p>
        )}
      </div>
      {vote.state !== 'done' && (
        <>
          <p id="hl-vote-question" class="hl-vote__question">
            {t('article.helpful')}
          </p>
          {/* aria-disabled, not disabled: a disabled button drops focus before the thanks can take it. */}
          <div class="hl-vote__buttons">
            <Button variant="secondary" aria-disabled={vote.state === 'sending'} onClick={() => send(true)}>
              {t('article.yes')}
            </Button>
            <Button variant="secondary" aria-disabled={vote.state === 'sending'} onClick={() => send(false)}>
              {t('article.no')}
            </Button>
          </div>
        </>
      )}
      {vote.state === 'failed' && <ErrorNotice message={t('article.voteError')} onRetry={() => send(vote.helpful)} />}
    </section>
  );
}

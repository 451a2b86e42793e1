import type { ViewName, ViewState } from '@helpline/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { Spinner } from '../ui/Spinner.js';
import { type ViewComponent, views } from '../views.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { useStyles } from './use-styles.js';
import css from './ViewHost.css.js';

type Load = { state: 'loading' } | { state: 'ready'; name: ViewName; Component: ViewComponent } | { state: 'failed' };

const viewKey = (view: ViewState) => [view.name, view.articleId, view.conversationId, view.ticketId].join('/');

/** Loads the current view's chunk and renders it inside an error boundary. */
export function ViewHost({ view, onShown }: { view: ViewState; onShown: (container: HTMLElement | null) => void }) {
  useStyles(css);
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const key = viewKey(view);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    views[view.name]().then(
      (Component) => current && setLoad({ state: 'ready', name: view.name, Component }),
      () => current && setLoad({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [view.name, attempt]);

  // Until the new chunk is in, never hand the previous view's component the new view's state.
  const ready = load.state === 'ready' && load.name === view.name;
  useEffect(() => {
    if (ready) onShown(container.current);
  }, [ready, key]);

  return (
    <div ref={container} key={key} class="hl-view">
      {!ready && load.state !== 'failed' && <Spinner label={t('common.loading')} />}
      {load.state === 'failed' && <ErrorNotice message={t('common.error')} onRetry={() => setAttempt((n) => n + 1)} />}
      {ready && (
        <ErrorBoundary>
          <load.Component view={view} />
        </ErrorBoundary>
      )}
    </div>
  );
}

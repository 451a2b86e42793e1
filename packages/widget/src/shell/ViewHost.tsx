import type { ViewName, ViewState } from '@helpline/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { Spinner } from '../ui/Spinner.js';
import { loadedView, loadView } from '../views.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { useStyles } from './use-styles.js';
import css from './ViewHost.css.js';

// The search view's articleId only says which result to focus: refining the search must not remount it.
const viewKey = (view: ViewState) =>
  [view.name, view.name === 'article' && view.articleId, view.conversationId, view.ticketId].join('/');

/** Loads the current view's chunk and renders it inside an error boundary. */
export function ViewHost({ view, onShown }: { view: ViewState; onShown: (container: HTMLElement | null) => void }) {
  useStyles(css);
  const t = useT();
  const [failed, setFailed] = useState<ViewName | undefined>(undefined);
  const [, setLoadedCount] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const key = viewKey(view);
  const Component = loadedView(view.name);

  // Loading starts in the same frame as the render, not after a paint.
  useLayoutEffect(() => {
    if (loadedView(view.name)) return;
    let current = true;
    setFailed(undefined);
    loadView(view.name).then(
      () => {
        if (current) setLoadedCount((n) => n + 1);
      },
      () => current && setFailed(view.name),
    );
    return () => {
      current = false;
    };
  }, [view.name, attempt]);

  const ready = Component !== undefined;
  const stuck = failed === view.name;
  // Focus moves after the paint: moving it while the key or click that opened the view is still being
  // dispatched would hand the rest of that input to the new view. A view that could not load gets
  // focus too (its Try again), so Escape and Tab still work.
  useEffect(() => {
    if (ready || stuck) onShown(container.current);
  }, [ready, stuck, key]);

  // A view whose code could not download (offline) loads by itself once the browser is back online,
  // and tries again a moment later while it is: 'online' can fire before requests go through.
  useEffect(() => {
    if (!stuck) return;
    const retry = () => setAttempt((n) => n + 1);
    addEventListener('online', retry);
    const again = navigator.onLine && attempt < 5 ? setTimeout(retry, 1000) : undefined;
    return () => {
      removeEventListener('online', retry);
      clearTimeout(again);
    };
  }, [stuck, attempt]);

  return (
    <div ref={container} key={key} class="hl-view">
      {Component ? (
        <ErrorBoundary>
          <Component view={view} />
        </ErrorBoundary>
      ) : stuck ? (
        <ErrorNotice
          message={navigator.onLine ? t('common.error') : t('common.offline')}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      ) : (
        <Spinner label={t('common.loading')} />
      )}
    </div>
  );
}

import type { Breadcrumb } from '@helpline/core';
import { strings } from '../strings.js';
import { formatTime } from '../util/duration.js';

const s = strings.context;

type Of<T extends Breadcrumb['type']> = Extract<Breadcrumb, { type: T }>;

/** Console errors, exceptions and failed requests first (they are why people write in), then events. */
export function ContextBreadcrumbs({ breadcrumbs }: { breadcrumbs: Breadcrumb[] }) {
  const problems = breadcrumbs.filter(
    (crumb): crumb is Of<'console'> | Of<'exception'> => crumb.type === 'console' || crumb.type === 'exception',
  );
  const requests = breadcrumbs.filter(
    (crumb): crumb is Of<'request'> => crumb.type === 'request' && (crumb.status === 0 || crumb.status >= 400),
  );
  const events = breadcrumbs.filter((crumb): crumb is Of<'event'> => crumb.type === 'event');
  return (
    <>
      <section class="context-section" aria-labelledby="context-errors">
        <h3 id="context-errors">{s.errors}</h3>
        {problems.length === 0 && requests.length === 0 ? <p class="muted">{s.noErrors}</p> : null}
        {problems.length > 0 ? (
          <>
            <h4>{s.consoleErrors}</h4>
            <ul class="plain-list problems">
              {problems.map((crumb, index) => (
                <li key={index} class={`problem ${crumb.type === 'console' ? `level-${crumb.level}` : 'level-error'}`}>
                  <span class="kind">{crumb.type === 'console' ? s.levels[crumb.level] : s.levels.exception}</span>{' '}
                  <code>{crumb.message}</code> <time dateTime={crumb.at}>{formatTime(crumb.at)}</time>
                  {crumb.type === 'exception' && crumb.stack ? <pre class="stack">{crumb.stack}</pre> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {requests.length > 0 ? (
          <>
            <h4>{s.failedRequests}</h4>
            <ul class="plain-list problems">
              {requests.map((crumb, index) => (
                <li key={index} class="problem level-error">
                  <span class="kind">{crumb.method}</span> <code>{crumb.url}</code>{' '}
                  <span class="status">{crumb.status === 0 ? s.networkError : crumb.status}</span>{' '}
                  <span class="muted">{s.durationMs(crumb.durationMs)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {events.length > 0 ? (
        <section class="context-section" aria-labelledby="context-events">
          <h3 id="context-events">{s.events}</h3>
          <ul class="plain-list">
            {events.map((crumb, index) => (
              <li key={index}>
                <time dateTime={crumb.at}>{formatTime(crumb.at)}</time> {crumb.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

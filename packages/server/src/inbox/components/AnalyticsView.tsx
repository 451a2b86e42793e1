import { useEffect, useRef, useState } from 'preact/hooks';
import type { InboxApi } from '../api/inbox-api.js';
import type { Analytics } from '../api/schemas.js';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';
import { AnalyticsDaily } from './AnalyticsDaily.js';

const a = strings.analytics;
const percent = (ratio: number | null): string => (ratio === null ? a.noData : `${Math.round(ratio * 100)}%`);
const minutes = (value: number | null): string => (value === null ? a.noData : a.minutes(value));

/** Deflection, article helpfulness, CSAT and first response against the SLA. */
export function AnalyticsView({ api }: { api: InboxApi }) {
  const [data, setData] = useState<Analytics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    api
      .analytics(30)
      .then(setData)
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, [api]);

  return (
    <div class="analytics">
      <h1 id="analytics-title" tabIndex={-1} ref={heading}>
        {a.title} <span class="muted small">{a.period}</span>
      </h1>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!data && !error ? <p class="muted">{strings.loading}</p> : null}
      {data ? (
        <>
          <dl class="stats">
            <div class="stat">
              <dt>{a.deflection}</dt>
              <dd>{percent(data.deflectionRate)}</dd>
            </div>
            <div class="stat">
              <dt>{a.helpSessions}</dt>
              <dd>{data.helpSessions}</dd>
            </div>
            <div class="stat">
              <dt>{a.escalations}</dt>
              <dd>{data.escalations}</dd>
            </div>
            <div class="stat">
              <dt>{a.csat}</dt>
              <dd>
                {percent(data.csat.score)}{' '}
                <span class="muted small">{a.csatDetail(data.csat.satisfied, data.csat.responses)}</span>
              </dd>
            </div>
            {data.answers ? (
              <div class="stat">
                <dt>{a.answers}</dt>
                <dd>
                  {percent(data.answers.selfServiceRate)}{' '}
                  <span class="muted small">
                    {a.answersDetail(data.answers.solved, data.answers.escalated, data.answers.questions)}
                  </span>
                </dd>
              </div>
            ) : null}
          </dl>
          <section aria-labelledby="first-response-title">
            <h2 id="first-response-title">{a.firstResponse}</h2>
            <table aria-labelledby="first-response-title">
              <thead>
                <tr>
                  <th scope="col">{a.severity}</th>
                  <th scope="col">{a.count}</th>
                  <th scope="col">{a.median}</th>
                  <th scope="col">{a.target}</th>
                  <th scope="col">{a.breaches}</th>
                </tr>
              </thead>
              <tbody>
                {data.firstResponse.map((row) => (
                  <tr key={row.severity}>
                    <th scope="row">
                      <span class={`severity severity-${row.severity}`}>{row.severity}</span>
                    </th>
                    <td>{row.count}</td>
                    <td class={row.medianMinutes !== null && row.medianMinutes > row.targetMinutes ? 'over' : ''}>
                      {minutes(row.medianMinutes)}
                    </td>
                    <td>{minutes(row.targetMinutes)}</td>
                    <td class={row.breaches > 0 ? 'over' : ''}>{row.breaches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="articles-title">
            <h2 id="articles-title">{a.articles}</h2>
            <table aria-labelledby="articles-title">
              <thead>
                <tr>
                  <th scope="col">{a.article}</th>
                  <th scope="col">{a.views}</th>
                  <th scope="col">{a.helpful}</th>
                  <th scope="col">{a.notHelpful}</th>
                  <th scope="col">{a.helpfulness}</th>
                  <th scope="col">{a.ticketsAfterView}</th>
                  <th scope="col">{a.attachRate}</th>
                </tr>
              </thead>
              <tbody>
                {data.articles.map((row) => (
                  <tr key={row.id} class={row.needsUpdate ? 'needs-update' : ''}>
                    <th scope="row">
                      {row.title}
                      {row.needsUpdate ? <span class="badge badge-warn">{a.needsUpdate}</span> : null}
                      {row.flags.length > 0 ? (
                        <span class="muted small flag-reasons">
                          {' '}
                          {row.flags.map((flag) => a.flags[flag]).join(', ')}
                        </span>
                      ) : null}
                    </th>
                    <td>{row.views}</td>
                    <td>{row.helpful}</td>
                    <td>{row.notHelpful}</td>
                    <td>{percent(row.helpfulness)}</td>
                    <td>{row.ticketsAfterView}</td>
                    <td>{percent(row.attachRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {data.series.length > 0 ? <AnalyticsDaily days={data.series} /> : null}
        </>
      ) : null}
    </div>
  );
}

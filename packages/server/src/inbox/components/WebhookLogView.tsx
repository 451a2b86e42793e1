import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { InboxApi } from '../api/inbox-api.js';
import type { WebhookLog } from '../api/schemas.js';
import { errorMessage } from '../state/inbox-store.js';
import { strings } from '../strings.js';

const w = strings.webhooks;

/** Configured endpoints and every delivery attempt (newest first) with its HTTP status. */
export function WebhookLogView({ api }: { api: InboxApi }) {
  const [data, setData] = useState<WebhookLog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const load = useCallback(() => {
    api
      .webhookLog()
      .then((log) => {
        setData(log);
        setError(null);
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, [api]);
  useEffect(load, [load]);

  return (
    <div class="webhooks">
      <h1 id="webhooks-title" tabIndex={-1} ref={heading}>
        {w.title}
      </h1>
      <button type="button" class="button subtle" onClick={load}>
        {w.refresh}
      </button>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!data && !error ? <p class="muted">{strings.loading}</p> : null}
      {data ? (
        <>
          <section aria-labelledby="webhook-endpoints-title">
            <h2 id="webhook-endpoints-title">{w.endpoints}</h2>
            {data.endpoints.length === 0 ? (
              <p class="muted">{w.noEndpoints}</p>
            ) : (
              <ul class="plain-list">
                {data.endpoints.map((endpoint) => (
                  <li key={endpoint.id}>
                    <strong>{endpoint.id}</strong> · {endpoint.host} · {endpoint.format} · {w.events}:{' '}
                    {endpoint.events
                      .map((event) => w.eventNames[event as keyof typeof w.eventNames] ?? event)
                      .join(', ')}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="webhook-log-title">
            <h2 id="webhook-log-title">{w.log}</h2>
            {data.deliveries.length === 0 ? (
              <p class="muted">{w.empty}</p>
            ) : (
              <table aria-labelledby="webhook-log-title">
                <thead>
                  <tr>
                    <th scope="col">{w.time}</th>
                    <th scope="col">{w.event}</th>
                    <th scope="col">{w.source}</th>
                    <th scope="col">{w.endpoint}</th>
                    <th scope="col">{w.attempt}</th>
                    <th scope="col">{w.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <td>
                        <time dateTime={delivery.at}>{new Date(delivery.at).toLocaleString()}</time>
                      </td>
                      <td>{w.eventNames[delivery.event]}</td>
                      <th scope="row">{delivery.source.reference ?? delivery.source.id}</th>
                      <td>{delivery.endpointId}</td>
                      <td>{delivery.attempt}</td>
                      <td class={delivery.ok ? 'ok' : 'over'}>
                        {delivery.ok ? w.delivered : w.failed} ({delivery.status || w.noResponse})
                        {delivery.error ? <span class="muted small"> {delivery.error}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

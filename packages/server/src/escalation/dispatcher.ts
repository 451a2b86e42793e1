import type { Database } from '../db/database.js';
import { type DeliveryAttempt, deliverWebhook, type WebhookEndpoint } from './deliver.js';
import type { EscalationPayload } from './payload.js';

export interface WebhookDispatcherOptions {
  db: Database;
  endpoints: readonly WebhookEndpoint[];
  retry: { maxAttempts: number; baseDelayMs: number };
  fetch?: typeof fetch;
}

/**
 * Sends payloads to the subscribed endpoints in the background: the agent's request never waits
 * for a receiver. Every attempt lands in webhook_deliveries; close() stops pending retries.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions) {
  const pending = new Set<Promise<void>>();
  const stop = new AbortController();
  const sleep = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (stop.signal.aborted) return reject(new Error('server closing'));
      const timer = setTimeout(() => {
        stop.signal.removeEventListener('abort', cancel);
        resolve();
      }, ms);
      const cancel = () => {
        clearTimeout(timer);
        reject(new Error('server closing'));
      };
      stop.signal.addEventListener('abort', cancel, { once: true });
    });

  async function record(workspaceId: string, payload: EscalationPayload, attempt: DeliveryAttempt): Promise<void> {
    await options.db.query(
      `insert into webhook_deliveries (workspace_id, endpoint_id, payload_id, event, source_kind, source_id, source_reference, attempt, status, ok, error, at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        workspaceId,
        attempt.endpointId,
        attempt.payloadId,
        attempt.type,
        payload.source.kind,
        payload.source.id,
        payload.source.reference ?? null,
        attempt.attempt,
        attempt.status,
        attempt.ok,
        attempt.error ?? null,
        attempt.at,
      ],
    );
  }

  return {
    /** Endpoints subscribed to the payload's event. */
    subscribers(type: EscalationPayload['type']): WebhookEndpoint[] {
      return options.endpoints.filter((endpoint) => endpoint.events.includes(type));
    },
    /** Starts delivery to every subscriber and returns how many there are; never throws. */
    dispatch(workspaceId: string, payload: EscalationPayload): number {
      const targets = this.subscribers(payload.type);
      if (stop.signal.aborted) return 0;
      for (const endpoint of targets) {
        const task = deliverWebhook(endpoint, payload, {
          ...(options.fetch ? { fetch: options.fetch } : {}),
          sleep,
          maxAttempts: options.retry.maxAttempts,
          baseDelayMs: options.retry.baseDelayMs,
          record: (attempt) => record(workspaceId, payload, attempt),
        })
          .then(() => undefined)
          // A failure here (closing server, lost database) must not become an unhandled rejection.
          .catch(() => undefined)
          .finally(() => pending.delete(task));
        pending.add(task);
      }
      return targets.length;
    },
    /** Resolves when every delivery started so far has finished (tests, shutdown). */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close(): Promise<void> {
      stop.abort();
      await this.idle();
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

import * as z from 'zod/mini';
import { toSlackMessage } from './formats.js';
import type { EscalationPayload } from './payload.js';
import { signWebhook } from './sign.js';

export const WebhookEndpoint = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  url: z.url({ protocol: /^https?$/ }),
  /** Signs every delivery (X-Helpline-Signature); required even for Slack so the log can be trusted. */
  secret: z.string().check(z.minLength(16)),
  format: z._default(z.enum(['helpline', 'slack']), 'helpline'),
  events: z._default(z.array(z.enum(['escalation', 'p0_ticket'])), ['escalation', 'p0_ticket']),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export interface DeliveryAttempt {
  endpointId: string;
  payloadId: string;
  type: EscalationPayload['type'];
  attempt: number;
  status: number;
  ok: boolean;
  error?: string;
  at: Date;
}

export interface DeliveryDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Every attempt is recorded (the inbox shows the log). */
  record: (attempt: DeliveryAttempt) => Promise<void>;
  maxAttempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
}

const retryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

/**
 * Delivers one payload to one endpoint: retries network errors, 408, 429 and 5xx with exponential
 * backoff and full jitter; stops at the first other 4xx (the receiver refused it for good).
 */
export async function deliverWebhook(
  endpoint: WebhookEndpoint,
  payload: EscalationPayload,
  deps: DeliveryDeps,
): Promise<DeliveryAttempt> {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const maxAttempts = deps.maxAttempts ?? 5;
  const base = deps.baseDelayMs ?? 1000;
  const body = JSON.stringify(endpoint.format === 'slack' ? toSlackMessage(payload) : payload);
  let last: DeliveryAttempt | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let status = 0;
    let error: string | undefined;
    try {
      const response = await fetchImpl(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Helpline-Webhooks/1',
          'x-helpline-event': payload.type,
          'x-helpline-delivery': `${payload.id}:${endpoint.id}`,
          'x-helpline-signature': signWebhook(body, endpoint.secret, now()),
        },
        body,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
        redirect: 'manual',
      });
      status = response.status;
      if (!response.ok) error = `receiver answered ${response.status}`;
      await response.body?.cancel();
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    last = {
      endpointId: endpoint.id,
      payloadId: payload.id,
      type: payload.type,
      attempt,
      status,
      ok: error === undefined,
      at: now(),
    };
    if (error !== undefined) last.error = error;
    await deps.record(last);
    if (last.ok || !retryable(status) || attempt === maxAttempts) return last;
    await sleep(Math.round(random() * Math.min(60_000, base * 2 ** (attempt - 1))));
  }
  return last as DeliveryAttempt;
}

import { between, HttpUrl, positive, whole } from '@helpline/core';
import * as z from 'zod/mini';

export const HttpAdapterOptions = z.object({
  /** Origin (and optional path prefix) of the Helpline server, e.g. `https://support.example.com`. */
  baseUrl: HttpUrl,
  /** The workspace's public widget key (safe to ship in the page). */
  workspaceKey: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Per-request timeout in milliseconds. @default 10000 */
  timeoutMs: z._default(z.number().check(whole(), positive()), 10_000),
  /** Retries of idempotent requests (GET) on network errors, 408, 429 and 5xx. @default 2 */
  retries: z._default(z.number().check(whole(), between(0, 10)), 2),
  /** Realtime reconnect backoff bounds in milliseconds. @default { baseMs: 1000, maxMs: 30000 } */
  reconnect: z._default(z.object({ baseMs: z.number().check(positive()), maxMs: z.number().check(positive()) }), {
    baseMs: 1000,
    maxMs: 30_000,
  }),
});
export type HttpAdapterOptions = z.infer<typeof HttpAdapterOptions>;
export type HttpAdapterOptionsInput = z.input<typeof HttpAdapterOptions>;

export interface HttpAdapterDeps {
  fetch?: typeof fetch;
  random?: () => number;
  /** Used for upload progress in browsers; absent in Node, where progress is reported once at the end. */
  XMLHttpRequest?: typeof XMLHttpRequest;
}

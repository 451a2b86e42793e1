import { Category, FormField, Severity } from '@helpline/core';
import * as z from 'zod/mini';

/** A Helpline form field backed by a Zendesk ticket field (Admin Center → Objects and rules → Ticket fields). */
export const ZendeskTicketField = z.extend(FormField, {
  /** The numeric id of the Zendesk ticket field the value is written to. */
  zendeskId: z.number().check(z.int(), z.positive()),
});
export type ZendeskTicketField = z.infer<typeof ZendeskTicketField>;

export const ZendeskAdapterOptions = z
  .object({
    /** `acme` for https://acme.zendesk.com. Give this or `baseUrl`. */
    subdomain: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/i))),
    /** Full origin, for a host-mapped Help Center or a proxy, e.g. `https://support.acme.com`. */
    baseUrl: z.optional(z.url()),
    /** Help Center locale used for search and article pages. @default 'en-us' */
    helpCenterLocale: z._default(z.string().check(z.regex(/^[a-z]{2}(-[a-z0-9]{2,8})*$/i)), 'en-us'),
    /** Custom fields shown on the ticket form, each mapped to a Zendesk ticket field id. */
    ticketFields: z._default(z.array(ZendeskTicketField), []),
    /** Zendesk ticket field (drop-down whose tags are Helpline category names) that stores the category. */
    categoryFieldId: z.optional(z.number().check(z.int(), z.positive())),
    categories: z._default(z.array(Category), ['outage', 'billing_access', 'how_to', 'bug', 'feature_request']),
    /** Helpline's first-response targets per severity, in minutes (Zendesk SLA policies are not visible to end users). */
    firstResponseMinutes: z.optional(z.record(Severity, z.number().check(z.positive()))),
    /** Upload limits checked before sending; Zendesk's own account limit still applies. */
    attachments: z._default(
      z.object({ maxBytes: z.number().check(z.int(), z.positive()), types: z.array(z.string()) }),
      { maxBytes: 10 * 1024 * 1024, types: ['image/*', 'application/pdf', 'text/plain'] },
    ),
    /** Per-request timeout in milliseconds. @default 10000 */
    timeoutMs: z._default(z.number().check(z.int(), z.positive()), 10_000),
  })
  .check(
    z.refine((o) => Boolean(o.subdomain) !== Boolean(o.baseUrl), {
      message: 'give exactly one of subdomain or baseUrl',
      path: ['subdomain'],
    }),
  );
export type ZendeskAdapterOptions = z.infer<typeof ZendeskAdapterOptions>;
export type ZendeskAdapterOptionsInput = z.input<typeof ZendeskAdapterOptions>;

export interface ZendeskAdapterDeps {
  fetch?: typeof fetch;
  now?: () => Date;
}

export function originOf(options: ZendeskAdapterOptions): string {
  return (options.baseUrl ?? `https://${options.subdomain}.zendesk.com`).replace(/\/+$/, '');
}

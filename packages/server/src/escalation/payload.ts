import { Category, type ContextSnapshot, Severity } from '@helpline/core';
import * as z from 'zod/mini';

/**
 * What engineering receives when an agent escalates (docs/self-service.md documents every field).
 * Built only from the redacted context snapshot: nothing the widget did not already redact leaves.
 */
export const EscalationPayload = z.object({
  type: z.enum(['escalation', 'p0_ticket']),
  id: z.string(),
  createdAt: z.string(),
  workspace: z.object({ id: z.string(), name: z.string() }),
  source: z.object({
    kind: z.enum(['ticket', 'conversation']),
    id: z.string(),
    reference: z.optional(z.string()),
    url: z.optional(z.string()),
  }),
  summary: z.string(),
  severity: z.optional(Severity),
  category: z.optional(Category),
  note: z.optional(z.string()),
  escalatedBy: z.optional(z.object({ id: z.string(), name: z.string() })),
  customer: z.object({
    user: z.optional(
      z.object({ id: z.optional(z.string()), name: z.optional(z.string()), email: z.optional(z.string()) }),
    ),
    account: z.optional(
      z.object({
        id: z.optional(z.string()),
        name: z.optional(z.string()),
        plan: z.optional(z.string()),
        seats: z.optional(z.number()),
      }),
    ),
    verified: z.boolean(),
    /** The email the visitor typed for replies (unverified, unlike `user.email` from the host). */
    contact: z.optional(z.object({ email: z.string(), name: z.optional(z.string()) })),
  }),
  page: z.optional(z.object({ url: z.string(), title: z.string() })),
  reproSteps: z.array(z.string()),
  consoleErrors: z.array(z.string()),
  failedRequests: z.array(
    z.object({ method: z.string(), url: z.string(), status: z.number(), durationMs: z.number() }),
  ),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  alreadyTried: z.array(z.string()),
});
export type EscalationPayload = z.infer<typeof EscalationPayload>;

export interface EscalationSource {
  type: EscalationPayload['type'];
  id: string;
  now: Date;
  workspace: { id: string; name: string };
  source: EscalationPayload['source'];
  summary: string;
  severity?: EscalationPayload['severity'];
  category?: EscalationPayload['category'];
  note?: string;
  escalatedBy?: { id: string; name: string };
  verified: boolean;
  /** Who the server knows the visitor as; used when the snapshot names no user. */
  visitor?: { id?: string; name?: string; email?: string } | undefined;
  contact?: { email: string; name?: string } | undefined;
  context: ContextSnapshot | null;
  attachments: { name: string; url: string }[];
}

/** Turns the context snapshot into the structured repro engineers need. */
export function buildEscalationPayload(input: EscalationSource): EscalationPayload {
  const context = input.context;
  const crumbs = context?.breadcrumbs ?? [];
  const user = context?.user ?? input.visitor;
  const payload: EscalationPayload = {
    type: input.type,
    id: input.id,
    createdAt: input.now.toISOString(),
    workspace: input.workspace,
    source: input.source,
    summary: input.summary,
    customer: {
      ...(user ? { user: pick(user, ['id', 'name', 'email']) } : {}),
      ...(context?.account ? { account: pick(context.account, ['id', 'name', 'plan', 'seats']) } : {}),
      verified: input.verified,
      ...(input.contact ? { contact: pick(input.contact, ['email', 'name']) } : {}),
    },
    reproSteps: (context?.routeTrail ?? []).map(
      (visit) => `${visit.at} visited ${visit.path}${visit.title ? ` (${visit.title})` : ''}`,
    ),
    consoleErrors: crumbs.flatMap((crumb) =>
      crumb.type === 'console'
        ? [`[${crumb.level}] ${crumb.message}`]
        : crumb.type === 'exception'
          ? [crumb.message]
          : [],
    ),
    failedRequests: crumbs.flatMap((crumb) =>
      crumb.type === 'request'
        ? [{ method: crumb.method, url: crumb.url, status: crumb.status, durationMs: crumb.durationMs }]
        : [],
    ),
    attachments: input.attachments,
    alreadyTried: (context?.selfService ?? []).map((item) => `${item.kind}: ${item.title ?? item.ref}`),
  };
  if (input.severity) payload.severity = input.severity;
  if (input.category) payload.category = input.category;
  if (input.note) payload.note = input.note;
  if (input.escalatedBy) payload.escalatedBy = input.escalatedBy;
  if (context) payload.page = { url: context.page.url, title: context.page.title };
  return EscalationPayload.parse(payload);
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

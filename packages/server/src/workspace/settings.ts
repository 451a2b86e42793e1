import { BusinessHours, FormField, parseWith, Severity } from '@helpline/core';
import * as z from 'zod/mini';

/** Per-workspace behaviour, stored as jsonb and parsed on every read (storage is a boundary too). */
export const WorkspaceSettings = z.object({
  /** Accept a claimed user id without HMAC/JWT proof (flagged verified: false). */
  allowUnverified: z._default(z.boolean(), true),
  /** Team hours; absent = 24/7. SLA clocks pause while closed. */
  businessHours: z.optional(BusinessHours),
  /** First-response targets per severity overriding the defaults (15 min / 1 h / 4 h / 24 h). */
  firstResponseMinutes: z.optional(z.partialRecord(Severity, z.number().check(z.positive()))),
  /** Plans whose tickets get one priority level higher. */
  priorityPlans: z._default(z.array(z.string()), ['enterprise']),
  /** Plans with 24/7 coverage: their SLA clock ignores business hours. */
  alwaysOnPlans: z._default(z.array(z.string()), ['enterprise']),
  expectedReplyMinutes: z._default(z.number().check(z.nonnegative()), 5),
  ticketFields: z._default(z.array(FormField), []),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export interface Workspace {
  id: string;
  name: string;
  publicKey: string;
  secret: string;
  settings: WorkspaceSettings;
}

interface WorkspaceRow {
  id: string;
  name: string;
  public_key: string;
  secret: string;
  settings: unknown;
}

export const WORKSPACE_COLUMNS = 'id, name, public_key, secret, settings';

export function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key,
    secret: row.secret,
    settings: parseWith(WorkspaceSettings, row.settings ?? {}, `Settings of workspace ${row.id}`),
  };
}

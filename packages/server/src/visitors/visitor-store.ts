import { randomUUID } from 'node:crypto';
import type { Contact, ContextAccount, Identity, LivePage } from '@helpline/core';
import type { Queryable } from '../db/database.js';

export interface Visitor {
  id: string;
  workspaceId: string;
  visitorId: string;
  userId: string | null;
  name: string | null;
  email: string | null;
  verified: boolean;
  account: ContextAccount | null;
  plan: string | null;
  /** The email the visitor typed for replies (POST /v1/contact): nobody checked it is theirs. */
  contact: GivenContact | null;
}

export type GivenContact = Contact & { at: string };

export interface VisitorRow {
  id: string;
  workspace_id: string;
  visitor_id: string;
  user_id: string | null;
  name: string | null;
  email: string | null;
  verified: boolean;
  account: ContextAccount | null;
  user_data: { plan?: string } | null;
  contact: GivenContact | null;
}

export const VISITOR_COLUMNS =
  'id, workspace_id, visitor_id, user_id, name, email, verified, account, user_data, contact';

export const toVisitor = (row: VisitorRow): Visitor => ({
  id: row.id,
  workspaceId: row.workspace_id,
  visitorId: row.visitor_id,
  userId: row.user_id,
  name: row.name,
  email: row.email,
  verified: row.verified,
  account: row.account,
  plan: row.account?.plan ?? row.user_data?.plan ?? null,
  contact: row.contact,
});

export interface VisitorIdentity {
  identity: Identity;
  verified: boolean;
  userId?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  account?: ContextAccount | undefined;
}

/**
 * A verified user is one visitor across devices (keyed by user id); anyone else is keyed by the
 * widget's visitor id, so an unverified claim can never reach a verified user's conversations.
 */
export async function upsertVisitor(db: Queryable, workspaceId: string, input: VisitorIdentity): Promise<Visitor> {
  const key = input.verified && input.userId ? `user:${input.userId}` : `visitor:${input.identity.visitorId}`;
  const user = input.identity.user;
  const [row] = await db.query<VisitorRow>(
    `insert into visitors (id, workspace_id, identity_key, visitor_id, user_id, name, email, verified, account, user_data, locale)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)
     on conflict (workspace_id, identity_key) do update set
       visitor_id = excluded.visitor_id, user_id = excluded.user_id, name = coalesce(excluded.name, visitors.name),
       email = coalesce(excluded.email, visitors.email), verified = excluded.verified,
       account = coalesce(excluded.account, visitors.account), user_data = coalesce(excluded.user_data, visitors.user_data),
       locale = coalesce(excluded.locale, visitors.locale), last_seen_at = now()
     returning ${VISITOR_COLUMNS}`,
    [
      randomUUID(),
      workspaceId,
      key,
      input.identity.visitorId,
      input.userId ?? user?.id ?? null,
      input.name ?? user?.name ?? null,
      input.email ?? user?.email ?? null,
      input.verified,
      input.account ?? input.identity.account ?? null,
      user ?? null,
      input.identity.locale ?? null,
    ],
  );
  if (!row) throw new Error('visitor upsert returned nothing');
  return toVisitor(row);
}

export async function visitorById(db: Queryable, workspaceId: string, id: string): Promise<Visitor | undefined> {
  const [row] = await db.query<VisitorRow>(
    `select ${VISITOR_COLUMNS} from visitors where workspace_id = $1 and id = $2`,
    [workspaceId, id],
  );
  return row ? toVisitor(row) : undefined;
}

/** Where the visitor last said they are (POST /v1/page), if they shared it. */
export async function livePageOf(
  db: Queryable,
  workspaceId: string,
  visitorPk: string,
): Promise<(LivePage & { at: string }) | undefined> {
  const [row] = await db.query<{ live_page: (LivePage & { at: string }) | null }>(
    'select live_page from visitors where workspace_id = $1 and id = $2',
    [workspaceId, visitorPk],
  );
  return row?.live_page ?? undefined;
}

/** What the agent inbox shows about a visitor; `contact` is what they typed, apart from the host's `email`. */
export function visitorSummary(visitor: Visitor): {
  id: string;
  name?: string;
  email?: string;
  verified: boolean;
  contact?: GivenContact;
} {
  return {
    id: visitor.id,
    ...(visitor.name ? { name: visitor.name } : {}),
    ...(visitor.email ? { email: visitor.email } : {}),
    verified: visitor.verified,
    ...(visitor.contact ? { contact: visitor.contact } : {}),
  };
}

/**
 * What priority, SLA clocks and routing may rely on about who asks: the account the visitor signed in
 * with, and only when their identity is verified. A ticket's context snapshot and an anonymous
 * visitor's claims are what the page says, which the user can edit.
 */
export function trustedAccount(visitor: Visitor | undefined): {
  plan?: string;
  seats?: number;
  custom?: ContextAccount['custom'];
} {
  if (!visitor?.verified) return {};
  return {
    ...(visitor.plan !== null ? { plan: visitor.plan } : {}),
    ...(visitor.account?.seats !== undefined ? { seats: visitor.account.seats } : {}),
    ...(visitor.account?.custom !== undefined ? { custom: visitor.account.custom } : {}),
  };
}

import { StreamEndReason } from '@helpline/core';
import * as z from 'zod/mini';
import type { Database, Queryable } from '../db/database.js';

/** Who an event is for: the visitor's widget, the workspace's agents, or both. */
export type Audience = 'visitor' | 'agents' | 'all';

export interface StoredEvent {
  /** Row id, the SSE `id:`; null for ephemeral events (typing) that are never replayed. */
  id: number | null;
  workspaceId: string;
  /** The visitor it concerns; null for workspace-wide events (presence). */
  visitorPk: string | null;
  audience: Audience;
  payload: Record<string, unknown>;
}

/** A subscriber's view: a visitor's widget or a workspace's agent inbox. */
export type EventFilter = { workspaceId: string; visitorPk: string } | { workspaceId: string; agents: true };

export type EventListener = (event: StoredEvent) => void;

export const CHANNEL = 'helpline_events';

// Any constant works; it only has to be the same for every instance on one database.
const EVENT_LOCK = 0x48_4c_45;

/**
 * Ends, on every instance, the streams opened with the credential `end` names (stream-end.ts).
 * It travels on the events channel so it is handled in order with them: an event published after
 * a logout never reaches a stream that logout ended, whichever instance holds it.
 */
export const EndNotice = z.object({ end: z.string(), reason: StreamEndReason });
export type EndNotice = z.infer<typeof EndNotice>;
export type EndListener = (notice: EndNotice) => void;

interface EventRow {
  id: string | number;
  workspace_id: string;
  visitor_pk: string | null;
  audience: Audience;
  payload: Record<string, unknown>;
}

const toEvent = (row: EventRow): StoredEvent => ({
  id: Number(row.id),
  workspaceId: row.workspace_id,
  visitorPk: row.visitor_pk,
  audience: row.audience,
  payload: row.payload,
});

export function eventMatches(filter: EventFilter, event: StoredEvent): boolean {
  if (event.workspaceId !== filter.workspaceId) return false;
  if ('agents' in filter) return event.audience !== 'visitor';
  return event.audience !== 'agents' && (event.visitorPk === null || event.visitorPk === filter.visitorPk);
}

/**
 * Events are rows first (so a reconnecting client replays what it missed by id), then a NOTIFY
 * carrying the id. Every instance LISTENs — PGlite and PostgreSQL alike, one code path — and fans
 * the event out to its own subscribers, so a message written on one instance reaches SSE clients
 * connected to another.
 */
export class RealtimeHub {
  readonly #db: Database;
  readonly #listeners = new Map<EventListener, EventFilter>();
  readonly #onEnd: EndListener;
  #stopListening: (() => Promise<void>) | undefined;
  // Notifications are handled one after another, so subscribers see ids in increasing order.
  #delivery: Promise<void> = Promise.resolve();
  // Per workspace: ids are in commit order only within one (see publish).
  readonly #newest = new Map<string, number>();

  constructor(db: Database, onEnd: EndListener) {
    this.#db = db;
    this.#onEnd = onEnd;
  }

  async start(): Promise<void> {
    this.#stopListening = await this.#db.listen(CHANNEL, (payload) => this.#onNotification(payload));
  }

  /**
   * The id of the workspace's newest event fanned out here (or, before the first, stored): a new
   * stream's starting point, so that a client which received nothing before its stream ended still
   * resumes from where it began. Not the newest of all workspaces: another workspace's later id can
   * commit while an earlier one of this workspace is still committing, and a resume past it would
   * skip that event.
   */
  async newestId(workspaceId: string): Promise<number> {
    let newest = this.#newest.get(workspaceId);
    if (newest === undefined) {
      const [row] = await this.#db.query<{ id: string | number }>(
        'select coalesce(max(id), 0) as id from realtime_events where workspace_id = $1',
        [workspaceId],
      );
      // An event fanned out while the query ran may be newer than what it read.
      newest = Math.max(Number(row?.id ?? 0), this.#newest.get(workspaceId) ?? 0);
      this.#newest.set(workspaceId, newest);
    }
    return newest;
  }

  async stop(): Promise<void> {
    this.#listeners.clear();
    await this.#stopListening?.();
  }

  /**
   * Stores and fans out an event. Call after the write it describes has committed, and outside a
   * transaction or at the end of a short one: the workspace's next event waits for its commit.
   */
  async publish(
    db: Queryable,
    event: { workspaceId: string; visitorPk: string | null; audience: Audience; payload: Record<string, unknown> },
  ): Promise<StoredEvent> {
    // One statement stores the event and notifies every instance. The event rides in the
    // notification when it fits NOTIFY's 8000-byte limit; larger ones send only the id and every
    // instance reads the row.
    //
    // Streams send ids in increasing order and resume after the last one sent, so an event must
    // never commit after a higher id of its workspace has: a stream that already sent the higher
    // one would skip it, live and on resume. A sequence alone allows that (two inserts take 5 and
    // 6, the one with 6 commits first), so the insert takes its workspace's turn — a transaction
    // lock, held until commit — before it draws an id: within a workspace, id order is commit order,
    // which is also the order NOTIFY delivers in. Unlike readers tracking in-flight transactions
    // (pg_snapshot_xmin), this costs no extra round trip and no query per notification, and it is
    // the same on PGlite, whose single connection already commits one statement at a time.
    // Workspaces do not wait for each other.
    const [row] = await db.query<EventRow>(
      `with turn as (
         select pg_advisory_xact_lock($6, hashtext($1))
       ), stored as (
         -- Selecting from turn makes the lock come first: the id default is drawn for the row it yields.
         insert into realtime_events (workspace_id, visitor_pk, audience, payload)
         select $1, $2, $3, $4::jsonb from turn
         returning id, workspace_id, visitor_pk, audience, payload
       ), notice as (
         select stored.*, json_build_object('id', id, 'workspaceId', workspace_id, 'visitorPk', visitor_pk,
           'audience', audience, 'payload', payload)::text as text from stored
       )
       select id, workspace_id, visitor_pk, audience, payload,
         pg_notify($5, case when octet_length(text) < 7500 then text else id::text end) as notified
       from notice`,
      [event.workspaceId, event.visitorPk, event.audience, event.payload, CHANNEL, EVENT_LOCK],
    );
    if (!row) throw new Error('event insert returned nothing');
    return toEvent(row);
  }

  subscribe(filter: EventFilter, listener: EventListener): () => void {
    this.#listeners.set(listener, filter);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Events after `afterId` for this subscriber, oldest first, at most `limit`. */
  async replay(filter: EventFilter, afterId: number, limit: number): Promise<StoredEvent[]> {
    const rows =
      'agents' in filter
        ? await this.#db.query<EventRow>(
            `select id, workspace_id, visitor_pk, audience, payload from realtime_events
             where workspace_id = $1 and id > $2 and audience <> 'visitor' order by id limit $3`,
            [filter.workspaceId, afterId, limit],
          )
        : await this.#db.query<EventRow>(
            `select id, workspace_id, visitor_pk, audience, payload from realtime_events
             where workspace_id = $1 and id > $2 and audience <> 'agents' and (visitor_pk = $3 or visitor_pk is null) order by id limit $4`,
            [filter.workspaceId, afterId, filter.visitorPk, limit],
          );
    return rows.map(toEvent);
  }

  /**
   * Fans out without storing: typing indicators are worthless on replay (and tiny, so they always
   * fit in the notification).
   */
  async publishEphemeral(event: Omit<StoredEvent, 'id'>): Promise<void> {
    const stored: StoredEvent = { ...event, id: null };
    await this.#db.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(stored)]);
  }

  #onNotification(payload: string): void {
    let next: () => Promise<void> | void;
    if (payload.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        return; // Not ours: another program notifying on our channel.
      }
      const notice = EndNotice.safeParse(parsed);
      if (notice.success) next = () => this.#onEnd(notice.data);
      else next = () => this.#dispatch(parsed as StoredEvent);
    } else {
      const id = Number(payload);
      next = () => this.#deliverById(id);
    }
    this.#delivery = this.#delivery.then(next).catch(() => undefined);
  }

  async #deliverById(id: number): Promise<void> {
    if (!Number.isSafeInteger(id)) return;
    const rows = await this.#db.query<EventRow>(
      'select id, workspace_id, visitor_pk, audience, payload from realtime_events where id = $1',
      [id],
    );
    const row = rows[0];
    if (row) this.#dispatch(toEvent(row));
  }

  #advance(workspaceId: string, id: number): void {
    if (id > (this.#newest.get(workspaceId) ?? 0)) this.#newest.set(workspaceId, id);
  }

  #dispatch(event: StoredEvent): void {
    if (event.id !== null) this.#advance(event.workspaceId, event.id);
    for (const [listener, filter] of this.#listeners) {
      if (eventMatches(filter, event)) listener(event);
    }
  }
}

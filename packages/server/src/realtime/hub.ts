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

const CHANNEL = 'helpline_events';

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
 * Events are rows first (so a reconnecting client replays what it missed by id), then fan out to
 * this process's subscribers. With PostgreSQL every instance LISTENs and the insert NOTIFYs, so a
 * message written on one instance reaches SSE clients connected to another.
 */
export class RealtimeHub {
  readonly #db: Database;
  readonly #listeners = new Map<EventListener, EventFilter>();
  #stopListening: (() => Promise<void>) | undefined;

  constructor(db: Database) {
    this.#db = db;
  }

  async start(): Promise<void> {
    if (this.#db.kind !== 'postgres') return;
    this.#stopListening = await this.#db.listen(CHANNEL, (payload) => this.#onNotification(payload));
  }

  async stop(): Promise<void> {
    this.#listeners.clear();
    await this.#stopListening?.();
  }

  /** Stores and fans out an event. Call after the write it describes has committed. */
  async publish(
    db: Queryable,
    event: { workspaceId: string; visitorPk: string | null; audience: Audience; payload: Record<string, unknown> },
  ): Promise<StoredEvent> {
    const [row] = await db.query<EventRow>(
      'insert into realtime_events (workspace_id, visitor_pk, audience, payload) values ($1, $2, $3, $4::jsonb) returning id, workspace_id, visitor_pk, audience, payload',
      [event.workspaceId, event.visitorPk, event.audience, event.payload],
    );
    if (!row) throw new Error('event insert returned nothing');
    const stored = toEvent(row);
    if (this.#db.kind === 'postgres') await db.query('select pg_notify($1, $2)', [CHANNEL, String(stored.id)]);
    else this.#dispatch(stored);
    return stored;
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
   * Fans out without storing: typing indicators are worthless on replay. With PostgreSQL the whole
   * event travels in the NOTIFY payload (typing payloads are far below its 8000-byte limit).
   */
  async publishEphemeral(event: Omit<StoredEvent, 'id'>): Promise<void> {
    const stored: StoredEvent = { ...event, id: null };
    if (this.#db.kind === 'postgres') await this.#db.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(stored)]);
    else this.#dispatch(stored);
  }

  #onNotification(payload: string): void {
    if (payload.startsWith('{')) {
      try {
        this.#dispatch(JSON.parse(payload) as StoredEvent);
      } catch {
        // Not ours: another program notifying on our channel.
      }
      return;
    }
    void this.#deliverById(Number(payload));
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

  #dispatch(event: StoredEvent): void {
    for (const [listener, filter] of this.#listeners) {
      if (eventMatches(filter, event)) listener(event);
    }
  }
}

/** Parameters travel separately from SQL text, always: nothing is spliced into a query string. */
export type SqlParam =
  | string
  | number
  | boolean
  | null
  | Date
  | Uint8Array
  | readonly unknown[]
  | Record<string, unknown>;

/** What both backends (PGlite and node-postgres) can do inside or outside a transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export type NotificationHandler = (payload: string) => void;

/** The thin layer every store goes through; one implementation per engine, same SQL. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; resolves once listening. Returns the function that stops it. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** First row or undefined: most lookups want exactly one. */
export async function queryOne<Row = Record<string, unknown>>(
  db: Queryable,
  sql: string,
  params?: readonly SqlParam[],
): Promise<Row | undefined> {
  const rows = await db.query<Row>(sql, params);
  return rows[0];
}

import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, SqlParam } from './database.js';

function normalise(params: readonly SqlParam[] | undefined): unknown[] {
  // PGlite serialises plain objects/arrays as JSON only when told the type; stringify them here so
  // jsonb parameters behave exactly as they do with node-postgres.
  return (params ?? []).map((p) =>
    p !== null && typeof p === 'object' && !(p instanceof Date) && !(p instanceof Uint8Array) ? JSON.stringify(p) : p,
  );
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly SqlParam[]) {
      const result = await target.query<Row>(sql, normalise(params));
      return result.rows;
    },
  };
}

/** Embedded Postgres (WASM). `dataDir` is a folder, or `:memory:` for a throwaway database. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== ':memory:') await mkdir(dataDir, { recursive: true });
  const pg = dataDir === ':memory:' ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async listen(channel, handler) {
      const stop = await pg.listen(channel, handler);
      return stop;
    },
    close: () => pg.close(),
  };
}

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

/**
 * PGlite runs each statement synchronously on this thread. Left alone, a request's whole chain of
 * queries — and every other request that became ready in the same poll — runs inside one
 * event-loop turn; Node accepts about one pending connection per turn, so under load new
 * connections waited in the kernel's accept queue for tens of seconds (the load test's 60 s tail).
 * This queue runs one statement (or one whole transaction) per turn, first come first served, so
 * turns stay about a millisecond long and socket I/O and accepts interleave with database work.
 */
function turnQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  const jobs: (() => Promise<void>)[] = [];
  let scheduled = false;
  const runNext = async (): Promise<void> => {
    const job = jobs.shift();
    if (job) await job();
    if (jobs.length > 0) setImmediate(runNext);
    else scheduled = false;
  };
  return (work) =>
    new Promise((resolve, reject) => {
      jobs.push(() => work().then(resolve, reject));
      if (!scheduled) {
        scheduled = true;
        setImmediate(runNext);
      }
    });
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
  const inTurn = turnQueue();
  return {
    kind: 'pglite',
    query<Row>(sql: string, params?: readonly SqlParam[]) {
      return inTurn(() => base.query<Row>(sql, params));
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    // A transaction holds PGlite's only connection: its statements run back to back in one job.
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return inTurn(() => pg.transaction((tx) => work(wrap(tx))));
    },
    async listen(channel, handler) {
      const stop = await pg.listen(channel, handler);
      return stop;
    },
    close: () => pg.close(),
  };
}

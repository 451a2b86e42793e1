import pg from 'pg';
import type { Database, Queryable, SqlParam } from './database.js';

function normalise(params: readonly SqlParam[] | undefined): unknown[] {
  // node-postgres turns JS arrays into Postgres arrays; every array we send is meant as jsonb.
  return (params ?? []).map((p) => (Array.isArray(p) ? JSON.stringify(p) : p));
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly SqlParam[]) {
      const result = await client.query(sql, normalise(params));
      return result.rows as Row[];
    },
  };
}

/** A real PostgreSQL through a connection pool; LISTEN uses one dedicated client per channel. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by a database restart is discarded by the pool; without a listener
  // its 'error' event would crash the process.
  pool.on('error', () => undefined);
  // Fail at start, with the driver's message, rather than on the first request.
  await pool.query('select 1');
  const stops = new Set<() => Promise<void>>();
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        client.release();
        return result;
      } catch (error) {
        // On a dead connection the rollback fails too: report the original error, drop the client.
        const broken = await client.query('rollback').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        client.release(broken);
        throw error;
      }
    },
    async listen(channel, handler) {
      let current: pg.Client | undefined;
      let stopped = false;
      let reconnecting = false;
      const connect = async (): Promise<void> => {
        const client = new pg.Client({ connectionString });
        client.on('notification', (message) => {
          if (message.channel === channel) handler(message.payload ?? '');
        });
        client.on('error', () => undefined);
        // A LISTEN connection lost to a database restart is opened again, so realtime recovers
        // without restarting the server.
        client.on('end', () => {
          if (client === current && !stopped) void reconnect();
        });
        try {
          await client.connect();
          await client.query(`listen ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          await client.end().catch(() => undefined);
          throw error;
        }
        current = client;
      };
      const reconnect = async (): Promise<void> => {
        if (reconnecting) return;
        reconnecting = true;
        current = undefined;
        for (let delay = 100; !stopped; delay = Math.min(delay * 2, 5000)) {
          await new Promise((resolve) => setTimeout(resolve, delay));
          if (stopped) break;
          try {
            await connect();
            break;
          } catch {
            // Still down: wait longer.
          }
        }
        reconnecting = false;
      };
      await connect();
      const stop = async (): Promise<void> => {
        stopped = true;
        stops.delete(stop);
        await current?.end().catch(() => undefined);
      };
      stops.add(stop);
      return stop;
    },
    async close() {
      await Promise.all([...stops].map((stop) => stop()));
      await pool.end();
    },
  };
}

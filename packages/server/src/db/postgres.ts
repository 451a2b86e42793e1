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
  // Fail at start, with the driver's message, rather than on the first request.
  await pool.query('select 1');
  const listeners = new Set<pg.Client>();
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
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, handler) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) handler(message.payload ?? '');
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end();
      };
    },
    async close() {
      await Promise.all([...listeners].map((client) => client.end()));
      await pool.end();
    },
  };
}

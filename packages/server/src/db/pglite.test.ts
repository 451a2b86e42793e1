import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';

let db: Database;

beforeAll(async () => {
  db = await openPglite(':memory:');
  await db.exec('create table items (n integer not null)');
});
afterAll(async () => {
  await db.close();
});

describe('openPglite', () => {
  it('answers statements issued together in the order they were issued', async () => {
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        db.query<{ n: number }>('select $1::integer as n', [n]).then(([row]) => order.push(row?.n ?? -1)),
      ),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('never lets another statement see half of a transaction', async () => {
    const transaction = db.transaction(async (tx) => {
      await tx.query('insert into items (n) values (1)');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.query('insert into items (n) values (2)');
    });
    const counted = db.query<{ count: number }>('select count(*)::integer as count from items');
    await transaction;
    expect((await counted)[0]?.count).toBe(2);
  });

  it('rejects only the failing statement and keeps serving the rest', async () => {
    const [bad, good] = await Promise.allSettled([
      db.query('select * from no_such_table'),
      db.query<{ ok: number }>('select 1 as ok'),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good.status === 'fulfilled' ? good.value : undefined).toEqual([{ ok: 1 }]);
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into items (n) values (3)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.query('select n from items where n = 3')).toEqual([]);
  });
});

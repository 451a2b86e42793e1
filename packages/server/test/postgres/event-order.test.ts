import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres.js';
import type { RunningServer } from '../../src/index.js';
import { RealtimeHub } from '../../src/realtime/hub.js';
import type { SseClient } from '../sse-client.js';
import { visitorStream } from '../stream-helpers.js';
import { DEMO_KEY, startTestServer, WidgetClient } from '../test-server.js';

// Two writers publishing at once, as two instances (or two requests on one) do: the server under
// test streams, and a second hub on its own pool writes, so a transaction can be held open between
// its insert and its commit.
const url = process.env.HELPLINE_TEST_DATABASE_URL ?? inject('postgres').url;
let server: RunningServer;
let writerDb: Database;
let writer: RealtimeHub;
let workspaceId: string;
// Transactions a failed test left open: committed before the pool closes, which would wait for them.
const open = new Set<() => Promise<void>>();
beforeAll(async () => {
  server = await startTestServer({ databaseUrl: url });
  writerDb = await openPostgres(url);
  writer = new RealtimeHub(writerDb, () => undefined);
  const [row] = await server.db.query<{ id: string }>('select id from workspaces where public_key = $1', [DEMO_KEY]);
  workspaceId = row?.id ?? '';
});
afterAll(async () => {
  await Promise.all([...open].map((commit) => commit()));
  await writerDb?.close();
  await server?.close();
});

/** An event every visitor stream of `workspace` receives; `n` names it in assertions. */
const probe = (n: string, workspace = workspaceId) => ({
  workspaceId: workspace,
  visitorPk: null,
  audience: 'all' as const,
  payload: { type: 'probe', n },
});

const probesOf = (stream: SseClient) =>
  stream.received.filter((event) => event.data.type === 'probe' && event.id !== undefined).map((e) => e.data.n);

const untilProbe = (stream: SseClient, n: string) => stream.nextWhere((data) => data.type === 'probe' && data.n === n);

/** Publishes `n` in a transaction that stays open until the returned `commit` is called. */
async function publishHeld(n: string) {
  let commit = (): void => undefined;
  const released = new Promise<void>((resolve) => {
    commit = resolve;
  });
  let inserted = (_id: number): void => undefined;
  const id = new Promise<number>((resolve) => {
    inserted = resolve;
  });
  const done = writerDb.transaction(async (tx) => {
    inserted((await writer.publish(tx, probe(n))).id ?? 0);
    await released;
  });
  const finish = () => {
    open.delete(finish);
    commit();
    return done;
  };
  open.add(finish);
  return { id: await id, commit: finish };
}

/** Resolves once some session waits for an advisory lock; `stop` ends the watch. */
async function someoneWaitsForALock(stop: { done: boolean }): Promise<'waiting'> {
  for (;;) {
    const [row] = await server.db.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'",
    );
    if ((row?.n ?? 0) > 0 || stop.done) return 'waiting';
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('delivers an event that took the lower id but commits after a later one, live and after a resume', async () => {
  const visitor = new WidgetClient(server.url);
  await visitor.session();
  const live = await visitorStream(server, visitor);

  const held = await publishHeld('held');
  const second = writer.publish(writerDb, probe('second'));
  const watch = { done: false };
  const outcome = await Promise.race([second.then(() => 'committed' as const), someoneWaitsForALock(watch)]);
  watch.done = true;
  if (outcome === 'committed') {
    // Without per-workspace turns the later id commits first and the stream moves past the held one.
    await untilProbe(live, 'second');
  } else {
    // The second insert waits for the held one's commit before it takes an id, not after.
    const [sequence] = await server.db.query<{ last: string }>(
      'select last_value::text as last from realtime_events_id_seq',
    );
    expect(Number(sequence?.last)).toBe(held.id);
  }
  // A client whose connection drops now resumes from what it was last told.
  const seenBeforeDrop = probesOf(live);
  const resumed = await visitorStream(server, visitor, `&lastEventId=${live.lastEventId}`);

  await held.commit();
  await second;
  await writer.publish(writerDb, probe('third'));
  await Promise.all([untilProbe(live, 'third'), untilProbe(resumed, 'third')]);

  expect({ live: probesOf(live), resumed: [...seenBeforeDrop, ...probesOf(resumed)] }).toEqual({
    live: ['held', 'second', 'third'],
    resumed: ['held', 'second', 'third'],
  });
  const ids = live.received.filter((event) => event.data.type === 'probe').map((event) => Number(event.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  live.close();
  resumed.close();
});

it("starts a new stream before its workspace's event still committing, even when another workspace's later one is in", async () => {
  const visitor = new WidgetClient(server.url);
  await visitor.session();
  const witness = await visitorStream(server, visitor);

  const held = await publishHeld('held-2');
  await writer.publish(writerDb, probe('elsewhere', 'event-order-other-workspace'));
  // Notifications arrive in commit order: once the witness has this marker, the server has
  // fanned out the other workspace's event too.
  await writer.publishEphemeral(probe('marker'));
  await witness.nextWhere((data) => data.n === 'marker');

  const fresh = await visitorStream(server, visitor);
  await fresh.comment('connected');
  const start = fresh.lastEventId;
  fresh.close();
  expect(Number(start)).toBeLessThan(held.id);

  await held.commit();
  await writer.publish(writerDb, probe('after-2'));
  const resumed = await visitorStream(server, visitor, `&lastEventId=${start}`);
  await untilProbe(resumed, 'after-2');
  expect(probesOf(resumed)).toEqual(['held-2', 'after-2']);
  witness.close();
  resumed.close();
});

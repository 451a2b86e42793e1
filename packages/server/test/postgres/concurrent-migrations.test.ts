import { afterAll, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations.js';
import type { RunningServer } from '../../src/index.js';
import { startTestServer } from '../test-server.js';

const url = inject('postgres').databases.helpline_migrate ?? '';
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

it('migrates a fresh database exactly once when three instances start at the same moment', async () => {
  const started = await Promise.allSettled([1, 2, 3].map(() => startTestServer({ databaseUrl: url })));
  for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
  expect(started.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  const [first] = servers;
  if (!first) throw new Error('no instance started');
  const applied = await first.db.query<{ version: number }>('select version from schema_migrations order by version');
  expect(applied.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((migration) => migration.version));
  // The demo seed ran once too: one demo workspace, one server secret shared by all.
  const [workspaces] = await first.db.query<{ n: string }>(
    "select count(*) as n from workspaces where public_key = 'demo-public-key'",
  );
  expect(Number(workspaces?.n)).toBe(1);
  const [secrets] = await first.db.query<{ n: string }>(
    "select count(*) as n from server_settings where name = 'token_secret'",
  );
  expect(Number(secrets?.n)).toBe(1);
  for (const server of servers) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

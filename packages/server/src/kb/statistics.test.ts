import { afterAll, beforeAll, expect, it } from 'vitest';
import { AgentClient } from '../../test/agent-client.js';
import { AGENT_PASSWORD, startTestServer } from '../../test/test-server.js';
import type { RunningServer } from '../app/start-server.js';
import { DEMO_AGENT_EMAIL } from '../index.js';
import { createWorkspace } from '../workspace/workspace-store.js';
import { saveArticle } from './article-store.js';

let first: RunningServer;
beforeAll(async () => {
  first = await startTestServer({ seedDemo: false });
}, 120_000);
afterAll(() => first?.close());

const plannerStatistics = async (server: RunningServer) =>
  (
    await server.db.query<{ attname: string }>(
      "select attname from pg_stats where tablename = 'articles' and attname in ('workspace_id', 'search')",
    )
  )
    .map((row) => row.attname)
    .sort();

it('gathers planner statistics on articles at every start, whatever added them since', async () => {
  expect(await plannerStatistics(first)).toEqual([]);
  // Written the way the inbox writes them, with no knowledge-base folder to import.
  const workspaceId = (await createWorkspace(first.db, { name: 'Acme' })).id;
  for (const slug of ['one', 'two', 'three'])
    await saveArticle(first.db, workspaceId, {
      slug,
      title: `Article ${slug}`,
      markdown: `About ${slug}.`,
      routes: [],
      tags: [],
      published: true,
    });
  const again = await startTestServer({ seedDemo: false }, { db: first.db });
  try {
    expect(await plannerStatistics(again)).toEqual(['search', 'workspace_id']);
  } finally {
    await again.close();
  }
});

it('gathers them again, in the background, once agents have written enough articles', async () => {
  const server = await startTestServer();
  try {
    const agent = new AgentClient(server.url);
    await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
    // What the planner believes the table holds, as of the last time statistics were gathered.
    const believed = async () =>
      (
        await server.db.query<{ rows: number }>(
          "select reltuples::int as rows from pg_class where relname = 'articles'",
        )
      )[0]?.rows;
    const [{ count: seeded } = { count: 0 }] = await server.db.query<{ count: number }>(
      'select count(*)::int as count from articles',
    );
    expect(seeded).toBeGreaterThan(0);
    expect(await believed()).toBe(seeded);

    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await agent.call('POST', '/kb/articles', {
        title: `Note ${i}`,
        slug: `note-${i}`,
        markdown: 'x',
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    for (const id of ids.slice(0, 5)) {
      const edit = { title: 'Edited', slug: `edited-${id.slice(0, 8)}`, markdown: 'y' };
      expect((await agent.call('PUT', `/kb/articles/${id}`, edit)).status).toBe(200);
    }
    for (const id of ids.slice(5, 9)) expect((await agent.call('DELETE', `/kb/articles/${id}`)).status).toBe(204);
    // Nineteen writes: not yet worth it.
    expect(await believed()).toBe(seeded);
    expect((await agent.call('DELETE', `/kb/articles/${ids[9]}`)).status).toBe(204);
    await expect.poll(believed).toBe(seeded + 5);
  } finally {
    await server.close();
  }
});

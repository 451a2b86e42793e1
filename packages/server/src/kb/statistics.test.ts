import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../../test/test-server.js';
import type { RunningServer } from '../app/start-server.js';
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

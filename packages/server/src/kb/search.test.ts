import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPglite } from '../db/pglite.js';
import { createWorkspace } from '../workspace/workspace-store.js';
import { saveArticle } from './article-store.js';
import { searchArticles } from './search.js';

// More matches than search ranks, so the bounded candidate set is exercised.
const BROAD = 260;
let db: Database;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  db = await openPglite(':memory:');
  await migrate(db);
  workspaceId = (await createWorkspace(db, { name: 'Acme' })).id;
  otherWorkspaceId = (await createWorkspace(db, { name: 'Other' })).id;
  const article = (slug: string, title: string, markdown: string) => ({
    slug,
    title,
    markdown,
    routes: [],
    tags: [],
    published: true,
  });
  await db.transaction(async (tx) => {
    for (let n = 0; n < BROAD; n++)
      await saveArticle(tx, workspaceId, article(`broad-${n}`, `Topic ${n}`, `Every invoice has a number. Note ${n}.`));
    // Saved last, so it is not among the first rows a capped scan would meet.
    await saveArticle(tx, workspaceId, article('refunds', 'Refund an invoice', 'Open the invoice and choose Refund.'));
    await saveArticle(tx, workspaceId, article('rare-1', 'Exports', 'Download a zebrafish report.'));
    await saveArticle(tx, workspaceId, article('rare-2', 'Reports', 'Zebrafish charts per month.'));
    await saveArticle(tx, workspaceId, article('draft', 'Zebrafish draft', 'Not yet.'));
    await saveArticle(tx, otherWorkspaceId, article('foreign', 'Zebrafish elsewhere', 'Zebrafish.'));
  });
  await db.query("update articles set published = false where slug = 'draft'");
}, 120_000);
afterAll(async () => {
  await db.close();
});

describe('searchArticles', () => {
  it('ranks the article whose title matches first even when the word matches hundreds of bodies', async () => {
    const hits = await searchArticles(db, workspaceId, 'invoice', 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]?.title).toBe('Refund an invoice');
    expect(hits[0]?.snippet).toContain('invoice');
  });

  it('finds every match of a specific word, published and in this workspace only', async () => {
    const hits = await searchArticles(db, workspaceId, 'zebrafi', 10);
    expect(hits.map((hit) => hit.title).sort()).toEqual(['Exports', 'Reports']);
  });

  it('answers a query with nothing searchable with no hits', async () => {
    expect(await searchArticles(db, workspaceId, '¿? --', 10)).toEqual([]);
    // Only stop words: an empty full-text query, which would otherwise read every article.
    expect(await searchArticles(db, workspaceId, 'what this', 10)).toEqual([]);
    expect(await searchArticles(db, workspaceId, 'their more', 10)).toEqual([]);
  });
});

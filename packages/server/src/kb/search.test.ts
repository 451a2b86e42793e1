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
    const filler = (word: string) => Array.from({ length: 60 }, (_, n) => `${word} ${n}.`).join(' ');
    await saveArticle(
      tx,
      workspaceId,
      article('long', 'Instruments', `${filler('Piano')} The xylophone sits in the middle. ${filler('Drum')}`),
    );
    await saveArticle(tx, workspaceId, article('install', 'Install', 'Paste the `<script>` tag into the page.'));
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

  it('marks an excerpt cut from inside an article with … and keeps its highlights on the matched words', async () => {
    const [long] = await searchArticles(db, workspaceId, 'xylophone', 1);
    expect(long?.snippet).toMatch(/^… .*xylophone.* …$/);
    const highlighted = long?.highlights.map(([start, end]) => long.snippet.slice(start, end));
    expect(highlighted).toEqual(['xylophone']);
    // The whole text fits: nothing was cut (ts_headline leaves out the final full stop).
    const [whole] = await searchArticles(db, workspaceId, 'refund', 1);
    expect(whole?.snippet).toBe('Open the invoice and choose Refund');
    const [tagged] = await searchArticles(db, workspaceId, 'page', 1);
    expect(tagged?.snippet).toBe('Paste the ‹script› tag into the page');
  });

  it('finds the words after a <script> in an article, which PostgreSQL would take for markup', async () => {
    for (const query of ['script', 'tag', 'page'])
      expect((await searchArticles(db, workspaceId, query, 5)).map((hit) => hit.title)).toContain('Install');
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

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '../db/database.js';
import { saveArticle } from './article-store.js';
import { parseArticleFile } from './front-matter.js';

export interface ImportResult {
  imported: number;
  /** Files left out, each with the reason (bad front-matter): one broken file does not stop the rest. */
  skipped: { file: string; reason: string }[];
}

/**
 * Imports every `*.md` in `dir` into the workspace, matched by slug; run it inside a transaction.
 * Articles edited in the inbox after import keep their edits: a file only overwrites an article
 * whose stored `updated_at` is older than the file's `updated` date.
 */
export async function importKnowledgeBase(tx: Queryable, workspaceId: string, dir: string): Promise<ImportResult> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  const skipped: ImportResult['skipped'] = [];
  const parsed: ReturnType<typeof parseArticleFile>[] = [];
  for (const file of files) {
    try {
      parsed.push(parseArticleFile(await readFile(join(dir, file), 'utf8'), file));
    } catch (error) {
      skipped.push({ file, reason: (error as Error).message });
    }
  }
  let imported = 0;
  for (const { meta, markdown } of parsed) {
    const updatedAt = meta.updated ? new Date(meta.updated) : new Date(0);
    const existing = await tx.query<{ updated_at: Date }>(
      'select updated_at from articles where workspace_id = $1 and slug = $2',
      [workspaceId, meta.slug],
    );
    const stored = existing[0];
    if (stored && new Date(stored.updated_at).getTime() >= updatedAt.getTime()) continue;
    await saveArticle(tx, workspaceId, {
      title: meta.title,
      slug: meta.slug,
      markdown,
      category: meta.category,
      routes: meta.routes,
      tags: meta.tags,
      published: true,
      updatedAt,
    });
    imported++;
  }
  return { imported, skipped };
}

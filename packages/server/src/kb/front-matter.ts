import { parseWith } from '@helpline/core';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod/mini';

/** The YAML header of a KB markdown file. */
export const ArticleFrontMatter = z.object({
  title: z.string().check(z.minLength(1)),
  slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  category: z.optional(z.string()),
  routes: z._default(z.array(z.string().check(z.regex(/^\//))), []),
  tags: z._default(z.array(z.string()), []),
  updated: z.optional(z.union([z.string(), z.date()])),
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatter>;

/** Splits `---\nyaml\n---\nbody` and validates the header; `file` names the source in errors. */
export function parseArticleFile(text: string, file: string): { meta: ArticleFrontMatter; markdown: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { meta: parseWith(ArticleFrontMatter, {}, `${file}: front-matter`), markdown: text };
  const meta = parseWith(ArticleFrontMatter, parseYaml(match[1] ?? ''), `${file}: front-matter`);
  return { meta, markdown: (match[2] ?? '').trim() };
}

// KB search latency: the reference server over 10,000 generated articles (observed over loopback
// HTTP, so an upper bound of the server-side time), and adapter-memory's in-browser ranking.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './lib/stats.mjs';

const seedDir = fileURLToPath(new URL('../packages/server/seed/kb/', import.meta.url));

/** Deterministic pseudo-random numbers, so every run searches the same corpus. */
function rng(seed) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Vocabulary from the real seeded articles, so term frequencies look like a real help center. */
function vocabulary() {
  const words = [];
  for (const file of readdirSync(seedDir)) {
    const body = readFileSync(join(seedDir, file), 'utf8').split('---').slice(2).join(' ');
    words.push(...(body.toLowerCase().match(/[a-z]{4,}/g) ?? []));
  }
  return words;
}

export function generateArticles(count) {
  const words = vocabulary();
  const random = rng(42);
  const pick = (n) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  const articles = [];
  for (let i = 0; i < count; i++) {
    const title = `${pick(4)} ${i}`;
    const sections = Array.from({ length: 3 }, () => `## ${pick(3)}\n\n${pick(60)}.\n`).join('\n');
    articles.push({ slug: `bench-${i}`, title, markdown: `${pick(25)}.\n\n${sections}` });
  }
  return { articles, queries: Array.from({ length: 200 }, () => pick(1 + Math.floor(random() * 2))) };
}

/** Writes the generated corpus as a markdown folder the server imports on start. */
export function writeCorpus(articles) {
  const dir = join(tmpdir(), `helpline-bench-kb-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  for (const article of articles) {
    writeFileSync(
      join(dir, `${article.slug}.md`),
      `---\ntitle: ${article.title}\nslug: ${article.slug}\ncategory: getting-started\nroutes: []\ntags: []\nupdated: 2026-11-01\n---\n\n${article.markdown}`,
    );
  }
  return dir;
}

export async function measureServerSearch(url, workspaceKey, queries) {
  const headers = { 'X-Helpline-Key': workspaceKey, 'content-type': 'application/json' };
  const session = await (
    await fetch(`${url}/v1/session`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ visitorId: 'bench-kb-visitor' }),
    })
  ).json();
  const auth = { ...headers, Authorization: `Bearer ${session.token}` };
  for (const query of queries.slice(0, 20))
    await fetch(`${url}/v1/kb/search?q=${encodeURIComponent(query)}`, { headers: auth });
  const latencies = [];
  for (const query of queries) {
    const start = performance.now();
    const response = await fetch(`${url}/v1/kb/search?q=${encodeURIComponent(query)}`, { headers: auth });
    await response.json();
    if (!response.ok) throw new Error(`search answered ${response.status}`);
    latencies.push(performance.now() - start);
  }
  return summarize(latencies);
}

export async function measureMemorySearch(articles, queries) {
  const { createMemoryAdapter } = await import('../packages/adapter-memory/dist/index.js');
  const adapter = createMemoryAdapter({
    articles: articles.map((a) => ({ id: a.slug, title: a.title, html: `<p>${a.markdown.replaceAll('\n', ' ')}</p>` })),
  });
  await adapter.connect({ visitorId: 'bench-visitor-1' });
  const latencies = [];
  for (const query of queries) {
    const start = performance.now();
    await adapter.searchArticles(query, { limit: 8 });
    latencies.push(performance.now() - start);
  }
  return summarize(latencies);
}

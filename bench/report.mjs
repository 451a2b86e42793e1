import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { round } from './lib/stats.mjs';

const kb = (bytes) => `${round(bytes / 1024, 1)} KB`;
const ms = (value) => (Number.isFinite(value) ? `${round(value, 1)} ms` : 'n/a');
const ratio = (a, b) => (b > 0 && Number.isFinite(a) ? `${round(a / b, 2)}×` : 'n/a');
const mmm = (s, unit = ms) => `${unit(s.min)} / ${unit(s.median)} / ${unit(s.max)}`;

/** Renders docs/performance.md from one bench run and writes the raw JSON beside the bench. */
export function writeReport(results) {
  const lines = [];
  const push = (...rows) => lines.push(...rows);
  push(
    '# Performance',
    '',
    'Measured by `npm run bench` on one machine, in one run, Helpline and its peers side by side.',
    'Absolute numbers vary between machines; the ratios are the claim. Raw results:',
    '`bench/results/latest.json`. Reproduce: `npm run bench` (installs what it needs, ~5 minutes,',
    'loopback traffic only).',
    '',
    `Run: ${results.startedAt} · Node ${results.node} · ${results.machine}`,
    '',
    '## Budgets',
    '',
    '| budget | limit | measured | result |',
    '|---|---|---|---|',
    ...results.budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${b.pass ? 'pass' : '**FAIL**'} |`),
    '',
  );
  if (results.sizes) {
    const s = results.sizes;
    push(
      '## Bytes (minified; gzip -9, brotli 11)',
      '',
      '| what | raw | gzip | brotli | gzip vs Helpline first open |',
      '|---|---|---|---|---|',
      `| Helpline loader (every page) | ${kb(s.helpline.loader.raw)} | ${kb(s.helpline.loader.gzip)} | ${kb(s.helpline.loader.brotli)} | |`,
      `| Helpline early capture (at the page's first idle moment, until the first click) | ${kb(s.helpline.idle.raw)} | ${kb(s.helpline.idle.gzip)} | ${kb(s.helpline.idle.brotli)} | |`,
      `| Helpline first open (launcher click → home), the click before the page was idle | ${kb(s.helpline.firstOpen.raw)} | ${kb(s.helpline.firstOpen.gzip)} | ${kb(s.helpline.firstOpen.brotli)} | 1× |`,
      `| Helpline first open after the page was idle (early capture already there) | ${kb(s.helpline.firstOpenAfterIdle.raw)} | ${kb(s.helpline.firstOpenAfterIdle.gzip)} | ${kb(s.helpline.firstOpenAfterIdle.brotli)} | ${ratio(s.helpline.firstOpenAfterIdle.gzip, s.helpline.firstOpen.gzip)} |`,
      `| Helpline everything (all views, sanitizer, http adapter, one locale) | ${kb(s.helpline.all.raw)} | ${kb(s.helpline.all.gzip)} | ${kb(s.helpline.all.brotli)} | ${ratio(s.helpline.all.gzip, s.helpline.firstOpen.gzip)} |`,
      ...s.peers.map(
        (p) =>
          `| ${p.label}${p.loaderOnly ? ' — loader only; the widget itself comes from a CDN at runtime' : ''} | ${kb(p.sizes.raw)} | ${kb(p.sizes.gzip)} | ${kb(p.sizes.brotli)} | ${ratio(p.sizes.gzip, s.helpline.firstOpen.gzip)} |`,
      ),
      '',
    );
  }
  if (results.sizes?.breakdown) {
    push(
      "### Where the first open's bytes go",
      '',
      'helpline.js (the first open but the instruments it shares with the early capture: the script-tag build carries the home view), by package, read from its source map; each share gzipped alone:',
      '',
      '| package | gzip |',
      '|---|---|',
      ...results.sizes.breakdown.map((part) => `| ${part.group} | ${kb(part.gzip)} |`),
      '',
      "The budget row counts the first open as a click before the page's first idle moment: helpline.js",
      'and the chunk of instruments (fetch/XHR, console, History API) it shares with the early capture.',
      'Usually the page has been idle before anyone clicks, the early capture has brought that chunk, and',
      'the first open is helpline.js alone. The split costs about 0.8 KB when the click comes first (two',
      'files compress less well than one) and about 1 KB in everything; it buys the capture of what failed',
      'before the first click (docs/context-and-privacy.md).',
      '',
      'Chat, tickets, uploads and the outbox, their schemas and adapter calls, and every view but home are',
      'lazy chunks; the realtime reader and its event schema (about 2.5 KB) load after the home view',
      'is interactive, when the session is up. The home view comes inside helpline.js (`bundleHomeView`), as',
      "every open starts there: one file, one round trip. helpline.js is built in vite's library mode: the",
      'app mode wraps every lazy import in a preload helper (about 1 KB of the first open) that also adds',
      "`<link rel=modulepreload>` tags to the host's `<head>`. What is left at first open is the engine that",
      'must run before the panel can show anything (options and command validation, identity and session,',
      'context capture and redaction, suggestions), the shell, Preact with signals-core, and zod/mini for',
      "every boundary. zod/mini's code for a schema kind lands in the entry chunk when any chunk uses that",
      'kind (a module is never split), so the widget avoids kinds it can do without: no tuple,',
      'discriminated union, int, catch, record, extend, regex or number-bound checks anywhere (refinements',
      "such as `whole`, `between` and `matches` in core's `schemas/common.ts` instead, −2.8 KB), and",
      'components read signals through a small `useValue` hook instead of the @preact/signals render',
      'integration (−1.2 KB).',
      '',
      'Why 30 KB is out of reach with this stack: zod/mini (about 6.7 KB for the plainest kinds) plus Preact',
      'and signals-core (about 7.5 KB) come to about 14 KB, leaving about 16 KB for the engine, the shell,',
      "the http adapter and the home view, which take about 24 KB. Chromium's code coverage of a first open",
      "(`Profiler.takePreciseCoverage`, launcher click → home view interactive) finds 40 % of helpline.js's",
      'bytes not run: mostly error paths and the unused branches of zod and Preact, which cannot be split',
      'off. The instruments now come with the early capture; the parts of our own code that could still',
      'move behind the first paint (snapshot building and redaction, the search/article/answer commands,',
      'the host commands other than boot and open) add up to about 2 KB, which would leave the first open',
      'near 35 KB. Meeting 30 KB takes dropping zod or Preact from the first open, which the design rules out.',
      '',
      'Click → interactive, profiled in Chromium: the cold time is mostly evaluating helpline.js (zod',
      "building its schemas at import, then Preact's first render of the launcher and the panel), then the",
      'first style and layout of the panel, forced by focusing its first control. Focus moves after the',
      "panel's first paint on purpose: Chromium delivers the keypress of the Enter that opened the panel",
      'separately, and focus moved before it would hand that keypress to the panel. A first-time visitor no',
      'longer downloads and runs the chat and tickets code for an empty list of conversations at first open,',
      'and the home view comes with helpline.js instead of one round trip later.',
      '',
    );
  }
  if (results.hostPage) {
    const h = results.hostPage;
    const added = (variant, key) => h.pages[variant][key].median - h.pages.blank[key].median;
    push(
      `## Host page in headless Chromium (${h.pages.blank.scriptMs.n} runs each; min / median / max)`,
      '',
      '| page | script evaluation | main-thread tasks | long tasks | total blocking time | JS heap |',
      '|---|---|---|---|---|---|',
      ...['blank', 'helpline', 'sentry'].map((v) => {
        const p = h.pages[v];
        return `| ${v === 'blank' ? 'blank host page' : v === 'helpline' ? '+ Helpline snippet' : '+ Sentry feedback widget'} | ${mmm(p.scriptMs)} | ${mmm(p.taskMs)} | ${mmm(p.longTasks, (x) => String(x))} | ${mmm(p.tbtMs)} | ${mmm(p.heapKb, (x) => `${round(x, 0)} KB`)} |`;
      }),
      '',
      `Added by the widget (median over blank): Helpline script ${ms(added('helpline', 'scriptMs'))}, heap ${kb(added('helpline', 'heapKb') * 1024)}; Sentry feedback script ${ms(added('sentry', 'scriptMs'))}, heap ${kb(added('sentry', 'heapKb') * 1024)} — Helpline/Sentry script ratio ${ratio(added('helpline', 'scriptMs'), added('sentry', 'scriptMs'))}.`,
      '',
      `### Launcher click → panel interactive (${h.click.helpline.cold.n} runs each; min / median / max)`,
      '',
      '| widget | cold (code not loaded) | cached (HTTP cache, new visitor) | returning visitor |',
      '|---|---|---|---|',
      `| Helpline (first control in the panel focused) | ${mmm(h.click.helpline.cold)} | ${mmm(h.click.helpline.warm)} | ${mmm(h.click.helpline.returning)} |`,
      `| Sentry feedback (form field rendered) | ${mmm(h.click.sentry.cold)} | ${mmm(h.click.sentry.warm)} | ${mmm(h.click.sentry.returning)} |`,
      '',
      "Helpline's widget loads on the first interaction; a returning visitor's loads at idle (for the",
      "unread badge), so their click only opens the panel. Sentry's feedback widget loads with the page in",
      'every column.',
      '',
    );
  }
  if (results.kbSearch) {
    const k = results.kbSearch;
    push(
      '## Knowledge-base search',
      '',
      '| where | articles | p50 | p95 | max |',
      '|---|---|---|---|---|',
      ...k.map(
        (row) =>
          `| ${row.where} | ${row.articles} | ${ms(row.latency.median)} | ${ms(row.latency.p95)} | ${ms(row.latency.max)} |`,
      ),
      '',
    );
  }
  if (results.realtime) {
    const r = results.realtime;
    push(
      `## Realtime: ${r.subscribers} SSE subscribers on one server, ${r.helpline.sent} agent replies`,
      '',
      '| server | delivered | p50 | p99 | max | server RSS |',
      '|---|---|---|---|---|---|',
      `| Helpline reference server (HTTP POST by the agent → visitor's stream, incl. the database write) | ${r.helpline.delivered}/${r.helpline.sent} | ${ms(r.helpline.latency.median)} | ${ms(r.helpline.latency.p99)} | ${ms(r.helpline.latency.max)} | ${round(r.helpline.rssMb.connected, 0)} MB connected |`,
      `| bare Node SSE broadcaster (floor) | ${r.floor.delivered}/${r.floor.sent} | ${ms(r.floor.latency.median)} | ${ms(r.floor.latency.p99)} | ${ms(r.floor.latency.max)} | |`,
      '',
    );
  }
  if (results.outbox) {
    const o = results.outbox;
    push(
      '## Outbox',
      '',
      `${o.messages} messages typed while offline in Chromium: persisted to IndexedDB in ${ms(o.persistMs)}; after reconnecting, all delivered to the reference server in ${ms(o.deliverMs)} (${o.delivered} delivered, ${o.duplicates} duplicates).`,
      '',
    );
  }
  if (results.errors.length > 0) {
    push('## Sections that did not complete', '', ...results.errors.map((e) => `- ${e.section}: ${e.message}`), '');
  }
  const docs = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
  // The load test (npm run test:stress) owns the "## Load" section; keep it across bench runs.
  const previous = existsSync(docs) ? readFileSync(docs, 'utf8') : '';
  const load = /\n## Load\n[\s\S]*?(?=\n## |$)/.exec(previous)?.[0];
  writeFileSync(docs, `${lines.join('\n')}\n${load ? `${load.trimEnd()}\n` : ''}`);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
  return docs;
}

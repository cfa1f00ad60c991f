// lib/store in real Chromium: save latency and bulk rate, search latency per query form against
// a naive scan, and DB size, at 10k and 100k clips built from ../shared/corpus/articles.jsonl.
// The bench page (tests/bench/store/page.ts) is bundled with esbuild into .output/bench-store/,
// served from 127.0.0.1 and driven with page.evaluate. STORE_BENCH_SIZES=10000 runs one size;
// STORE_BENCH_FRAGMENTED=n sets the size of the fragmented-archive table (0: skip it; 10000 by default).
// STORE_BENCH_DIAG=1 also logs what each read of a search costs; STORE_BENCH_PROFILE=河,save (queries,
// or `save` for single saves) logs a CPU profile of each after the build and skips the layout table.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import type { CorpusArticle, StoreBenchApi } from '../store/page';
import { median, percentile, target, type BenchSection } from '../util';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OUT = join(ROOT, '.output', 'bench-store');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'articles.jsonl');

/** The query forms measured; the first six are the issue's, the last is the worst case (a character in 95% of texts). */
const QUERIES: { form: string; query: string; naive: string[] }[] = [
  { form: '1-char', query: '河', naive: ['河'] },
  { form: '2-char', query: '生产', naive: ['生产'] },
  { form: '4-char', query: '人民政府', naive: ['人民政府'] },
  { form: 'two-term', query: '黄河 工作', naive: ['黄河', '工作'] },
  { form: 'phrase', query: '"中国共产党"', naive: ['中国共产党'] },
  { form: 'no-hit', query: '量子纠缠', naive: ['量子纠缠'] },
  { form: '1-char, in 95% of clips', query: '的', naive: ['的'] },
];

async function bundle(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'tests', 'bench', 'store', 'page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(OUT, 'page.js'),
    logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'tests', 'bench', 'store', 'index.html'), join(OUT, 'index.html'));
}

function serve(): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0]!;
    if (!/^[\w.-]+$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(join(OUT, name));
      res.writeHead(200, { 'content-type': types[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })),
  );
}

type Bench = StoreBenchApi;
const call = <K extends keyof Bench>(page: Page, name: K, ...args: Parameters<Bench[K]>) =>
  page.evaluate(
    ([n, a]) => (window as unknown as { storeBench: Record<string, (...x: unknown[]) => unknown> }).storeBench[n as string]!(...(a as unknown[])),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;

const log = (msg: string) => process.stderr.write(`  store: ${msg}\n`);
const r1 = (n: number) => Math.round(n * 10) / 10;

/** STORE_BENCH_PROFILE=q1,q2: a CPU profile of 20 searches of each query, self time by function. */
async function profileSearches(page: Page, queries: string[], n: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  for (const q of queries) {
    if (q !== 'save') await call(page, 'search', q, 2);
    await cdp.send('Profiler.start');
    const t = Date.now();
    const s = q === 'save' ? { times: await call(page, 'singleSaves', n + 1000, 40) } : await call(page, 'search', q, 20);
    const wall = Date.now() - t;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    log(`profile ${q}: wall ${wall} ms for 20, per-run p50 ${median(s.times).toFixed(1)}; self ms (all 20 runs):`);
    for (const [name, ms] of top) log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  }
  await cdp.detach();
}

/**
 * An archive as single saves leave it — one 64-document segment per pending merge — searched
 * before and after segment compaction (lib/store/indexer.ts compactSegments). Built with bulk
 * saves of 64 clips (each writes one 64-document segment, as a merge of 64 single saves does)
 * on a store that never compacts; then the shipped policy runs. Warm = the search API repeated
 * (rows cached); cold = each search on a fresh connection (no cached rows: a panel just opened).
 */
async function fragmented(page: Page, n: number): Promise<BenchSection> {
  const name = `bench-fragmented-${n}`;
  const t0 = Date.now();
  await call(page, 'build', name, n, 64, false);
  log(`fragmented ${n}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const measure = async () => {
    const out = new Map<string, { warm: number[]; cold: number[] }>();
    for (const q of QUERIES.slice(0, 6)) out.set(q.form, { warm: (await call(page, 'search', q.query, 20)).times, cold: await call(page, 'coldSearch', name, q.query, 7) });
    return out;
  };
  const segsBefore = await call(page, 'segments');
  const before = await measure();
  const { ms, segments, saves, searches } = await call(page, 'compact', n, Math.ceil(n / 10));
  log(`fragmented ${n}: ${segsBefore.length} segments → ${segments.length} in ${(ms / 1000).toFixed(1)} s`);
  const after = await measure();
  const rows: Record<string, string | number>[] = [...before].map(([form, b]) => {
    const a = after.get(form)!;
    return {
      query: form,
      'before: warm p50 / p95 ms': `${r1(median(b.warm))} / ${r1(percentile(b.warm, 95))}`,
      'before: cold p50 ms': r1(median(b.cold)),
      'after: warm p50 / p95 ms': `${r1(median(a.warm))} / ${r1(percentile(a.warm, 95))}`,
      'after: cold p50 ms': r1(median(a.cold)),
      'cold ×': r1(median(b.cold) / median(a.cold)),
    };
  });
  const sizes = (v: number[]) => `${v.length} (${Math.min(...v)}–${Math.max(...v)} docs)`;
  // Missing cells print empty (printSection).
  rows.push({ query: 'segments', 'before: warm p50 / p95 ms': sizes(segsBefore), 'after: warm p50 / p95 ms': sizes(segments) });
  const during = (v: number[]) => `${r1(median(v))} / ${r1(percentile(v, 95))} / ${r1(Math.max(...v))}`;
  rows.push({ query: 'compaction (all of it, background transactions)', 'after: warm p50 / p95 ms': `${r1(ms / 1000)} s` });
  rows.push({ query: `during it: ${saves.length} single saves, p50 / p95 / max ms`, 'after: warm p50 / p95 ms': during(saves) });
  rows.push({ query: `during it: ${searches.length} searches, p50 / p95 / max ms`, 'after: warm p50 / p95 ms': during(searches) });
  await call(page, 'deleteDb', name);
  return {
    title: `Fragmented archive: ${n / 1000}k clips in 64-document segments (as single saves leave them), before and after compaction`,
    note: 'Bulk saves of 64 clips on a store that never compacts (each writes the 64-document segment a merge of 64 single saves writes); then the shipped policy (8 adjacent segments of a level merged, up to 4,096 documents), with single saves (n/10 of them at most) and searches back to back all through it. Warm: 20 runs of the search API after 2 warm-ups (rows cached). Cold: 7 searches, each on a fresh connection (no cached rows, as in a panel just opened).',
    rows,
  };
}

export async function run(): Promise<BenchSection[]> {
  const sizes = (process.env.STORE_BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
  const corpus = readFileSync(CORPUS, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CorpusArticle);
  await bundle();
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const sections: BenchSection[] = [];
  // One context: its tabs share the origin's IndexedDB (browser.newPage would open each in a context of its own, with empty storage).
  const context = await browser.newContext();
  /** A new tab on the bench page (a renderer process of its own), corpus loaded. */
  const openPage = async () => {
    const p = await context.newPage();
    p.on('pageerror', (e) => log(`page error: ${e.message}`));
    await p.goto(url);
    await p.waitForFunction(() => 'storeBench' in window);
    await call(p, 'setCorpus', corpus);
    return p;
  };
  try {
    let page = await openPage();

    if (!process.env.STORE_BENCH_PROFILE) {
      // Layout decision: the rejected multiEntry layout against the packed segments, same 2,000 clips.
      const layoutN = 2000;
      const me = await call(page, 'multiEntryLayout', layoutN, 500, 40, '生产');
      await call(page, 'deleteDb', 'layout-packed');
      const packedBefore = await call(page, 'estimate');
      const packedBatches = await call(page, 'build', 'layout-packed', layoutN, 500);
      const packedSingles = await call(page, 'singleSaves', layoutN, 40);
      const packedQuery = await call(page, 'search', '生产', 10);
      const packedUsage = (await call(page, 'estimate')) - packedBefore;
      await call(page, 'deleteDb', 'layout-packed');
      const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
      sections.push({
        title: `Store index layout: one entry per (term, clip) vs packed segments (${layoutN} clips, real Chromium)`,
        note: 'multiEntry = a *terms index over each clip\'s distinct unigrams/bigrams/words; packed = lib/store (postings per term and segment, positions included). Query = the 2-char term 生产 (multiEntry: primary keys only, no ranking or positions; packed: the full search with ranking and snippets).',
        rows: [
          {
            layout: 'multiEntry per clip',
            'bulk ms/clip': r1((sum(me.batchTimes) / layoutN) * 100) / 100,
            'single save p50 ms': median(me.singleTimes),
            'single save p95 ms': percentile(me.singleTimes, 95),
            '2-char query p50 ms': median(me.queryTimes),
            'disk KiB/clip': r1(me.usage / 1024 / (layoutN + 40)),
          },
          {
            layout: 'packed segments (chosen)',
            'bulk ms/clip': r1((sum(packedBatches) / layoutN) * 100) / 100,
            'single save p50 ms': median(packedSingles),
            'single save p95 ms': percentile(packedSingles, 95),
            '2-char query p50 ms': median(packedQuery.times),
            'disk KiB/clip': r1(packedUsage / 1024 / (layoutN + 40)),
          },
        ],
      });
      log(`layout done: multiEntry ${JSON.stringify({ hits: me.hits, usage: me.usage })}`);
    }

    const fragN = Number(process.env.STORE_BENCH_FRAGMENTED ?? 10000);
    if (fragN > 0) sections.push(await fragmented(page, fragN));

    for (const n of sizes) {
      const name = `bench-${n}`;
      const before = await call(page, 'estimate');
      const t0 = Date.now();
      const batch = 2000;
      const batches = await call(page, 'build', name, n, batch);
      const buildMs = Date.now() - t0;
      log(`${n}: built in ${(buildMs / 1000).toFixed(1)} s`);
      const usage = (await call(page, 'estimate')) - before;
      // Saves and searches are timed in a page of their own, opened on the built archive, as the
      // extension's worker or panel opens a user's archive. The page that built it holds the
      // build's garbage (~370 MB at 10k until a full collection), and there every young-generation
      // collection paused the saves 15–44 ms (--trace-gc, 2026-12-03): its single-save p95 was
      // that harness's, not the store's.
      await call(page, 'close');
      await page.close();
      page = await openPage();
      await call(page, 'attach', name);
      // Its first saves load the folding dictionaries and run code not yet optimised: reported
      // apart (the first one, and the 100 of the warm-up), then 200 timed.
      const warmup = await call(page, 'singleSaves', n + 800, 100);
      log(`${n}: first save in the new page ${r1(warmup[0]!)} ms; warm-up saves p50 ${r1(median(warmup))} p95 ${r1(percentile(warmup, 95))} ms`);
      // 200 single saves on top: three of them merge 64 pending clips into a segment.
      const singles = await call(page, 'singleSaves', n, 200);
      const slow = singles.map((ms, i) => [i, ms] as const).sort((a, b) => b[1] - a[1]).slice(0, 12);
      log(`${n}: slowest single saves (number: ms): ${slow.map(([i, ms]) => `${i}: ${r1(ms)}`).join(', ')}`);
      // Searches are timed on a settled index: the third merge of those saves would otherwise run
      // under the first query's searches (each waits for at most one of its short row transactions).
      log(`${n}: maintenance after the saves finished in ${r1(await call(page, 'flush'))} ms`);
      // The same at a person's pace (a click at a time): 100 ms apart, the merges they make due run in between.
      const paced = await call(page, 'singleSaves', n + 1000, 200, 100);
      log(`${n}: paced single saves p50 ${r1(median(paced))} p95 ${r1(percentile(paced, 95))} max ${r1(Math.max(...paced))} ms`);
      await call(page, 'flush');
      // The floor under those saves on this machine, now: the same IndexedDB requests, raw.
      const raw = await call(page, 'rawSaves', n + 500, 200);
      log(`${n}: raw IndexedDB saves p50 ${r1(median(raw))} p95 ${r1(percentile(raw, 95))} ms`);
      // And at the paced saves' pace: a request after 100 ms of quiet takes longer (threads wake up: ~1 ms at the median here).
      const rawPaced = await call(page, 'rawSaves', n + 1500, 200, 100);
      log(`${n}: raw IndexedDB saves 100 ms apart p50 ${r1(median(rawPaced))} p95 ${r1(percentile(rawPaced, 95))} ms`);
      if (process.env.STORE_BENCH_PROFILE) await profileSearches(page, process.env.STORE_BENCH_PROFILE.split(','), n);
      const rows: Record<string, string | number>[] = [];
      const targets = [];
      // p95 of 20 runs lies between the slowest and second-slowest search: one stall moved it 2-7x
      // between runs of the same code (2026-12-02: 15.4 and 24.8 ms an hour apart, p50s within 1 ms).
      // With 60 runs it lies between the fourth and third slowest (40 at 100k: third and second).
      const runs = n >= 100000 ? 40 : 60;
      const naiveRuns = n >= 100000 ? 2 : 3;
      let slowestP95 = 0;
      let worstRatio = Infinity;
      // Every indexed search first, then the naive scans: a scan loads all clips (~90 MB at 10k), and
      // the collector's pause for that garbage fell on the next query's searches (one 4-char search
      // of 394 ms at 10k, the rest 4–27 ms, on 2026-12-02).
      const searched = [];
      for (const q of QUERIES) searched.push(await call(page, 'search', q.query, runs));
      for (const [qi, q] of QUERIES.entries()) {
        const s = searched[qi]!;
        const naive = await call(page, 'naive', q.naive, naiveRuns);
        const p95 = percentile(s.times, 95);
        const ratio = median(naive.times) / median(s.times);
        const core = !q.form.includes('95%');
        if (core) {
          slowestP95 = Math.max(slowestP95, p95);
          worstRatio = Math.min(worstRatio, ratio);
        }
        rows.push({
          query: `${q.form}: ${q.query}`,
          hits: s.total,
          'naive hits': naive.total,
          'p50 ms': median(s.times),
          'p95 ms': p95,
          'naive p50 ms': median(naive.times),
          'speed-up ×': r1(ratio),
        });
        log(`${n}: ${q.form} p50 ${median(s.times).toFixed(1)} p95 ${p95.toFixed(1)} naive ${median(naive.times).toFixed(0)}`);
      }
      const bulkRate = (n / batches.reduce((a, b) => a + b, 0)) * 1000;
      rows.push({ query: 'single save: the first 100 in a new page (first one / p50 / p95)', 'p50 ms': median(warmup), 'p95 ms': percentile(warmup, 95), 'naive p50 ms': '', hits: '', 'naive hits': '', 'speed-up ×': `first ${r1(warmup[0]!)} ms` });
      rows.push({ query: 'single save (200, one clip each)', 'p50 ms': median(singles), 'p95 ms': percentile(singles, 95), 'naive p50 ms': '', hits: '', 'naive hits': '', 'speed-up ×': `max ${r1(Math.max(...singles))} ms` });
      rows.push({
        query: 'floor: raw IndexedDB, the same requests (200)',
        'p50 ms': median(raw),
        'p95 ms': percentile(raw, 95),
        'naive p50 ms': '',
        hits: '',
        'naive hits': '',
        'speed-up ×': `save / floor: p50 ${r1(median(singles) / median(raw))}×, p95 ${r1(percentile(singles, 95) / percentile(raw, 95))}×`,
      });
      rows.push({ query: 'single save, 100 ms apart (200)', 'p50 ms': median(paced), 'p95 ms': percentile(paced, 95), 'naive p50 ms': '', hits: '', 'naive hits': '', 'speed-up ×': `max ${r1(Math.max(...paced))} ms` });
      rows.push({
        query: 'floor: the same requests raw, 100 ms apart (200)',
        'p50 ms': median(rawPaced),
        'p95 ms': percentile(rawPaced, 95),
        'naive p50 ms': '',
        hits: '',
        'naive hits': '',
        'speed-up ×': `save / floor: p50 ${r1(median(paced) / median(rawPaced))}×, p95 ${r1(percentile(paced, 95) / percentile(rawPaced, 95))}×`,
      });
      rows.push({ query: `bulk save (batches of ${batch})`, 'p50 ms': median(batches), 'p95 ms': percentile(batches, 95), hits: `${Math.round(bulkRate)} clips/s`, 'naive hits': '', 'naive p50 ms': '', 'speed-up ×': '' });
      rows.push({ query: 'DB size on disk (storage.estimate)', hits: `${r1(usage / 1024 / 1024)} MiB`, 'naive hits': `${r1(usage / 1024 / n)} KiB/clip`, 'p50 ms': '', 'p95 ms': '', 'naive p50 ms': '', 'speed-up ×': '' });
      const limit = n >= 100000 ? 50 : 20;
      const label = n >= 1000 ? `${n / 1000}k` : String(n);
      targets.push(target(`search p95 at ${label} (slowest of the six forms)`, slowestP95, limit));
      if (n >= 100000) targets.push(target(`speed-up vs naive scan at ${label} (smallest of the six forms)`, worstRatio, 10, '×', '>='));
      targets.push(target(`single save p95 at ${label}`, percentile(singles, 95), 10));
      // STORE_BENCH_DIAG=1: median ms of each read a search makes, to see where the time goes.
      if (process.env.STORE_BENCH_DIAG) for (const term of ['河', '生产']) log(`${n}: reads for ${term}: ${JSON.stringify(await call(page, 'readCosts', term))}`);
      const consistency = n <= 10000 ? await call(page, 'consistency') : null;
      sections.push({
        title: `Clip store at ${label} clips (real Chromium IndexedDB)`,
        note:
          `Clips: corpus article i mod ${corpus.length}, paragraphs rotated by ⌊i/${corpus.length}⌋, a serial number in the title, own URL, date shifted by ⌊i/${corpus.length}⌋ days. ` +
          `Built in ${(buildMs / 1000).toFixed(1)} s. Saves and searches run in a new tab opened on the built archive (the building page's heap holds the build's garbage). Single saves: 100 warm-up saves reported apart, then 200 back to back (three of them make a 64-document merge due, which runs in the background), then 200 more 100 ms apart. ` +
          `Floor: the requests a save makes (dedupe reads, counters, then the clip, a meta row and its pending row, prepared beforehand) as one raw IndexedDB transaction each, right after the maintenance finished. ` +
          `Search = full API call (parse, rank, load the first 20 clips, snippets), ${runs} runs after 2 warm-ups, once the saves' maintenance has finished; ` +
          `naive = read every clip in getAll chunks of 2000 and test the text with includes, ${naiveRuns} runs.` +
          (consistency ? ` checkConsistency: ${consistency.ok ? 'ok' : consistency.problems.slice(0, 3).join('; ')}.` : ''),
        rows,
        targets,
      });
      await call(page, 'deleteDb', name);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return sections;
}

// Soak in real Chromium through the extension's own testkit page (its IndexedDB, its store code):
// save 100,000 clips in bulk batches, run 10,000 random searches (p50/p95), move 10% to the trash
// and restore them, then checkConsistency() must be ok. Reports time per phase and DB size.
// Clips are built from ../shared/corpus/articles.jsonl: article i mod N, paragraphs in a per-round
// shuffled order, a round number in the title, its own URL and a date shifted by the round.
// Needs `ER_TESTKIT=1 npx wxt build`. SOAK_CLIPS / SOAK_QUERIES / SOAK_BATCH / SOAK_SAMPLE override the sizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../../harness/chromium';
import { EXTENSION } from '../../e2e/env';
import { median, percentile, target, type BenchSection } from '../util';
import type { CorpusArticle } from '../store/page';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'articles.jsonl');


/**
 * Browser-side helpers, installed as plain JavaScript (a string: the extension page's CSP forbids
 * inline scripts, but DevTools evaluation is allowed, and a string keeps the bundler's helpers out).
 */
const PAGE_CODE = String.raw`
(() => {
  const store = window.erStore;
  const state = { corpus: [], ids: [] };
  // Deterministic PRNG (mulberry32), so every run saves the same clips and asks the same queries.
  function rng(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffled(list, seed) {
    const out = list.slice();
    const r = rng(seed);
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      const t = out[i]; out[i] = out[j]; out[j] = t;
    }
    return out;
  }
  function variant(i) {
    const a = state.corpus[i % state.corpus.length];
    const round = Math.floor(i / state.corpus.length);
    const paras = a.paragraphs.length ? a.paragraphs : [a.title];
    const d = new Date(a.date + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + round);
    return {
      kind: 'article', kicker: a.kicker, title: a.title + '（' + round + '）', subtitle: a.subtitle, byline: a.byline,
      dateline: null, body: shuffled(paras, i + 1).map(function (text) { return { type: 'paragraph', text: text }; }),
      credit: null, truncated: false, continuedOn: null,
      url: 'https://soak.example/' + a.id + '/' + i + '.html', paper: a.paper, date: d.toISOString().slice(0, 10), page: a.page,
    };
  }
  async function timed(fn) {
    const t = performance.now();
    const value = await fn();
    return { ms: performance.now() - t, value: value };
  }
  window.erSoak = {
    setCorpus: function (list) { state.corpus = list; return list.length; },
    saveBatch: async function (from, n) {
      const inputs = [];
      for (let i = from; i < from + n; i++) inputs.push(variant(i));
      const r = await timed(function () { return store.saveClips(inputs); });
      let added = 0;
      const ids = [];
      for (const x of r.value.results) { state.ids.push(x.id); ids.push(x.id); if (x.status === 'added') added++; }
      return { ms: r.ms, added: added, ids: ids };
    },
    search: async function (queries) {
      const times = [];
      let hits = 0, zero = 0;
      for (const q of queries) {
        const r = await timed(function () { return store.search(q); });
        times.push(r.ms);
        hits += r.value.total;
        if (r.value.total === 0) zero++;
      }
      return { times: times, hits: hits, zero: zero };
    },
    /** Trash (or restore) the clips at these positions of the saved ids, 'parallel' calls in flight. */
    trash: async function (positions, restore, parallel) {
      const ids = positions.map(function (p) { return state.ids[p]; });
      const times = [];
      let next = 0;
      async function worker() {
        while (next < ids.length) {
          const id = ids[next++];
          const r = await timed(function () { return restore ? store.restoreClip(id) : store.deleteClip(id); });
          times.push(r.ms);
        }
      }
      const t = performance.now();
      const workers = [];
      for (let k = 0; k < parallel; k++) workers.push(worker());
      await Promise.all(workers);
      return { ms: performance.now() - t, times: times };
    },
    /**
     * Sampled check (when the full check cannot run): each clip is stored and live, and a phrase
     * from its first paragraph, searched within its issue date, finds it (its postings are indexed).
     */
    verifySample: async function (ids) {
      const problems = [];
      const t = performance.now();
      for (const id of ids) {
        const c = await store.getClip(id);
        if (!c) { problems.push(id + ': not stored'); continue; }
        if (c.deletedAt !== null) { problems.push(id + ': still in the trash'); continue; }
        let run = '';
        for (const b of c.body) { const m = b.text.match(/\p{Script=Han}{6,}/u); if (m) { run = m[0].slice(0, 6); break; } }
        if (!run) continue;
        const r = await store.search('"' + run + '"', { dateFrom: c.date, dateTo: c.date }, { limit: 200 });
        if (!r.hits.some(function (h) { return h.clip.id === id; })) problems.push(id + ': not found by "' + run + '" on ' + c.date + ' (' + r.total + ' hits)');
      }
      return { ms: performance.now() - t, problems: problems };
    },
    stats: function () { return store.stats(); },
    consistency: function () { return timed(function () { return store.checkConsistency(); }); },
    estimate: async function () { const e = await navigator.storage.estimate(); return e.usage || 0; },
    idCount: function () { return state.ids.length; },
  };
  return true;
})()`;

const log = (msg: string) => process.stderr.write(`  soak: ${msg}\n`);
const s1 = (ms: number) => Math.round(ms / 100) / 10;
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Seeded PRNG for the Node side (query words, which clips to trash). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random queries with words from the corpus: 1–4 Han characters, two terms, phrases, a few misses. */
function randomQueries(corpus: CorpusArticle[], n: number): string[] {
  const r = rng(8);
  const runs = corpus.flatMap((a) => [a.title, ...a.paragraphs].join('').match(/\p{Script=Han}{2,}/gu) ?? []);
  const word = (len: number) => {
    for (;;) {
      const run = runs[Math.floor(r() * runs.length)]!;
      if (run.length < len) continue;
      const at = Math.floor(r() * (run.length - len + 1));
      return run.slice(at, at + len);
    }
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.1) out.push(word(1));
    else if (x < 0.5) out.push(word(2));
    else if (x < 0.7) out.push(word(3 + Math.floor(r() * 2)));
    else if (x < 0.85) out.push(`${word(2)} ${word(2)}`);
    else if (x < 0.97) out.push(`"${word(4 + Math.floor(r() * 3))}"`);
    else out.push(`${word(2)}量子纠缠`);
  }
  return out;
}

const call = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([f, a]) => (window as unknown as { erSoak: Record<string, (...x: unknown[]) => unknown> }).erSoak[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;

export async function run(): Promise<BenchSection[]> {
  const total = Number(process.env.SOAK_CLIPS ?? 100_000);
  const queryCount = Number(process.env.SOAK_QUERIES ?? 10_000);
  const batch = Number(process.env.SOAK_BATCH ?? 2000);
  // A date-filtered phrase search costs ~0.2 s at 100k clips: 300 samples keep the check near a minute.
  const sampleSize = Number(process.env.SOAK_SAMPLE ?? 300);
  const corpus = readFileSync(CORPUS, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CorpusArticle);
  const session = await launch({ extension: EXTENSION });
  const started = Date.now();
  try {
    const kit = await session.openExtensionPage('testkit.html');
    kit.on('pageerror', (e) => log(`page error: ${e.message}`));
    await kit.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    await kit.evaluate(PAGE_CODE);
    await call(kit, 'setCorpus', corpus);
    const empty = await call<number>(kit, 'estimate');

    // 1. Save.
    const batchMs: number[] = [];
    const ids: string[] = [];
    let added = 0;
    const t0 = Date.now();
    for (let i = 0; i < total; i += batch) {
      const n = Math.min(batch, total - i);
      const r = await call<{ ms: number; added: number; ids: string[] }>(kit, 'saveBatch', i, n);
      batchMs.push(r.ms);
      ids.push(...r.ids);
      added += r.added;
      if ((i / batch) % 10 === 9 || i + n >= total) log(`saved ${i + n}/${total} (${s1(Date.now() - t0)} s)`);
    }
    const saveMs = Date.now() - t0;
    const saved = await call<{ clips: number }>(kit, 'stats');
    const sizeAfterSave = (await call<number>(kit, 'estimate')) - empty;

    // 2. Search.
    const queries = randomQueries(corpus, queryCount);
    const times: number[] = [];
    let hits = 0;
    let zero = 0;
    const t1 = Date.now();
    for (let i = 0; i < queries.length; i += 500) {
      const r = await call<{ times: number[]; hits: number; zero: number }>(kit, 'search', queries.slice(i, i + 500));
      times.push(...r.times);
      hits += r.hits;
      zero += r.zero;
      if ((i / 500) % 4 === 3 || i + 500 >= queries.length) log(`searched ${Math.min(i + 500, queries.length)}/${queries.length} (${s1(Date.now() - t1)} s)`);
    }
    const searchMs = Date.now() - t1;

    // 3. Trash 10% (random, seeded), then restore them.
    const r = rng(10);
    const chosen = new Set<number>();
    const tenth = Math.floor(total / 10);
    while (chosen.size < tenth) chosen.add(Math.floor(r() * total));
    const positions = [...chosen];
    const del = await call<{ ms: number; times: number[] }>(kit, 'trash', positions, false, 8);
    const afterDelete = await call<{ clips: number; trash: number }>(kit, 'stats');
    log(`trashed ${positions.length} in ${s1(del.ms)} s`);
    const res = await call<{ ms: number; times: number[] }>(kit, 'trash', positions, true, 8);
    const afterRestore = await call<{ clips: number; trash: number }>(kit, 'stats');
    log(`restored ${positions.length} in ${s1(res.ms)} s`);

    // 4. Consistency: the index recomputed from the clips must equal the stored one (the check reads
    // in bounded chunks, so it fits at 100k); a sampled check from a fresh page runs as well.
    const sizeEnd = (await call<number>(kit, 'estimate')) - empty;
    let check: { ms: number; ok: boolean; detail: string };
    const t4 = Date.now();
    try {
      const c = await call<{ ms: number; value: { ok: boolean; problems: string[] } }>(kit, 'consistency');
      check = { ms: c.ms, ok: c.value.ok, detail: c.value.ok ? 'ok' : `${c.value.problems.length} problems: ${c.value.problems.slice(0, 3).join('; ')}` };
    } catch (e) {
      check = { ms: Date.now() - t4, ok: false, detail: `did not finish: ${(e as Error).message.split('\n')[0]}` };
    }
    log(`consistency: ${check.detail} (${s1(check.ms)} s)`);
    // Always, and from a fresh page (the full check may have crashed the first one): a sampled check.
    let sample: { ms: number; problems: string[]; n: number } | null = null;
    {
      const fresh = await session.openExtensionPage('testkit.html');
      await fresh.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
      await fresh.evaluate(PAGE_CODE);
      const pick = rng(11);
      const chosenIds = Array.from({ length: Math.min(sampleSize, ids.length) }, () => ids[Math.floor(pick() * ids.length)]!);
      const v = await call<{ ms: number; problems: string[] }>(fresh, 'verifySample', chosenIds);
      sample = { ...v, n: chosenIds.length };
      log(`sampled check: ${v.problems.length} problems in ${chosenIds.length} clips (${s1(v.ms)} s)`);
    }
    const wall = Date.now() - started;

    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const rows: Record<string, string | number>[] = [
      { phase: `save ${total} clips (batches of ${batch})`, 'total s': s1(saveMs), 'p50 ms': r1(median(batchMs)), 'p95 ms': r1(percentile(batchMs, 95)), result: `${added} added, ${saved.clips} live; ${Math.round((total / sum(batchMs)) * 1000)} clips/s` },
      { phase: `search ${queries.length} random queries`, 'total s': s1(searchMs), 'p50 ms': r1(median(times)), 'p95 ms': r1(percentile(times, 95)), result: `p99 ${r1(percentile(times, 99))} ms, max ${r1(Math.max(...times))} ms; ${hits} hits, ${zero} with none` },
      { phase: `trash ${positions.length} (10%)`, 'total s': s1(del.ms), 'p50 ms': r1(median(del.times)), 'p95 ms': r1(percentile(del.times, 95)), result: `${afterDelete.clips} live, ${afterDelete.trash} in trash` },
      { phase: `restore ${positions.length}`, 'total s': s1(res.ms), 'p50 ms': r1(median(res.times)), 'p95 ms': r1(percentile(res.times, 95)), result: `${afterRestore.clips} live, ${afterRestore.trash} in trash` },
      { phase: 'checkConsistency()', 'total s': s1(check.ms), 'p50 ms': '', 'p95 ms': '', result: check.detail },
      ...(sample
        ? [{ phase: `sampled check, ${sample.n} clips (stored, live, found by a phrase)`, 'total s': s1(sample.ms), 'p50 ms': '', 'p95 ms': '', result: sample.problems.length ? `${sample.problems.length} problems: ${sample.problems.slice(0, 3).join('; ')}` : 'ok' }]
        : []),
      { phase: 'DB size (navigator.storage.estimate)', 'total s': '', 'p50 ms': '', 'p95 ms': '', result: `${r1(sizeAfterSave / 1024 / 1024)} MiB after saving, ${r1(sizeEnd / 1024 / 1024)} MiB after trash/restore (${r1(sizeEnd / 1024 / total)} KiB/clip)` },
    ];
    return [
      {
        title: `Soak: ${total} clips, ${queries.length} searches, 10% trashed and restored (real Chromium, the extension's testkit page)`,
        note: `Wall time ${s1(wall)} s. Search = full API call (parse, rank, first 20 clips, snippets), one at a time; trash/restore = one clip per call, 8 calls in flight.`,
        rows,
        targets: [
          { name: 'every clip saved once', actual: `${saved.clips}`, target: `= ${total}`, pass: saved.clips === total && added === total },
          { name: 'trash then restore round-trips', actual: `${afterDelete.clips}/${afterDelete.trash} → ${afterRestore.clips}/${afterRestore.trash}`, target: `${total - tenth}/${tenth} → ${total}/0`, pass: afterDelete.clips === total - tenth && afterDelete.trash === tenth && afterRestore.clips === total && afterRestore.trash === 0 },
          { name: 'checkConsistency() after the soak', actual: check.ok ? 'ok' : check.detail.slice(0, 60), target: 'ok', pass: check.ok },
          ...(sample ? [{ name: `sampled check (${sample.n} clips)`, actual: `${sample.problems.length} problems`, target: '0 problems', pass: sample.problems.length === 0 }] : []),
          target('search p95', percentile(times, 95), 50),
          target('soak wall time', wall / 60000, 10, 'min'),
        ],
      },
    ];
  } finally {
    await session.close();
  }
}

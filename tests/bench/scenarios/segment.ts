// Bench: lib/segment's cleanText on the seed (median of many runs), the seed ×10 and ×100 (every
// extra copy is a duplicate: the worst case for de-duplication), 100 distinct corpus pages one by
// one and concatenated, and Readability (jsdom) on the seed's HTML rendering as the baseline.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { cleanText } from '../../../lib/segment';
import { median, target, timeRuns, type BenchSection } from '../util';

const root = join(import.meta.dirname, '../../..');
const seed = readFileSync(join(root, 'seeds/000_eb3ad0464bd81ecb.txt'), 'utf8');

interface CorpusArticle {
  title: string;
  kicker: string | null;
  subtitle: string | null;
  byline: string | null;
  paragraphs: string[];
}

/** 100 distinct pages: each corpus article as a page's text (headline lines, byline, paragraphs). */
function corpusPages(): string[] {
  const file = join(root, '../shared/corpus/articles.jsonl');
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CorpusArticle);
  return rows.slice(0, 100).map((a) => {
    const paras = a.byline && a.paragraphs[0]?.startsWith(a.byline) ? a.paragraphs : [...(a.byline ? [a.byline] : []), ...a.paragraphs];
    return [a.kicker, a.title, a.subtitle, ...paras].filter(Boolean).join('\n\n');
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Fallback: the seed as a plain HTML page, one <p> per block. */
function seedHtml(): string {
  const blocks = seed.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return `<!doctype html><html><head><meta charset="utf-8"><title>江苏工人报</title></head><body><div id="content">${blocks
    .map((b) => `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`)
    .join('\n')}</div></body></html>`;
}

/**
 * Time a and b alternately (a, b, a, b…) so both see the same machine load: this machine is shared,
 * and ratios between two medians taken minutes apart are noise. Returns each run's ms.
 */
function paired(a: () => unknown, b: () => unknown, minRounds: number, minMs: number): [number[], number[]] {
  for (let i = 0; i < 3; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const start = performance.now();
  while (ta.length < minRounds || performance.now() - start < minMs) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  return [ta, tb];
}

export async function run(): Promise<BenchSection[]> {
  const seedMs = timeRuns(() => cleanText(seed), { warmup: 20, minRuns: 300, minMs: 1500 });
  const seed10 = Array.from({ length: 10 }, () => seed).join('\n\n');
  const seed100 = Array.from({ length: 100 }, () => seed).join('\n\n');
  const x10 = timeRuns(() => cleanText(seed10), { warmup: 3, minRuns: 20, minMs: 1000 });
  // ×100 against 100 single runs of the seed, alternately.
  const [x100, seedBatch] = paired(
    () => cleanText(seed100),
    () => {
      for (let i = 0; i < 100; i++) cleanText(seed);
    },
    10,
    3000,
  );

  const pages = corpusPages();
  const all = pages.join('\n\n');
  const [oneByOne, together] = paired(
    () => pages.forEach((p) => cleanText(p)),
    () => cleanText(all),
    15,
    3000,
  );

  // The seed's HTML rendering: the demo e-paper page built from it (seeds/), else a plain <p> rendering.
  const demo = join(root, 'seeds/demo_content_1.htm');
  const html = existsSync(demo) ? readFileSync(demo, 'utf8') : seedHtml();
  const htmlName = existsSync(demo) ? 'seeds/demo_content_1.htm' : 'seed as <p> blocks';
  const [seedPaired, readability] = paired(
    () => cleanText(seed),
    () => {
      // Used as a reader would: parse, then close the window so its DOM does not pile up on the heap.
      const { window } = new JSDOM(html);
      const article = new Readability(window.document).parse();
      window.close();
      return article;
    },
    30,
    3000,
  );

  // Ratios are medians of each round's own ratio (a, b taken back to back): this machine's speed
  // changes by ~1.5× from minute to minute, and a ratio of two medians mixes rounds taken at
  // different speeds.
  const ratio = (a: number[], b: number[], scale = 1) => median(a.map((x, i) => (x / b[i]!) * scale));
  const m = {
    seed: median(seedMs),
    x10: median(x10),
    x100: median(x100),
    seedBatch: median(seedBatch) / 100,
    oneByOne: median(oneByOne),
    together: median(together),
    seedPaired: median(seedPaired),
    readability: median(readability),
  };
  const kb = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(0);
  return [
    {
      title: 'segment: cleanText',
      note: 'medians in ms; ×N = the seed repeated N times (every extra copy is a duplicate); corpus = 100 distinct pages from ../shared/corpus; ratios (targets) are medians of per-round ratios of runs taken back to back (shared, noisy machine)',
      rows: [
        { case: 'seed', KiB: kb(seed), runs: seedMs.length, median_ms: m.seed },
        { case: 'seed ×10', KiB: kb(seed10), runs: x10.length, median_ms: m.x10, per_copy_ms: m.x10 / 10 },
        { case: 'seed ×100', KiB: kb(seed100), runs: x100.length, median_ms: m.x100, per_copy_ms: m.x100 / 100 },
        { case: 'seed, 100 runs alternating with ×100 (per run)', KiB: kb(seed), runs: seedBatch.length * 100, median_ms: m.seedBatch },
        { case: '100 corpus pages, one by one', KiB: kb(all), runs: oneByOne.length, median_ms: m.oneByOne },
        { case: '100 corpus pages, concatenated', KiB: kb(all), runs: together.length, median_ms: m.together },
        { case: 'seed, alternating with Readability', KiB: kb(seed), runs: seedPaired.length, median_ms: m.seedPaired },
        { case: `Readability + jsdom, ${htmlName} (baseline)`, KiB: kb(html), runs: readability.length, median_ms: m.readability },
      ],
      targets: [
        target('seed median', m.seed, 2),
        target('seed ×100 vs 110 × seed', ratio(x100, seedBatch, 100), 110, '×'),
        target('100 pages concatenated vs 110 × one page (one by one / 100)', ratio(together, oneByOne, 100), 110, '×'),
        target('cleanText / Readability on the seed', ratio(seedPaired, readability), 0.05, '×'),
      ],
    },
  ];
}

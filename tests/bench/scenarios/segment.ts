// Bench: lib/segment's cleanText on the seed (median of many runs), the seed ×10 and ×100 (every
// extra copy is a duplicate: the worst case for de-duplication), 100 distinct corpus pages one by
// one and concatenated, and Readability (jsdom) on the seed's HTML rendering as the baseline.
import { readFileSync } from 'node:fs';
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

/** The seed as a plain e-paper HTML page: one <p> per block. */
function seedHtml(): string {
  const blocks = seed.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return `<!doctype html><html><head><meta charset="utf-8"><title>江苏工人报</title></head><body><div id="content">${blocks
    .map((b) => `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`)
    .join('\n')}</div></body></html>`;
}

export async function run(): Promise<BenchSection[]> {
  const seedMs = timeRuns(() => cleanText(seed), { warmup: 20, minRuns: 200, minMs: 1500 });
  const seed10 = Array.from({ length: 10 }, () => seed).join('\n\n');
  const seed100 = Array.from({ length: 100 }, () => seed).join('\n\n');
  const x10 = timeRuns(() => cleanText(seed10), { warmup: 3, minRuns: 20, minMs: 1000 });
  const x100 = timeRuns(() => cleanText(seed100), { warmup: 2, minRuns: 10, minMs: 2000 });

  const pages = corpusPages();
  const all = pages.join('\n\n');
  const oneByOne = timeRuns(() => pages.forEach((p) => cleanText(p)), { warmup: 2, minRuns: 10, minMs: 1500 });
  const together = timeRuns(() => cleanText(all), { warmup: 2, minRuns: 10, minMs: 1500 });

  const html = seedHtml();
  const readability = timeRuns(() => new Readability(new JSDOM(html).window.document).parse(), { warmup: 3, minRuns: 20, minMs: 2000 });

  const m = { seed: median(seedMs), x10: median(x10), x100: median(x100), oneByOne: median(oneByOne), together: median(together), readability: median(readability) };
  const kb = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(0);
  return [
    {
      title: 'segment: cleanText',
      note: 'medians in ms; ×N = the seed repeated N times (every extra copy is a duplicate); corpus = 100 distinct pages from ../shared/corpus',
      rows: [
        { case: 'seed', KiB: kb(seed), runs: seedMs.length, median_ms: m.seed },
        { case: 'seed ×10', KiB: kb(seed10), runs: x10.length, median_ms: m.x10, per_copy_ms: m.x10 / 10 },
        { case: 'seed ×100', KiB: kb(seed100), runs: x100.length, median_ms: m.x100, per_copy_ms: m.x100 / 100 },
        { case: '100 corpus pages, one by one', KiB: kb(all), runs: oneByOne.length, median_ms: m.oneByOne },
        { case: '100 corpus pages, concatenated', KiB: kb(all), runs: together.length, median_ms: m.together },
        { case: 'Readability + jsdom, seed HTML (baseline)', KiB: kb(html), runs: readability.length, median_ms: m.readability },
      ],
      targets: [
        target('seed median', m.seed, 2),
        target('seed ×100 vs 110 × seed', m.x100 / m.seed, 110, '×'),
        target('100 pages concatenated vs 110 × one page (sum of one by one / 100)', m.together / (m.oneByOne / 100), 110, '×'),
        target('cleanText / Readability on the seed', m.seed / m.readability, 0.05, '×'),
      ],
    },
  ];
}

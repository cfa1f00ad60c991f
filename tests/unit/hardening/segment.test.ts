// Bad input to lib/segment (cleanText / cleanBlocks): each gives a CleanPage, never a throw, and
// loses no text silently. Timings are not asserted here (shared machine): only the test timeout,
// generous on purpose; seconds per MB are measured by tests/bench/scenarios/badinput.ts.
import { describe, expect, it } from 'vitest';
import { articleToPlainText } from '../../../lib/format';
import { cleanBlocks, cleanText } from '../../../lib/segment';
import type { CleanPage } from '../../../lib/types';
import {
  binaryText,
  EMPTY,
  LONE_SURROGATES,
  noPunctuation,
  oneCharBlocks,
  paragraph,
  paragraphNumbers,
  sameParagraph,
  textOfSize,
  WHITESPACE,
} from './inputs';

const HEAVY = 120_000;

/** Everything the page shows or lists as removed, as one text. */
const outputText = (page: CleanPage) => [...page.articles.map(articleToPlainText), ...page.removed.map((r) => r.text)].join('\n');

/** Every string anywhere in the result. */
function strings(page: CleanPage): string[] {
  const out: string[] = [];
  JSON.stringify(page, (_k, v: unknown) => {
    if (typeof v === 'string') out.push(v);
    return v;
  });
  return out;
}

function expectCleanPage(page: CleanPage) {
  expect(Array.isArray(page.articles)).toBe(true);
  expect(Array.isArray(page.removed)).toBe(true);
  for (const a of page.articles) {
    expect(typeof a.title).toBe('string');
    for (const b of a.body) expect(b.text.trim().length).toBeGreaterThan(0);
  }
  // The result survives the trip to the store and the side panel (structured clone, JSON).
  expect(JSON.parse(JSON.stringify(page))).toEqual(page);
}

describe('cleanText / cleanBlocks on bad input', () => {
  it('empty and whitespace-only text: an empty page', () => {
    for (const text of [EMPTY, WHITESPACE, '\n'.repeat(10_000), '\u3000'.repeat(5000)]) {
      const page = cleanText(text);
      expectCleanPage(page);
      expect(page.articles).toEqual([]);
      expect(page.removed).toEqual([]);
    }
    expect(cleanBlocks({ blocks: [] })).toEqual({ source: {}, articles: [], removed: [] });
    expect(cleanBlocks({ blocks: [{ text: '' }, { text: WHITESPACE, hint: 'title' }, { text: '\u200b', hint: 'byline' }] }).articles).toEqual([]);
  });

  it(
    '10 MB of text: every paragraph ends up in an article or in removed',
    () => {
      const text = textOfSize(10 * 1024 * 1024);
      expect(Buffer.byteLength(text)).toBeGreaterThan(10 * 1024 * 1024);
      const page = cleanText(text);
      expectCleanPage(page);
      expect(page.articles.length).toBeGreaterThan(0);
      const input = paragraphNumbers(text);
      const seen = new Set(paragraphNumbers(outputText(page)));
      expect(input.filter((n) => !seen.has(n))).toEqual([]);
    },
    HEAVY,
  );

  it(
    '100,000 one-character blocks (cleanBlocks and cleanText): a result made only of the input characters',
    () => {
      const blocks = oneCharBlocks(100_000);
      const inputChars = new Set(blocks.map((b) => b.text));
      for (const page of [cleanBlocks({ blocks }), cleanText(blocks.map((b) => b.text).join('\n\n'))]) {
        expectCleanPage(page);
        const out = outputText(page).replace(/\s/g, '');
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(blocks.length);
        expect([...new Set(out)].filter((c) => !inputChars.has(c))).toEqual([]);
      }
    },
    HEAVY,
  );

  it(
    'one 5 MB block with no punctuation: kept whole, as one paragraph',
    () => {
      const text = noPunctuation(5 * 1024 * 1024 / 3);
      const page = cleanText(text);
      expectCleanPage(page);
      const body = page.articles.flatMap((a) => [a.title, ...a.body.map((b) => b.text)]).join('');
      expect(body.length + page.removed.reduce((n, r) => n + r.text.length, 0)).toBe(text.length);
      expect(body).toBe(text);
      // The same as a DOM block with a title hint (a 5 MB "headline"): never trusted as a title.
      const hinted = cleanBlocks({ blocks: [{ text, hint: 'title' }] });
      expect(hinted.articles.flatMap((a) => a.title.length)).not.toContain(text.length);
    },
    HEAVY,
  );

  it('binary-looking text (every code unit but the surrogates): a result, made of the input characters', () => {
    const text = binaryText(200_000);
    const inputChars = new Set(text);
    const page = cleanText(text);
    expectCleanPage(page);
    const foreign = new Set<string>();
    for (const s of strings(page)) for (const c of s) if (!inputChars.has(c) && c !== ' ' && c !== '\n') foreign.add(c);
    // Only the page-type label and reason/detail words are ours; no invented text from the page.
    const ours = new Set(['text', 'article', 'caption', 'notice', 'advert', 'paragraph', 'subhead', 'duplicate', 'boilerplate', 'marker'].join(''));
    expect([...foreign].filter((c) => !ours.has(c))).toEqual([]);
  });

  it('lone UTF-16 surrogates: no throw, the paragraphs around them are kept', () => {
    const page = cleanText(LONE_SURROGATES);
    expectCleanPage(page);
    const out = outputText(page);
    for (const n of [1, 2]) expect(out).toContain(paragraph(n));
    expect(out).toContain(paragraph(3).slice(10));
    const blocks = LONE_SURROGATES.split('\n\n').map((text, i) => ({ text, hint: i === 0 ? ('title' as const) : ('text' as const) }));
    expectCleanPage(cleanBlocks({ blocks }));
  });

  it(
    'the same paragraph 10,000 times, also as hinted DOM blocks: kept once, the copies removed as duplicates',
    () => {
      const page = cleanText(sameParagraph(10_000));
      expectCleanPage(page);
      expect(page.articles.flatMap((a) => a.body.map((b) => b.text))).toEqual([paragraph(7)]);
      expect(page.removed).toHaveLength(9999);
      expect(new Set(page.removed.map((r) => r.reason))).toEqual(new Set(['duplicate']));

      const blocks = Array.from({ length: 10_000 }, (_, i) => ({ text: i % 2 ? paragraph(7) : '城南公园改造完工', hint: i % 2 ? ('text' as const) : ('title' as const), source: i }));
      const dom = cleanBlocks({ url: 'http://e.example.cn/html/2024-01/01/content_1.htm', blocks });
      expectCleanPage(dom);
      expect(dom.articles.flatMap((a) => a.body.map((b) => b.text))).toEqual([paragraph(7)]);
      expect(dom.removed.length).toBeGreaterThanOrEqual(9998);
      for (const r of dom.removed) expect(r.source === undefined || (r.source >= 0 && r.source < blocks.length)).toBe(true);
    },
    HEAVY,
  );

  it('blocks whose source numbers are missing, repeated, negative or out of order: a result', () => {
    const blocks = [0, 1, 2, 3, 4, 5].map((i) => ({ text: paragraph(i), source: [5, 5, -1, Number.MAX_SAFE_INTEGER, 2, 0][i] }));
    const page = cleanBlocks({ blocks: [{ text: '城南公园改造完工', hint: 'title' }, ...blocks] });
    expectCleanPage(page);
    const out = outputText(page);
    for (let i = 0; i < 6; i++) expect(out).toContain(paragraph(i));
  });
});

// A hit's highlights (field + offsets into the original text) and one plain-text snippet.
import { fold, foldWithMap } from './fold';
import { charClass } from './tokens';
import { parseQuery, type QueryItem } from './query';
import type { Clip, Highlight, Snippet } from './types';

/** Characters of context kept before the first mark, and the snippet's length. */
export const SNIPPET = { before: 24, length: 110 };



/** The clip's searchable fields as [name, text], in reading order. */
export function clipFields(c: Clip): [string, string][] {
  const out: [string, string][] = [];
  const add = (name: string, text: string | null) => {
    if (text) out.push([name, text]);
  };
  add('kicker', c.kicker);
  add('title', c.title);
  add('subtitle', c.subtitle);
  add('byline', c.byline);
  add('dateline', c.dateline);
  c.body.forEach((b, i) => add(`body.${i}`, b.text));
  add('credit', c.credit);
  return out;
}

/** Latin words match whole words (as the index does); CJK matches anywhere. */
function boundaryOk(folded: string, start: number, end: number, needle: string): boolean {
  const first = needle[0] ?? '';
  const last = needle[needle.length - 1] ?? '';
  const isWord = (ch: string | undefined) => ch !== undefined && charClass(ch) === 2;
  if (isWord(first) && isWord(folded[start - 1])) return false;
  if (isWord(last) && isWord(folded[end])) return false;
  return true;
}

/** Highlights of every included item in every field, sorted, overlaps merged per field. */
export function highlightsOf(clip: Clip, items: QueryItem[]): Highlight[] {
  const out: Highlight[] = [];
  for (const [field, text] of clipFields(clip)) {
    const { folded, map } = foldWithMap(text);
    const spans: [number, number][] = [];
    for (const item of items) {
      const needle = item.folded;
      if (!needle) continue;
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        const endF = at + needle.length;
        if (!boundaryOk(folded, at, endF, needle)) continue;
        const start = map[at]!;
        let end = map[endF] ?? text.length;
        while (end > start && /\s/.test(text[end - 1]!)) end--;
        spans.push([start, end]);
      }
    }
    spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let cur: [number, number] | null = null;
    for (const s of spans) {
      if (cur && s[0] <= cur[1]) cur[1] = Math.max(cur[1], s[1]);
      else {
        if (cur) out.push({ field, start: cur[0], end: cur[1] });
        cur = [s[0], s[1]];
      }
    }
    if (cur) out.push({ field, start: cur[0], end: cur[1] });
  }
  return out;
}

/**
 * Where a query's included items (words, phrases; not the excluded ones) occur in a clip, by the
 * same folding and word rules as search: what the side panel's reading view marks.
 */
export function highlightQuery(clip: Clip, query: string): Highlight[] {
  return highlightsOf(clip, parseQuery(query).include);
}

/** The field text the snippet is cut from, by field name. */
function fieldText(clip: Clip, field: string): string {
  return clipFields(clip).find(([f]) => f === field)?.[1] ?? '';
}

/**
 * One excerpt: the first body paragraph with a highlight (else the first highlighted field,
 * else the first paragraph), cut around its first mark; marks are offsets into the excerpt.
 */
export function snippetOf(clip: Clip, highlights: Highlight[]): Snippet | null {
  const first = highlights.find((h) => h.field.startsWith('body.')) ?? highlights[0];
  const field = first?.field ?? (clip.body.length ? 'body.0' : 'title');
  const text = fieldText(clip, field);
  if (!text) return null;
  let from = first ? Math.max(0, first.start - SNIPPET.before) : 0;
  // Do not cut a surrogate pair in half.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from]!)) from--;
  let to = Math.min(text.length, from + SNIPPET.length);
  if (to < text.length && /[\ud800-\udbff]/.test(text[to - 1]!)) to++;
  const head = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const marks = highlights
    .filter((h) => h.field === field && h.start >= from && h.start < to)
    .map((h) => ({ start: h.start - from + head.length, end: Math.min(h.end, to) - from + head.length }));
  return { field, text: head + text.slice(from, to) + tail, marks };
}

/**
 * The CJK characters that most often follow `folded` (a folded CJK word) in these clips, most clips
 * first (then most occurrences), at most `k`: the likeliest next characters of a query whose last
 * word is `folded`, judged from the hits on screen (store.readAhead reads ahead for them).
 */
export function nextChars(clips: readonly Clip[], folded: string, k: number): string[] {
  if (!folded || k <= 0) return [];
  const clipsWith = new Map<string, number>();
  const times = new Map<string, number>();
  for (const clip of clips) {
    const seen = new Set<string>();
    for (const [, text] of clipFields(clip)) {
      const f = fold(text);
      for (let at = f.indexOf(folded); at >= 0; at = f.indexOf(folded, at + 1)) {
        const next = String.fromCodePoint(f.codePointAt(at + folded.length) ?? 0);
        if (charClass(next) !== 1) continue;
        seen.add(next);
        times.set(next, (times.get(next) ?? 0) + 1);
      }
    }
    for (const c of seen) clipsWith.set(c, (clipsWith.get(c) ?? 0) + 1);
  }
  return [...clipsWith.keys()].sort((a, b) => clipsWith.get(b)! - clipsWith.get(a)! || times.get(b)! - times.get(a)! || (a < b ? -1 : 1)).slice(0, k);
}

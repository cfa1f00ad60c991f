// Terms and shingles for matching: character bigrams/5-grams for CJK, words/word 3-grams for Latin.
import type { Lang } from './rules';
import { matchKey } from './text';

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * A content term: a CJK character bigram as a number (its two UTF-16 units, one to one, mostly a
 * small integer so sets of them stay cheap), or a Latin word of 3+ letters as a string.
 */
export type Term = number | string;

/** Distinct content terms of a text: CJK character bigrams, Latin words of 3+ letters (added to `into` when given). */
export function terms(text: string, lang: Lang, into: Set<Term> = new Set<Term>()): Set<Term> {
  if (lang === 'zh') {
    const key = matchKey(text);
    for (let i = 0; i + 2 <= key.length; i++) into.add(bigram(key.charCodeAt(i), key.charCodeAt(i + 1)));
  } else {
    for (const w of text.normalize('NFKC').toLowerCase().split(WORD_SPLIT)) if (w.length >= 3) into.add(w);
  }
  return into;
}

/** Two UTF-16 units → one number, one to one; a Han first unit (U+4E00–U+CDFF) gives a small integer. */
function bigram(a: number, b: number): number {
  return ((a - 0x4e00) & 0xffff) * 0x10000 + b - 0x40000000;
}

/** Count of `a`'s terms also in `b`. */
export function shared(a: Set<Term>, b: Set<Term>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/** FNV-1a over a string slice, folded to 30 bits (small integers keep Map/Set lookups fast in V8). */
function hashSlice(s: string, from: number, to: number, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 30)) & 0x3fffffff;
}

export const CJK_SHINGLE = 5;
export const WORD_SHINGLE = 3;

/** Shingle hashes (repeats possible): 5-character windows of the key (CJK) or 3-word windows (Latin). */
export function shingles(text: string, lang: Lang, key?: string): number[] {
  const out: number[] = [];
  if (lang === 'zh') {
    key ??= matchKey(text);
    if (key.length <= CJK_SHINGLE) {
      if (key) out.push(hashSlice(key, 0, key.length));
      return out;
    }
    for (let i = 0; i + CJK_SHINGLE <= key.length; i++) out.push(hashSlice(key, i, i + CJK_SHINGLE));
    return out;
  }
  const words = text.normalize('NFKC').toLowerCase().split(WORD_SPLIT).filter(Boolean);
  const wh = words.map((w) => hashSlice(w, 0, w.length));
  if (wh.length <= WORD_SHINGLE) {
    if (wh.length) out.push(wh.reduce((h, x) => Math.imul(h ^ x, 0x01000193), 0x811c9dc5) & 0x3fffffff);
    return out;
  }
  for (let i = 0; i + WORD_SHINGLE <= wh.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + WORD_SHINGLE; k++) h = Math.imul(h ^ wh[k]!, 0x01000193);
    out.push(h & 0x3fffffff);
  }
  return out;
}

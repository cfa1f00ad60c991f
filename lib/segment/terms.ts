// Terms and shingles for matching: character bigrams/5-grams for CJK, words/word 3-grams for Latin.
// CJK work reads the matching key's units (text.ts keyUnits): no key string is built.
import type { Lang } from './rules';
import { keyUnits } from './text';

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * A content term: a CJK character bigram as a number (its two UTF-16 units, one to one, mostly a
 * small integer so sets of them stay cheap), or a Latin word of 3+ letters as a string.
 */
export type Term = number | string;

/** Distinct content terms of a text: CJK character bigrams, Latin words of 3+ letters (added to `into` when given). */
export function terms(text: string, lang: Lang, into: Set<Term> = new Set<Term>()): Set<Term> {
  if (lang === 'zh') {
    const key = keyUnits(text);
    for (let i = 0; i + 2 <= key.length; i++) into.add(bigram(key[i]!, key[i + 1]!));
  } else {
    for (const w of text.normalize('NFKC').toLowerCase().split(WORD_SPLIT)) if (w.length >= 3) into.add(w);
  }
  return into;
}

/** What is too common to say what an article is about: function characters (的, 了), and frequent terms (发展, 工作, 记者). */
export interface Common {
  chars: ReadonlySet<number>;
  terms: ReadonlySet<Term>;
}

/** `words` (CJK two-character words, Latin words) as the terms `terms` and `subjectTerms` give. */
export function termsOfWords(words: readonly string[], lang: Lang): Set<Term> {
  const out = new Set<Term>();
  for (const w of words) terms(w, lang, out);
  return out;
}

/**
 * Distinct subject terms of a text: CJK bigrams of two Han characters, neither a function character
 * and not a frequent term (`common`), Latin words of 4+ letters not frequent (added to `into` when given).
 */
export function subjectTerms(text: string, lang: Lang, common: Common, into: Set<Term> = new Set<Term>()): Set<Term> {
  if (lang !== 'zh') {
    for (const w of text.normalize('NFKC').toLowerCase().split(WORD_SPLIT)) if (w.length >= 4 && !common.terms.has(w)) into.add(w);
    return into;
  }
  const key = keyUnits(text);
  for (let i = 0; i + 2 <= key.length; i++) {
    const a = key[i]!;
    const b = key[i + 1]!;
    if (a < 0x4e00 || a > 0x9fff || b < 0x4e00 || b > 0x9fff || common.chars.has(a) || common.chars.has(b)) continue;
    const t = bigram(a, b);
    if (!common.terms.has(t)) into.add(t);
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

/** Polynomial base of the CJK window hash (odd, so windows roll exactly modulo 2^32). */
const BASE = 0x01000193;
/** BASE^(CJK_SHINGLE-1) modulo 2^32: the weight of the character leaving a window. */
const BASE_OUT = Array.from({ length: CJK_SHINGLE - 1 }).reduce<number>((p) => Math.imul(p, BASE), 1);

/** A 32-bit hash mixed and folded to 30 bits (small integers keep table lookups fast in V8). */
function fold30(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) & 0x3fffffff;
}

/** Shingle hashes (repeats possible): 5-character windows of the key (CJK) or 3-word windows (Latin). */
export function shingles(text: string, lang: Lang): number[] {
  return lang === 'zh' ? keyShingles(keyUnits(text)) : wordShingles(text);
}

/**
 * 5-character windows of a matching key (its units, from keyUnits), by a rolling polynomial hash:
 * each window from the one before in O(1), one character out and one in. A key shorter than a
 * window is one shingle.
 */
export function keyShingles(key: Uint16Array): number[] {
  const out: number[] = [];
  const first = Math.min(CJK_SHINGLE, key.length);
  let h = 0;
  for (let i = 0; i < first; i++) h = (Math.imul(h, BASE) + key[i]!) | 0;
  if (first) out.push(fold30(h));
  for (let i = CJK_SHINGLE; i < key.length; i++) {
    h = (Math.imul(h - Math.imul(key[i - CJK_SHINGLE]!, BASE_OUT), BASE) + key[i]!) | 0;
    out.push(fold30(h));
  }
  return out;
}

/** 3-word windows of a Latin text (NFKC, lower case, letters and digits). */
function wordShingles(text: string): number[] {
  const out: number[] = [];
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

/**
 * A matching key (its units) as one number of 52 bits, two independent 32-bit hashes combined: equal
 * keys give equal numbers; a caller that drops text on a match still compares the keys themselves.
 */
export function keyHash(key: Uint16Array): number {
  let a = 0x811c9dc5;
  let b = key.length | 0;
  for (let i = 0; i < key.length; i++) {
    a = Math.imul(a ^ key[i]!, 0x01000193);
    b = (Math.imul(b, 31) + key[i]!) | 0;
  }
  return (a >>> 0) * 0x100000 + (fold30(b) >>> 10);
}

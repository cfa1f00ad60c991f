// Folded text → index terms with positions. CJK runs give character unigrams and bigrams,
// other letters/digits give whole lowercased words. Positions count code points of the folded
// text; fields are laid end to end with a gap so no term or phrase spans two fields.
import { fold } from './fold';

/** Han, kana and hangul are written without spaces: indexed as characters and bigrams. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
/** Positions skipped between two fields. */
export const FIELD_GAP = 2;

/** Character classes: 0 separator, 1 CJK, 2 word (letters/digits of other scripts). Fast paths for ASCII and the CJK blocks. */
export function charClass(ch: string): 0 | 1 | 2 {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? 2 : 0;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 1;
  if (c >= 0x3000 && c <= 0x303f) return 0;
  if (c >= 0xff00 && c <= 0xff0f) return 0;
  return CJK_RE.test(ch) ? 1 : WORD_RE.test(ch) ? 2 : 0;
}

export type TermPositions = Map<string, number[]>;

/** Adds the terms of one folded field starting at position `base`; returns the position after it. */
export function addFieldTerms(folded: string, base: number, out: TermPositions): number {
  const chars = Array.from(folded);
  const cls = chars.map(charClass);
  let word = '';
  let wordAt = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const pos = base + i;
    const k = cls[i];
    if (k === 2) {
      if (!word) wordAt = pos;
      word += ch;
      continue;
    }
    if (word) {
      push(out, word, wordAt);
      word = '';
    }
    if (k === 1) {
      push(out, ch, pos);
      if (cls[i + 1] === 1) push(out, ch + chars[i + 1]!, pos);
    }
  }
  if (word) push(out, word, wordAt);
  return base + chars.length + FIELD_GAP;
}

function push(out: TermPositions, term: string, pos: number) {
  const list = out.get(term);
  if (list) list.push(pos);
  else out.set(term, [pos]);
}

/** The searchable fields of an article, in index order: kicker and title first (the boosted part). */
export interface IndexableText {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  dateline: string | null;
  body: { text: string }[];
  credit: string | null;
}

export interface DocTerms {
  terms: TermPositions;
  /** Positions below this are in the kicker or title (boosted). */
  titleEnd: number;
  /** Document length in positions (BM25 length normalisation). */
  length: number;
}

/** Article fields → terms with positions, the boosted-prefix end and the length. */
export function docTerms(a: IndexableText): DocTerms {
  const terms: TermPositions = new Map();
  let pos = 0;
  pos = addFieldTerms(fold(a.kicker ?? ''), pos, terms);
  pos = addFieldTerms(fold(a.title), pos, terms);
  const titleEnd = pos;
  for (const f of [a.subtitle, a.byline, a.dateline]) pos = addFieldTerms(fold(f ?? ''), pos, terms);
  for (const p of a.body) pos = addFieldTerms(fold(p.text), pos, terms);
  pos = addFieldTerms(fold(a.credit ?? ''), pos, terms);
  return { terms, titleEnd, length: pos };
}

/** One index term of a query item and its offset from the item's first position. */
export interface QueryGram {
  term: string;
  rel: number;
}

/**
 * A folded query item → the grams that must all occur at their relative offsets. A CJK run of
 * length 1 is its unigram; longer runs are covered by bigrams at offsets 0, 2, 4, … and n-2
 * (together they spell the whole run, so a positional match is an exact substring match).
 */
export function queryGrams(folded: string): QueryGram[] {
  const chars = Array.from(folded);
  const cls = chars.map(charClass);
  const out: QueryGram[] = [];
  let i = 0;
  while (i < chars.length) {
    const k = cls[i];
    let j = i;
    while (j < chars.length && cls[j] === k) j++;
    if (k === 1) {
      const n = j - i;
      if (n === 1) out.push({ term: chars[i]!, rel: i });
      else {
        for (let m = 0; m <= n - 2; m += 2) out.push({ term: chars[i + m]! + chars[i + m + 1]!, rel: i + m });
        if ((n - 2) % 2 === 1) out.push({ term: chars[j - 2]! + chars[j - 1]!, rel: j - 2 });
      }
    } else if (k === 2) out.push({ term: chars.slice(i, j).join(''), rel: i });
    i = j;
  }
  return out;
}

// Folded text → index terms with positions. CJK runs give character unigrams and bigrams,
// other letters/digits give whole lowercased words. Positions count code points of the folded
// text; fields are laid end to end with a gap so no term or phrase spans two fields.
import { fold } from './fold';

/** Han, kana and hangul are written without spaces: indexed as characters and bigrams. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Positions skipped between two fields. */
export const FIELD_GAP = 2;

export type TermPositions = Map<string, number[]>;

/** Adds the terms of one folded field starting at position `base`; returns the position after it. */
export function addFieldTerms(folded: string, base: number, out: TermPositions): number {
  const chars = [...folded];
  let word = '';
  let wordAt = 0;
  const flushWord = () => {
    if (word) push(out, word, wordAt);
    word = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const pos = base + i;
    if (CJK.test(ch)) {
      flushWord();
      push(out, ch, pos);
      const next = chars[i + 1];
      if (next !== undefined && CJK.test(next)) push(out, ch + next, pos);
    } else if (WORD.test(ch)) {
      if (!word) wordAt = pos;
      word += ch;
    } else flushWord();
  }
  flushWord();
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
  const chars = [...folded];
  const out: QueryGram[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (CJK.test(ch)) {
      let j = i;
      while (j < chars.length && CJK.test(chars[j]!)) j++;
      const n = j - i;
      if (n === 1) out.push({ term: ch, rel: i });
      else {
        for (let k = 0; k <= n - 2; k += 2) out.push({ term: chars[i + k]! + chars[i + k + 1]!, rel: i + k });
        if ((n - 2) % 2 === 1) out.push({ term: chars[j - 2]! + chars[j - 1]!, rel: j - 2 });
      }
      i = j;
    } else if (WORD.test(ch)) {
      let j = i;
      while (j < chars.length && WORD.test(chars[j]!) && !CJK.test(chars[j]!)) j++;
      out.push({ term: chars.slice(i, j).join(''), rel: i });
      i = j;
    } else i++;
  }
  return out;
}

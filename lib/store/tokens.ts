// Folded text → index terms with positions. CJK runs give character unigrams and bigrams,
// other letters/digits give whole lowercased words. Positions count code points of the folded
// text; fields are laid end to end with a gap so no term or phrase spans two fields.
import { dictIndex } from './codec';
import { fold } from './fold';

/** Han, kana and hangul are written without spaces: indexed as characters and bigrams. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
/** Positions skipped between two fields. */
export const FIELD_GAP = 2;

/**
 * The CJK Unified Ideographs and Extension A (charClass's fast path; the Yijing hexagrams between
 * them are symbols): a unigram or bigram of these is keyed by a small integer, not a string.
 */
const HAN_FIRST = 0x3400;
const HAN_SPAN = 0x9fff - HAN_FIRST + 1;
const isHan = (cp: number) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= HAN_FIRST && cp <= 0x4dbf);

/** Character classes: 0 separator, 1 CJK, 2 word (letters/digits of other scripts). Fast paths for ASCII and the CJK blocks. */
export function charClass(ch: string): 0 | 1 | 2 {
  const k = fastClass(ch.charCodeAt(0));
  return k !== -1 ? k : CJK_RE.test(ch) ? 1 : WORD_RE.test(ch) ? 2 : 0;
}

/** charClass of a code point in its fast-path ranges (ASCII, the Han blocks, CJK and full-width punctuation), else -1. */
function fastClass(c: number): 0 | 1 | 2 | -1 {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? 2 : 0;
  if (isHan(c)) return 1;
  if (c >= 0x3000 && c <= 0x303f) return 0;
  if (c >= 0xff00 && c <= 0xff0f) return 0;
  return -1;
}

/**
 * A document's terms with their positions, flat: term i (ascending UTF-16 order, the order a
 * pending row's dictionary is searched in) occurs at positions[offs[i]..offs[i + 1]), ascending.
 */
export interface DocTerms {
  terms: string[];
  offs: Uint32Array;
  positions: Uint32Array;
  /** Positions below this are in the kicker or title (boosted). */
  titleEnd: number;
  /** Document length in positions (BM25 length normalisation). */
  length: number;
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


/**
 * Collects one document's term occurrences. Tokenizing runs on every save (a clip has ~950
 * characters, ~850 distinct terms), so nothing is allocated per occurrence: a Han unigram or bigram
 * is keyed by an integer (a bigram of two ideographs below 2^30, a V8 small integer), other terms
 * by their string, each mapped to a term number; occurrences go to growing typed arrays and are
 * grouped by term at the end. The per-occurrence strings and arrays this replaced (a string per
 * character and per bigram, an array per term) were most of a save's garbage.
 */
class TermCollector {
  private byCode = new Map<number, number>();
  private byText = new Map<string, number>();
  private names: string[] = [];
  // Scratch arrays, kept from one document to the next (one collector serves every docTerms call,
  // which runs to its end synchronously): a typed array's memory lives outside the JS heap, and
  // allocating several per save could bring collections on more often than the garbage they
  // replaced. (Measured in Chromium, reusing them did not move single-save p95 either way.)
  private occTerm = new Uint32Array(4096);
  private occPos = new Uint32Array(4096);
  private rank = new Uint32Array(1024);
  private next = new Uint32Array(1024);
  private occ = 0;

  /** Starts a new document. */
  reset(): void {
    this.byCode = new Map();
    this.byText = new Map();
    this.names = [];
    this.occ = 0;
  }

  /** The term number of a Han unigram (b < 0) or bigram, by its integer key. */
  private termOfCode(key: number, a: number, b: number): number {
    let id = this.byCode.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(b < 0 ? String.fromCharCode(a) : String.fromCharCode(a, b));
      this.byCode.set(key, id);
    }
    return id;
  }
  private termOfText(text: string): number {
    let id = this.byText.get(text);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(text);
      this.byText.set(text, id);
    }
    return id;
  }
  private add(term: number, pos: number): void {
    if (this.occ === this.occTerm.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.occTerm = grow(this.occTerm);
      this.occPos = grow(this.occPos);
    }
    this.occTerm[this.occ] = term;
    this.occPos[this.occ++] = pos;
  }
  private unigram(cp: number, pos: number): void {
    this.add(isHan(cp) ? this.termOfCode(cp - HAN_FIRST, cp, -1) : this.termOfText(String.fromCodePoint(cp)), pos);
  }
  private bigram(a: number, b: number, pos: number): void {
    this.add(isHan(a) && isHan(b) ? this.termOfCode(HAN_SPAN + (a - HAN_FIRST) * HAN_SPAN + (b - HAN_FIRST), a, b) : this.termOfText(String.fromCodePoint(a, b)), pos);
  }

  /** Adds the terms of one folded field starting at position `base`; returns the position after it (plus the field gap). */
  field(folded: string, base: number): number {
    let pos = base;
    let wordStart = -1;
    let wordAt = 0;
    // The previous code point, when it was CJK (its bigram with this one is due), else -1.
    let prevCjk = -1;
    for (let i = 0; i < folded.length; ) {
      let cp = folded.charCodeAt(i);
      let width = 1;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < folded.length) {
        const lo = folded.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      const fast = fastClass(cp);
      const k = fast !== -1 ? fast : charClass(String.fromCodePoint(cp));
      if (k === 2) {
        if (wordStart < 0) {
          wordStart = i;
          wordAt = pos;
        }
      } else if (wordStart >= 0) {
        this.add(this.termOfText(folded.slice(wordStart, i)), wordAt);
        wordStart = -1;
      }
      if (k === 1) {
        if (prevCjk >= 0) this.bigram(prevCjk, cp, pos - 1);
        this.unigram(cp, pos);
        prevCjk = cp;
      } else prevCjk = -1;
      i += width;
      pos++;
    }
    if (wordStart >= 0) this.add(this.termOfText(folded.slice(wordStart)), wordAt);
    return pos + FIELD_GAP;
  }

  /** The collected terms, sorted, with their positions grouped by term (each group ascending). */
  done(titleEnd: number, length: number): DocTerms {
    const names = this.names;
    const n = names.length;
    const order = sortedOrder(names);
    if (this.rank.length < n) {
      this.rank = new Uint32Array(n * 2);
      this.next = new Uint32Array(n * 2);
    }
    const { rank, next } = this;
    for (let r = 0; r < n; r++) rank[order[r]!] = r;
    const offs = new Uint32Array(n + 1);
    for (let o = 0; o < this.occ; o++) offs[rank[this.occTerm[o]!]! + 1]!++;
    for (let r = 0; r < n; r++) offs[r + 1]! += offs[r]!;
    next.set(offs.subarray(0, n));
    const positions = new Uint32Array(this.occ);
    // Occurrences were added in position order but for a bigram (added before its first
    // character's unigram, at the previous position): within one term they are in order.
    for (let o = 0; o < this.occ; o++) positions[next[rank[this.occTerm[o]!]!]!++] = this.occPos[o]!;
    const terms = new Array<string>(n);
    for (let r = 0; r < n; r++) terms[r] = names[order[r]!]!;
    return { terms, offs, positions, titleEnd, length };
  }
}

/** Term indices packed into a sort key stay below this. */
const INDEX_SPAN = 0x100000;
let sortKeys = new Float64Array(1024);
let sortOrder = new Uint32Array(1024);

/**
 * The indices of `names` in ascending UTF-16 order (as Array.prototype.sort orders strings). Most
 * terms are one or two code units, so each is first ranked by a number that orders those exactly
 * (first unit × 65537, plus the second unit + 1 when there is one) packed with its index into a
 * double, and sorted natively: a string sort of a clip's ~850 terms was half of tokenizing it.
 * Longer terms sharing their first two units with another (Latin words) are then put in order by
 * comparing the strings. The result is a view of a scratch array, valid until the next call.
 */
function sortedOrder(names: readonly string[]): Uint32Array {
  const n = names.length;
  const byName = (x: number, y: number) => (names[x]! < names[y]! ? -1 : names[x]! > names[y]! ? 1 : 0);
  // Too many terms for the packed key (a multi-megabyte text): sorted as strings.
  if (n >= INDEX_SPAN) return Uint32Array.from(Array.from({ length: n }, (_, i) => i).sort(byName));
  if (sortKeys.length < n) {
    sortKeys = new Float64Array(n * 2);
    sortOrder = new Uint32Array(n * 2);
  }
  const keys = sortKeys.subarray(0, n);
  const firstTwo = (t: string) => t.charCodeAt(0) * 65537 + (t.length > 1 ? t.charCodeAt(1) + 1 : 0);
  // 65536 × 65537 < 2^33 and i < 2^20 (checked above): the key fits a double's 53 bits.
  for (let i = 0; i < n; i++) keys[i] = firstTwo(names[i]!) * INDEX_SPAN + i;
  keys.sort();
  const order = sortOrder.subarray(0, n);
  for (let r = 0; r < n; r++) order[r] = keys[r]! % INDEX_SPAN;
  for (let r = 0; r < n; ) {
    const key = Math.floor(keys[r]! / INDEX_SPAN);
    let e = r + 1;
    while (e < n && Math.floor(keys[e]! / INDEX_SPAN) === key) e++;
    if (e - r > 1) {
      order.set(Array.from(order.subarray(r, e)).sort(byName), r);
    }
    r = e;
  }
  return order;
}

const collector = new TermCollector();

/** Article fields → terms with positions, the boosted-prefix end and the length. */
export function docTerms(a: IndexableText): DocTerms {
  const c = collector;
  c.reset();
  let pos = 0;
  pos = c.field(fold(a.kicker ?? ''), pos);
  pos = c.field(fold(a.title), pos);
  const titleEnd = pos;
  for (const f of [a.subtitle, a.byline, a.dateline]) pos = c.field(fold(f ?? ''), pos);
  for (const p of a.body) pos = c.field(fold(p.text), pos);
  pos = c.field(fold(a.credit ?? ''), pos);
  return c.done(titleEnd, pos);
}

/** The positions of one term in a document's terms (binary search), or undefined. */
export function termPositions(d: DocTerms, term: string): number[] | undefined {
  const i = dictIndex(d, term);
  return i < 0 ? undefined : Array.from(d.positions.subarray(d.offs[i]!, d.offs[i + 1]!));
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

// Small text helpers shared by the stages: matching keys, sentence ends, joining wrapped text.
import type { LanguageRules } from './rules';

const NOT_KEY = /[^\p{L}\p{N}]+/gu;

/**
 * A UTF-16 unit's contribution to the matching key, where it can be told from the unit alone: the
 * unit kept (lower-cased, full-width ASCII made ASCII, as NFKC + toLowerCase would), 0 when the key
 * drops it (punctuation, spaces), -1 when only NFKC of the whole text can tell (other scripts,
 * compatibility characters). Covers what Chinese and English newspaper text is made of.
 */
function keyUnitOf(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c;
  if (c < 0x80) {
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) return c;
    if (c >= 65 && c <= 90) return c + 32;
    return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d ? 0 : -1;
  }
  // Full-width ASCII (，：；（）！？ and ０-９, Ａ-Ｚ): NFKC makes it ASCII.
  if (c >= 0xff01 && c <= 0xff5e) return keyUnitOf(c - 0xfee0);
  if (c >= 0x3000 && c <= 0x303f) {
    if ((c >= 0x3005 && c <= 0x3007) || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3031 && c <= 0x3035) || c === 0x303b || c === 0x303c) return c; // 々〆〇, Suzhou numerals, kana repeat marks
    return c >= 0x3038 && c <= 0x303a ? -1 : 0; // 〸〹〺 become 十卄卅
  }
  if ((c >= 0x2010 && c <= 0x2027) || c === 0xa0 || c === 0xb7 || c === 0xd7 || c === 0xf7) return 0; // dashes, quotes, dots; NBSP; · × ÷
  if ((c >= 0x2190 && c <= 0x21ff) || (c >= 0x2500 && c <= 0x2775)) return 0; // arrows; box drawing, shapes (□○●■), symbols, dingbats
  return -1;
}

const slowKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(NOT_KEY, '');

let unitBuf = new Uint16Array(4096);

/** The scratch buffer, at least `n` units long. */
function scratch(n: number): Uint16Array {
  if (unitBuf.length < n) unitBuf = new Uint16Array(Math.max(n, unitBuf.length * 2));
  return unitBuf;
}

/**
 * The matching key's UTF-16 units (what `matchKey` returns, as numbers) in a scratch buffer shared
 * by every caller: valid until the next call. One pass over the text and no string built, unless a
 * character needs NFKC of the whole text.
 */
export function keyUnits(text: string): Uint16Array {
  const buf = scratch(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = keyUnitOf(text.charCodeAt(i));
    if (u > 0) buf[n++] = u;
    else if (u < 0) return unitsOf(slowKey(text));
  }
  return buf.subarray(0, n);
}

function unitsOf(key: string): Uint16Array {
  const buf = scratch(key.length);
  for (let i = 0; i < key.length; i++) buf[i] = key.charCodeAt(i);
  return buf.subarray(0, key.length);
}

/** Matching key: NFKC, lower case, letters and digits only (punctuation and spaces never decide a match). */
export function matchKey(text: string): string {
  const units = keyUnits(text);
  let out = '';
  // apply, not spread: spreading a typed array walks its iterator.
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
  return out;
}

/** Strip closing quotes/brackets, then look at the last character. */
export function endsSentence(text: string, rules: LanguageRules): boolean {
  const t = stripEnd(text, rules.closers);
  if (!t) return true;
  return endsWith(t, rules.sentenceEnd);
}

/** A note in brackets closing a paragraph, and how far back from the end it is looked for. */
const NOTE_AT_END = /[(（][^()（）]{1,30}[)）]\s*$/;
const NOTE_REACH = 40;

/** A short note in brackets after a sentence's end: …通过验收。（记者 王芳）, …。(AP). */
function noteAfterSentence(text: string, rules: LanguageRules): boolean {
  const note = NOTE_AT_END.exec(text.slice(-NOTE_REACH));
  if (!note || note.index === 0) return false;
  const before = stripEnd(text.slice(0, text.length - note[0].length), rules.closers);
  return !!before && endsWith(before, rules.sentenceEnd);
}

/**
 * `rule.test(text)` for a rule anchored at the end (sentenceEnd, continues: a few characters before
 * `$`), decided on the text's tail: a match inside it (not at its first character) is a match of the
 * whole text, none is none; only a match at the tail's first character may reach further back. Asking
 * the whole text each time made joining a long run of broken paragraphs quadratic (an end-anchored
 * regex still scans from the start): 20,000 lines without a full stop took 29 s.
 */
function endsWith(text: string, rule: RegExp): boolean {
  if (text.length <= TAIL) return rule.test(text);
  const at = text.slice(-TAIL).search(rule);
  return at > 0 || (at === 0 && rule.test(text));
}

const TRAILING_SPACE = /\s+$/;

/** How much of a long text's end the end-anchored rules look at first (a regex ending in `$` still scans from the start). */
const TAIL = 16;

/**
 * `text.replace(trailing, '')` for a rule matching a run at the very end (`[…]+$`), looking only at
 * the text's tail unless the run may reach further back.
 */
function stripEnd(text: string, trailing: RegExp): string {
  if (text.length <= TAIL) return text.replace(trailing, '');
  const at = text.slice(-TAIL).search(trailing);
  if (at < 0) return text;
  if (at === 0) return text.replace(trailing, '');
  return text.slice(0, text.length - TAIL + at);
}

/**
 * A block that stops mid-sentence: no sentence end after closing quotes/brackets are stripped, nor
 * before a short note in brackets that closes it (…通过验收。（记者 王芳） is complete: it neither
 * takes the next block's text nor makes a headline after it part of a broken sentence).
 */
export function endsMidSentence(text: string, rules: LanguageRules): boolean {
  return !endsSentence(text, rules) && !noteAfterSentence(text, rules);
}

/** Ends with a mark that says the sentence goes on (，、；：,;:). */
export function endsContinuing(text: string, rules: LanguageRules): boolean {
  return endsWith(stripEnd(text, TRAILING_SPACE), rules.continues);
}

const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;

/**
 * Join two pieces of one sentence: no space around CJK, undo a line-break hyphen, else one space.
 * `realHyphen(word)` (the word with its hyphen, lower case) may say a hyphen before a lower-case
 * letter is the word's own (well-|known), as the page's vocabulary can tell.
 */
export function joinPieces(a: string, b: string, realHyphen?: (word: string) => boolean): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1]!;
  const first = b[0]!;
  if (CJK_EDGE.test(last) || CJK_EDGE.test(first)) return a + b;
  if (last === '-' && /[A-Za-z]/.test(a[a.length - 2] ?? '')) {
    // exam-|ple → example (a line-break hyphen); Anglo-|Saxon → Anglo-Saxon (a real one).
    if (/[a-z]/.test(first)) {
      const word = realHyphen && `${/[A-Za-z]+-$/.exec(a)![0]}${/^[a-z]+/.exec(b)![0]}`.toLowerCase();
      return word && realHyphen(word) ? a + b : a.slice(0, -1) + b;
    }
    if (/[A-Z0-9]/.test(first)) return a + b;
  }
  return a + ' ' + b;
}

/** How much of a text being joined PieceJoiner keeps as a string to join onto (a word, a sentence's end). */
const JOIN_TAIL = 64;

/**
 * Joins pieces one after another as joinPieces does, in linear time. joinPieces and the end rules
 * look only at a text's last characters, so only a bounded tail is kept to join onto; the rest is
 * kept in parts and concatenated once. (A string grown with + and read at its end is flattened by
 * V8 on every read: joining 20,000 broken lines took 29 s.)
 */
export class PieceJoiner {
  private readonly done: string[] = [];
  private tail: string;
  private size: number;
  constructor(first: string) {
    this.tail = first;
    this.size = first.length;
  }
  add(piece: string, realHyphen?: (word: string) => boolean): void {
    const before = this.tail.length;
    this.tail = joinPieces(this.tail, piece, realHyphen);
    this.size += this.tail.length - before;
    if (this.tail.length > 2 * JOIN_TAIL) {
      this.done.push(this.tail.slice(0, -JOIN_TAIL));
      this.tail = this.tail.slice(-JOIN_TAIL);
    }
  }
  /** The joined text's end (at least its last JOIN_TAIL characters, when it has them). */
  get end(): string {
    return this.tail;
  }
  get length(): number {
    return this.size;
  }
  text(): string {
    return this.done.length ? this.done.join('') + this.tail : this.tail;
  }
}

/** The start of a text, for `duplicateOf` and messages. */
export function head(text: string, n = 30): string {
  if (text.length <= n) return text;
  // Walk the first n code points (a surrogate pair is one), without splitting the whole text.
  let i = 0;
  for (let count = 0; count < n && i < text.length; count++) {
    const c = text.charCodeAt(i);
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
  }
  return i >= text.length ? text : text.slice(0, i) + '…';
}

/** Collapse runs of whitespace (incl. U+3000, NBSP) to one space and trim. */
export function tidy(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

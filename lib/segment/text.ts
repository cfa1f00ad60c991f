// Small text helpers shared by the stages: matching keys, sentence ends, joining wrapped text.
import type { LanguageRules } from './rules';

const NOT_KEY = /[^\p{L}\p{N}]+/gu;

/** Characters NFKC leaves alone: ASCII, CJK ideographs, common CJK and general punctuation, NBSP. */
function nfkcStable(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x20 && c <= 0x7f) ||
    (c >= 0x3000 && c <= 0x3037) ||
    (c >= 0x303b && c <= 0x303f) ||
    (c >= 0x2010 && c <= 0x2027) ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0
  );
}

/** Matching key: NFKC, lower case, letters and digits only (punctuation and spaces never decide a match). */
export function matchKey(text: string): string {
  // Fast path for the common case (only characters NFKC leaves alone): one pass, no regex; lower-cased
  // only when it holds A–Z (nothing else kept here has a case).
  let out = '';
  let from = -1;
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!nfkcStable(c)) return text.normalize('NFKC').toLowerCase().replace(NOT_KEY, '');
    const keep =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 48 && c <= 57) ||
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 0x3005 && c <= 0x3007) || // 々〆〇
      (c >= 0x3021 && c <= 0x3029) ||
      (c >= 0x3031 && c <= 0x3035) ||
      (c >= 0x303b && c <= 0x303c);
    if (c >= 65 && c <= 90) upper = true;
    if (keep && from < 0) from = i;
    if (!keep && from >= 0) {
      out += text.slice(from, i);
      from = -1;
    }
  }
  if (from >= 0) out += text.slice(from);
  return upper ? out.toLowerCase() : out;
}

/** Strip closing quotes/brackets, then look at the last character. */
export function endsSentence(text: string, rules: LanguageRules): boolean {
  const t = stripEnd(text, rules.closers);
  if (!t) return true;
  return endsWith(t, rules.sentenceEnd);
}

/** `rule.test(text)` for a rule anchored at the end: a match inside the tail (not at its first character) is a match of the whole text; else ask the whole text. */
function endsWith(text: string, rule: RegExp): boolean {
  if (text.length <= TAIL) return rule.test(text);
  return text.slice(-TAIL).search(rule) > 0 || rule.test(text);
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

/** A block that stops mid-sentence: no sentence end after closing quotes/brackets are stripped. */
export function endsMidSentence(text: string, rules: LanguageRules): boolean {
  return !endsSentence(text, rules);
}

/** Ends with a mark that says the sentence goes on (，、；：,;:). */
export function endsContinuing(text: string, rules: LanguageRules): boolean {
  return endsWith(stripEnd(text, TRAILING_SPACE), rules.continues);
}

const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;

/** Join two pieces of one sentence: no space around CJK, undo a line-break hyphen, else one space. */
export function joinPieces(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1]!;
  const first = b[0]!;
  if (CJK_EDGE.test(last) || CJK_EDGE.test(first)) return a + b;
  if (last === '-' && /[A-Za-z]/.test(a[a.length - 2] ?? '')) {
    // exam-|ple → example (a line-break hyphen); Anglo-|Saxon → Anglo-Saxon (a real one).
    if (/[a-z]/.test(first)) return a.slice(0, -1) + b;
    if (/[A-Z0-9]/.test(first)) return a + b;
  }
  return a + ' ' + b;
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

// Text folding for search: original text → NFKC, 繁→简 (character level), lowercase, collapsed spaces.
// Only the three small character dictionaries of opencc-js are loaded (TSCharacters 29 KB,
// TW/HK variant maps < 1 KB); the phrase tables (1 MB STPhrases, 8 KB TSPhrases) are not:
// a per-character map is context-free, so a query folds exactly like the same characters in a page.
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/** Code point → simplified replacement (variants first, then traditional → simplified). */
const T2S: Map<number, string> = buildMap();
/** The BMP part of T2S as a table (0 = unchanged), for the hot loop. */
const T2S_BMP = new Uint16Array(0x10000);
for (const [cp, s] of T2S) if (cp < 0x10000 && s.length === 1) T2S_BMP[cp] = s.charCodeAt(0);

function buildMap(): Map<number, string> {
  const pairs = (dict: string) =>
    dict
      .split('|')
      .map((pair) => pair.split(' '))
      .filter((p): p is [string, string] => p.length >= 2 && [...p[0]!].length === 1 && [...p[1]!].length === 1);
  const chars = new Map(pairs(TSCharacters));
  const out = new Map<number, string>();
  for (const [src, dst] of chars) out.set(src.codePointAt(0)!, dst);
  for (const [src, mid] of [...pairs(TWVariantsRev), ...pairs(HKVariantsRev)]) out.set(src.codePointAt(0)!, chars.get(mid) ?? mid);
  return out;
}

/** A low surrogate (NaN past the end is not): a high one before it makes a pair, a lone one stays one unit. */
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whitespace per String.prototype.trim / \s. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Fold one NFKC code point to its search form. */
function foldCode(cp: number, ch: string): string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
  if (cp < 0x10000) {
    const t = T2S_BMP[cp]!;
    if (t) return String.fromCharCode(t);
    if (cp >= 0x3400 && cp <= 0x9fff) return ch;
  }
  const s = T2S.get(cp);
  return s ?? ch.toLowerCase();
}

/** Search form of a text: NFKC, 繁→简, lowercase, every whitespace run → one space, trimmed. */
export function fold(text: string): string {
  const nfkc = text.normalize('NFKC');
  const out: string[] = [];
  // Runs of characters that fold to one UTF-16 unit are collected as codes and joined in chunks.
  let codes: number[] = [];
  const flush = () => {
    for (let i = 0; i < codes.length; i += 4096) out.push(String.fromCharCode(...codes.slice(i, i + 4096)));
    codes = [];
  };
  let space = false;
  let any = false;
  for (let i = 0; i < nfkc.length; i++) {
    const c = nfkc.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      continue;
    }
    if (space && any) codes.push(32);
    space = false;
    any = true;
    if (c < 0x80) codes.push(c >= 0x41 && c <= 0x5a ? c + 32 : c);
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f)) codes.push(T2S_BMP[c] || c);
    else {
      const pair = c >= 0xd800 && c <= 0xdbff && isLow(nfkc.charCodeAt(i + 1));
      const cp = pair ? nfkc.codePointAt(i)! : c;
      const ch = pair ? nfkc.slice(i, i + 2) : nfkc[i]!;
      if (pair) i++;
      flush();
      out.push(foldCode(cp, ch));
    }
  }
  flush();
  return out.join('');
}

/**
 * BMP characters that fold to exactly one UTF-16 unit (full-width punctuation, Latin-1, kana…):
 * that unit, filled in on first sight; NOT_ONE for the others (they take the general path).
 */
const ONE_UNIT = new Uint16Array(0x10000);
const NOT_ONE = 0xffff;
function oneUnitFold(cp: number): number {
  const nf = String.fromCharCode(cp).normalize('NFKC');
  if (nf.length !== 1) return NOT_ONE;
  const c = nf.charCodeAt(0);
  if (isSpace(c) || (c >= 0xd800 && c <= 0xdfff)) return NOT_ONE;
  const f = foldCode(c, nf);
  return f.length === 1 && f.charCodeAt(0) !== NOT_ONE ? f.charCodeAt(0) : NOT_ONE;
}

/**
 * Like fold, with a map back to the original: map[i] is the UTF-16 offset in `text` of the
 * character that produced folded unit i; map[folded.length] = text.length. Runs for every field of
 * every search hit, so ASCII, CJK ideographs and other characters that fold to one unit (nearly
 * all of a Chinese page) take a path that builds no string per character; anything else is
 * normalised (NFKC) one character at a time.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const units: number[] = [];
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const at = i;
    let cp = text.charCodeAt(i);
    const pair = cp >= 0xd800 && cp <= 0xdbff && isLow(text.charCodeAt(i + 1));
    if (pair) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (isSpace(cp)) {
      space = true;
      continue;
    }
    if (space && units.length) {
      units.push(32);
      map.push(at - 1);
    }
    space = false;
    if (!pair && !(cp >= 0xd800 && cp <= 0xdfff)) {
      let one = ONE_UNIT[cp]!;
      if (one === 0) ONE_UNIT[cp] = one = oneUnitFold(cp);
      if (one !== NOT_ONE) {
        units.push(one);
        map.push(at);
        continue;
      }
    }
    const ch = pair ? text.slice(at, at + 2) : text[at]!;
    for (const c of ch.normalize('NFKC')) {
      const code = c.codePointAt(0)!;
      if (isSpace(code)) continue;
      const f = foldCode(code, c);
      for (let k = 0; k < f.length; k++) {
        units.push(f.charCodeAt(k));
        map.push(at);
      }
    }
  }
  map.push(text.length);
  let folded = '';
  for (let i = 0; i < units.length; i += 4096) folded += String.fromCharCode(...units.slice(i, i + 4096));
  return { folded, map };
}

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

/** Whitespace per String.prototype.trim / \s. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** NFKC leaves these unchanged: ASCII, and the CJK unified ideographs (basic block and extension A). */
function nfkcStable(c: number): boolean {
  return c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
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
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < nfkc.length;
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
 * Like fold, with a map back to the original: map[i] is the UTF-16 offset in `text` of the
 * character that produced folded unit i; map[folded.length] = text.length.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  const parts: string[] = [];
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const at = i;
    let cp = text.charCodeAt(i);
    let ch: string;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      ch = text.slice(i, i + 2);
      i++;
    } else ch = text[i]!;
    if (isSpace(cp)) {
      space = true;
      continue;
    }
    if (space && parts.length) {
      parts.push(' ');
      map.push(at - 1);
    }
    space = false;
    const nf = nfkcStable(cp) ? ch : ch.normalize('NFKC');
    for (const c of nf) {
      const code = c.codePointAt(0)!;
      if (isSpace(code)) continue;
      const f = foldCode(code, c);
      parts.push(f);
      for (let k = 0; k < f.length; k++) map.push(at);
    }
  }
  map.push(text.length);
  return { folded: parts.join(''), map };
}

// Text folding for search: original text → NFKC, 繁→简 (character level), lowercase, collapsed spaces.
// Only the three small character dictionaries of opencc-js are loaded (TSCharacters 29 KB,
// TW/HK variant maps < 1 KB); the phrase tables (1 MB STPhrases, 8 KB TSPhrases) are not:
// a per-character map is context-free, so a query folds exactly like the same characters in a page.
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

/** Code point → simplified replacement (variants first, then traditional → simplified). */
const T2S: Map<number, string> = buildMap();

function buildMap(): Map<number, string> {
  const variants = new Map<string, string>();
  for (const dict of [TWVariantsRev, HKVariantsRev]) {
    for (const pair of dict.split('|')) {
      const [src, dst] = pair.split(' ');
      if (src && dst && [...src].length === 1 && [...dst].length === 1) variants.set(src, dst);
    }
  }
  const chars = new Map<string, string>();
  for (const pair of TSCharacters.split('|')) {
    const [src, dst] = pair.split(' ');
    if (src && dst && [...src].length === 1 && [...dst].length === 1) chars.set(src, dst);
  }
  const out = new Map<number, string>();
  for (const [src, dst] of chars) out.set(src.codePointAt(0)!, dst);
  for (const [src, mid] of variants) out.set(src.codePointAt(0)!, chars.get(mid) ?? mid);
  return out;
}

const SPACE = /\s/;

/** Fold one code point (already NFKC) to its search form. */
function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
  const s = T2S.get(cp);
  return s ?? ch.toLowerCase();
}

/** Search form of a text: NFKC, 繁→简, lowercase, every whitespace run → one space, trimmed. */
export function fold(text: string): string {
  const nfkc = text.normalize('NFKC');
  let out = '';
  let space = false;
  for (const ch of nfkc) {
    if (SPACE.test(ch)) {
      space = true;
      continue;
    }
    if (space && out.length) out += ' ';
    space = false;
    out += foldChar(ch);
  }
  return out;
}

/**
 * Like fold, with a map back to the original: map[i] is the UTF-16 offset in `text` of the
 * character that produced folded unit i; map[folded.length] = text.length.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let space = false;
  let i = 0;
  for (const ch of text) {
    const at = i;
    i += ch.length;
    if (SPACE.test(ch)) {
      space = true;
      continue;
    }
    if (space && folded.length) {
      folded += ' ';
      map.push(at - 1);
    }
    space = false;
    const nf = ch.normalize('NFKC');
    for (const c of nf) {
      if (SPACE.test(c)) continue;
      const f = foldChar(c);
      folded += f;
      for (let k = 0; k < f.length; k++) map.push(at);
    }
  }
  map.push(text.length);
  return { folded, map };
}

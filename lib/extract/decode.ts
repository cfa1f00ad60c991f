// Bytes → HTML text: BOM, then the HTTP charset, then <meta charset>/http-equiv, then UTF-8; gb2312/GBK
// read as gb18030; a declared charset that yields garbage (pages that say gb2312 but are UTF-8) loses.

/** Labels pages use for Chinese encodings, all read as their superset gb18030. */
const GB_LABELS = /^(gb2312|gb_2312(-80)?|gbk|x-gbk|gb18030|cp936|ms936|windows-936|csgb2312|chinese|iso-ir-58)$/i;

function normLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return undefined;
  if (GB_LABELS.test(l)) return 'gb18030';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset a Content-Type header or meta content names. */
export function charsetFromContentType(ct: string | undefined): string | undefined {
  const m = ct?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1] : undefined;
}

/** The charset the first 4 KiB of the page declare in a <meta> (charset= or http-equiv content). */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  let head = '';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const cs = m[0].match(/charset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (cs) return cs[1];
  }
  return undefined;
}

/** How implausible a decoded text is: replacement chars, C1 controls, private-use chars. */
export function garbageScore(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c < 0xa0) || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function tryDecode(bytes: Uint8Array, enc: string, fatal = false): string | undefined {
  try {
    return new TextDecoder(enc, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decode an HTML page's bytes to text (leading BOMs removed). */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const bom = bomEncoding(bytes);
  const declared = bom ?? normLabel(charsetFromContentType(contentType)) ?? normLabel(charsetFromMeta(bytes));
  const strip = (s: string) => s.replace(/^\ufeff+/, '');
  if (bom) return strip(tryDecode(bytes, bom) ?? '');
  // Strict UTF-8 that succeeds is almost never a misread GBK page: prefer it over a declared legacy charset.
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== undefined && (declared === undefined || declared === 'utf-8' || hasNonAscii(bytes))) return strip(utf8);
  const candidates = [declared, 'utf-8', 'gb18030'].filter((e, i, a): e is string => !!e && a.indexOf(e) === i);
  let best = '';
  let bestScore = Infinity;
  for (const enc of candidates) {
    const text = tryDecode(bytes, enc);
    if (text === undefined) continue;
    const score = garbageScore(text);
    if (score < bestScore) {
      best = text;
      bestScore = score;
    }
    if (score === 0) break;
  }
  return strip(best);
}

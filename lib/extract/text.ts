// Small text helpers shared by the extract stages: whitespace, compact forms, dates, paper names.

/** Whitespace of any kind (incl. NBSP and the ideographic space used for indents) → one space, trimmed. */
export function normText(s: string): string {
  return s.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
}

/** Text with all whitespace removed: for comparing titles that differ only in spacing ("导 读"). */
export function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000\ufeff]+/g, '');
}

/** `<br>` written as text (titles in attributes and script strings) → a space; other tags dropped. */
export function stripTagText(s: string): string {
  return s.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoIfValid(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * First plausible date in a string → YYYY-MM-DD. Reads "2024-01-01 23:59:59", "2024年1月1日",
 * "2024-11/06", "202408/19", "20171016".
 */
export function parseDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  for (const m of s.matchAll(/(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?!\d)/g)) {
    const iso = isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return iso;
  }
  for (const m of s.matchAll(/(?<!\d)(\d{4})(\d{2})[/_-]?(\d{2})(?!\d)/g)) {
    const iso = isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return iso;
  }
  return undefined;
}

/** Suffixes e-paper sites add to the paper's name. */
const PAPER_SUFFIXES = /(多媒体数字版|数字报刊平台|数字报平台|数字报|电子版|数字版|电子报)$/;

/** A paper's name from a string such as a page title: the first segment that ends in 报. */
export function paperFromText(s: string | undefined): string | undefined {
  if (!s) return undefined;
  for (const raw of s.split(/[-_|｜—–·\s]+/)) {
    const seg = raw.trim().replace(PAPER_SUFFIXES, '');
    if (/^[\u4e00-\u9fff《》]{2,12}报$/.test(seg) && !/网/.test(seg)) return seg.replace(/^《|》$/g, '');
  }
  return undefined;
}

/** "A01" + "要闻" → "A01 要闻"; page numbers keep their letter and two digits. */
export function formatPage(num: string | undefined, name: string | undefined): string | undefined {
  const n = num ? num.trim().replace(/^([A-Za-z]?)(\d)$/, '$10$2').toUpperCase() : '';
  const nm = name ? normText(name) : '';
  const out = [n, nm].filter(Boolean).join(' ');
  return out || undefined;
}

// Document + URL + profile → paper, date, page: each field from the profile's sources in order
// (enpproperty, then visible text, then the URL), normalized (ISO date, "A01 要闻").
import type { MetaSource } from './profile';
import type { EnpProperty } from './enpproperty';
import { formatPage, normText, paperFromText, parseDate } from './text';
import { lineText } from './dom-blocks';

export interface MetaContext {
  doc: Document;
  url?: string;
  enp: EnpProperty;
}

/** Raw strings (or regexp matches) a source yields, in document order. */
function* candidates(src: MetaSource, ctx: MetaContext): Generator<{ text: string; groups?: Record<string, string> }> {
  const pick = (text: string, pattern?: RegExp) => {
    if (!pattern) return text ? { text } : undefined;
    const m = text.match(pattern);
    if (!m) return undefined;
    return { text: m[1] ?? m[0], groups: m.groups as Record<string, string> | undefined };
  };
  if (src.from === 'enp') {
    const v = ctx.enp[src.key];
    if (v) yield { text: v };
  } else if (src.from === 'doctitle') {
    const t = normText(ctx.doc.querySelector('title')?.textContent ?? '');
    const r = t ? pick(t, src.pattern) : undefined;
    if (r) yield r;
  } else if (src.from === 'url') {
    const r = ctx.url ? pick(ctx.url, src.pattern) : undefined;
    if (r) yield r;
  } else {
    for (const el of Array.from(ctx.doc.querySelectorAll(src.selector))) {
      const r = pick(lineText(el), src.pattern);
      if (r) yield r;
    }
  }
}

export function readPaper(sources: MetaSource[], ctx: MetaContext): string | undefined {
  for (const src of sources)
    for (const c of candidates(src, ctx)) {
      const name = src.from === 'enp' ? normText(c.text) : paperFromText(c.text);
      if (name) return name;
    }
  return undefined;
}

export function readDate(sources: MetaSource[], ctx: MetaContext): string | undefined {
  for (const src of sources)
    for (const c of candidates(src, ctx)) {
      const d = parseDate(c.text);
      if (d) return d;
    }
  return undefined;
}

/** Page as "A01 要闻". A source that gives only the number ("01") is completed by a later one with a name. */
export function readPage(sources: MetaSource[], ctx: MetaContext): string | undefined {
  let num: string | undefined;
  for (const src of sources)
    for (const c of candidates(src, ctx)) {
      const n = c.groups?.num ?? (src.from === 'enp' || !c.groups ? c.text.match(/^[A-Za-z]?\d{1,3}$/)?.[0] : undefined);
      const name = c.groups?.name;
      if (n && num && n.replace(/^([A-Za-z]?)0+/, '$1') !== num.replace(/^([A-Za-z]?)0+/, '$1')) continue;
      if (name) return formatPage(n ?? num, name);
      num ??= n;
    }
  return formatPage(num, undefined);
}

/** A heading (title, kicker, subtitle) from the fallback sources. */
export function readText(sources: MetaSource[] | undefined, ctx: MetaContext): string | undefined {
  for (const src of sources ?? []) for (const c of candidates(src, ctx)) if (normText(c.text)) return normText(c.text);
  return undefined;
}

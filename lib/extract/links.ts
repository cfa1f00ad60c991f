// Layout page → its articles: title + absolute URL from map areas and title lists, one entry per URL,
// without the 本版责编 / 广告 / 导读 entries.
import type { PageLink } from '../types';
import { compact, normText, stripTagText } from './text';
import { lineText } from './dom-blocks';

/** Titles that are not articles to clip (compared without spaces). */
export const DROPPED_LINK_TITLES: RegExp[] = [/^本版责编/, /^责任编辑/, /^责编/, /^(本版)?导读$/, /^广告$/, /^广告[：:]/, /^公益广告$/];

export function isDroppedTitle(title: string): boolean {
  const c = compact(title);
  return DROPPED_LINK_TITLES.some((re) => re.test(c));
}

/** Stand-in base for pages read without a URL: relative hrefs are normalized against it, then made relative again. */
const NO_BASE = 'http://no-base.invalid/_/_/_/_/';

/** Absolute URL of an href, or the normalized relative href when there is no base to resolve against. */
export function resolveHref(href: string, base: string | undefined): string {
  try {
    if (base) return new URL(href, base).href;
    const abs = new URL(href, NO_BASE).href;
    return abs.startsWith(NO_BASE) ? abs.slice(NO_BASE.length) : href;
  } catch {
    return href;
  }
}

/** The base URL of a document: <base href>, else the page URL, else the document's own (if it is http). */
export function baseOf(doc: Document, url: string | undefined): string | undefined {
  const docUrl = /^https?:|^file:/i.test(doc.URL ?? '') ? doc.URL : undefined;
  const page = url ?? docUrl;
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  if (base) return resolveHref(base, page);
  return page;
}

/**
 * A link's title: the string a script in it writes (`document.write(view("…"))`, full even where the
 * page shows it cut to 20 characters), else its visible text, else its title/alt attribute.
 */
export function linkTitle(el: Element): string {
  for (const s of Array.from(el.querySelectorAll('script'))) {
    const m = (s.textContent ?? '').match(/(["'])((?:(?!\1)[^\\]|\\.)+)\1/);
    if (m && normText(stripTagText(m[2]!))) return normText(stripTagText(m[2]!));
  }
  const visible = lineText(el);
  if (visible) return visible;
  return normText(stripTagText(el.getAttribute('title') ?? el.getAttribute('alt') ?? ''));
}

export interface LinkRule {
  selector: string;
  href: RegExp;
  samePageOnly?: boolean;
}

/** The file name of a URL path (no query or hash). */
function fileName(href: string): string {
  return href.replace(/[?#].*$/, '').replace(/^.*\//, '');
}

/** Collect the page's article links in document order, de-duplicated by absolute URL. */
export function collectLinks(doc: Document, rule: LinkRule, base: string | undefined, pageNum?: string): PageLink[] {
  const byUrl = new Map<string, PageLink>();
  const wantPage = pageNum?.replace(/^([A-Za-z]?)0+(?=\d)/, '$1');
  for (const el of Array.from(doc.querySelectorAll(rule.selector))) {
    const href = el.getAttribute('href')?.trim();
    if (!href || /^(javascript|mailto):|^#/i.test(href)) continue;
    const m = fileName(href).match(rule.href);
    if (!m) continue;
    const page = m.groups?.page?.replace(/^([A-Za-z]?)0+(?=\d)/, '$1');
    if (rule.samePageOnly && wantPage && page && page !== wantPage) continue;
    const url = resolveHref(href, base);
    const title = linkTitle(el);
    const seen = byUrl.get(url);
    if (!seen) byUrl.set(url, { title, url });
    else if (!seen.title && title) seen.title = title;
  }
  return [...byUrl.values()].filter((l) => !isDroppedTitle(l.title));
}

// URL + document → template and page type: every profile scores its URL patterns and DOM signatures;
// the best one that has DOM evidence wins (DOM alone is enough for saved pages and mirrors).
import type { PageType } from '../types';
import type { Detection, Profile } from './profile';
import { readEnpProperty, type EnpProperty } from './enpproperty';
import { exists, hasText, matchingSelectors } from './query';
import { GENERIC, PROFILES, TEXT_DUMP } from './registry';
import { findTextDump } from './text-dump';

/** Minimum score, and the DOM part of it, for a profile to claim a page. */
const MIN_SCORE = 3;
const MIN_DOM_SCORE = 1;

interface Scored {
  profile: Profile;
  score: number;
  urlType?: 'article' | 'layout';
}

function scoreProfile(p: Profile, url: string | undefined, enp: EnpProperty, found: (selector: string) => boolean): Scored & { dom: number } {
  let urlScore = 0;
  let urlType: 'article' | 'layout' | undefined;
  for (const rule of p.url) {
    if (url && rule.re.test(url)) {
      urlScore = Math.max(urlScore, rule.weight ?? 2);
      urlType ??= rule.type;
    }
  }
  let dom = 0;
  for (const sig of p.signature) {
    const hit = 'enp' in sig ? enp[sig.enp] !== undefined : found(sig.selector);
    if (hit) dom += sig.weight ?? 1;
  }
  return { profile: p, score: urlScore + dom, dom, urlType };
}

/** The selectors of every profile's DOM signatures. */
const SIGNATURE_SELECTORS = [...new Set(PROFILES.flatMap((p) => p.signature.flatMap((sig) => ('selector' in sig ? [sig.selector] : []))))];

/** Article or layout, from the DOM first (an article body), then the URL, then a layout's links. */
export function pageTypeOf(p: Profile, doc: Document, urlType?: 'article' | 'layout'): PageType {
  if (p.articleSignature.some((s) => hasText(doc, s))) return 'article';
  if (urlType) return urlType;
  if (p.layoutSignature.some((s) => exists(doc, s))) return 'layout';
  return 'article';
}

/** The best-scoring profile for a page, if any claims it. */
export function bestProfile(url: string | undefined, doc: Document, enp = readEnpProperty(doc)): Scored | undefined {
  // Every profile's DOM signatures are looked for in one pass over the document (see matchingSelectors).
  const found = matchingSelectors(doc, SIGNATURE_SELECTORS);
  let best: (Scored & { dom: number }) | undefined;
  for (const p of PROFILES) {
    const s = scoreProfile(p, url, enp, (selector) => found.has(selector));
    if (s.score >= MIN_SCORE && s.dom >= MIN_DOM_SCORE && (!best || s.score > best.score)) best = s;
  }
  return best;
}

export function detect(url: string | undefined, doc: Document): Detection {
  try {
    const best = bestProfile(url, doc);
    if (best) {
      return {
        template: best.profile.id,
        pageType: pageTypeOf(best.profile, doc, best.urlType),
        confidence: Math.min(1, best.score / 8),
      };
    }
    if (findTextDump(doc)) return { template: TEXT_DUMP, pageType: 'text' };
  } catch {
    // A document this code cannot read is "generic": extract() then finds no text.
  }
  return { template: GENERIC, pageType: null };
}

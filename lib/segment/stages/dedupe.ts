// Working → Working: repeated text removed in linear time. Exact repeats by key; near-duplicates
// (a different first clause) and fragments of kept text through a shingle index (5-character
// windows for CJK, 3-word windows for Latin) over kept items only, with capped postings, so no
// all-pairs comparison. The first complete occurrence is kept; a later complete one replaces an
// earlier fragment. Short headers (bylines, notice headings) repeated right before removed text go too.
import type { Item, Working } from '../item';
import { head, matchKey } from '../text';
import { shingles } from '../terms';

/** Minimum key length (letters/digits) for a repeat to count, per language. */
const MIN_EXACT = { zh: 8, en: 12 };
/** Minimum key length for near-duplicate and fragment matching. */
const MIN_NEAR = { zh: 20, en: 40 };
/** Items longer than this are matched exactly only (keeps the shingle index small on pathological input). */
const MAX_NEAR = 20_000;
/** At most this many kept items per shingle are remembered. */
const POSTING_CAP = 16;
const NEAR_BOTH = 0.8;
const CONTAINED = 0.9;

const DEDUPED = new Set(['paragraph', 'caption', 'notice', 'title', 'kicker', 'subtitle', 'subhead', 'heading', 'advert']);
const HEADERS = new Set(['byline', 'notice-head', 'title', 'kicker', 'subtitle', 'subhead', 'heading', 'advert']);

export function dedupe(w: Working): Working {
  const items = w.items.map((i) => ({ ...i }));
  const exact = new Map<string, number>();
  const postings = new Map<number, number[]>();
  const sets = new Map<number, Set<number>>();

  const mark = (i: number, k: number, detail: string) => {
    items[i]!.removed = { reason: 'duplicate', detail, duplicateOf: head(items[k]!.text || items[k]!.credit || '') };
    items[i]!.dupOf = k;
  };

  items.forEach((it, i) => {
    if (it.removed || !DEDUPED.has(it.kind)) return;
    const key = keyOf(it);
    if (key.length < MIN_EXACT[it.lang]) return;
    const k = exact.get(key);
    if (k !== undefined && !items[k]!.removed) {
      mark(i, k, 'repeat');
      return;
    }
    const near = (it.kind === 'paragraph' || it.kind === 'caption' || it.kind === 'notice') && key.length >= MIN_NEAR[it.lang] && key.length <= MAX_NEAR;
    if (near) {
      const s = shingles(keyText(it), it.lang);
      const hits = new Map<number, number>();
      for (const h of s) {
        for (const j of postings.get(h) ?? []) if (!items[j]!.removed) hits.set(j, (hits.get(j) ?? 0) + 1);
      }
      let best = -1;
      let bestHits = 0;
      for (const [j, n] of hits) if (n > bestHits) [best, bestHits] = [j, n];
      if (best >= 0) {
        const covThis = bestHits / s.size;
        const covKept = bestHits / sets.get(best)!.size;
        if (covThis >= NEAR_BOTH && covKept >= NEAR_BOTH) {
          mark(i, best, 'near-duplicate');
          return;
        }
        if (covThis >= CONTAINED && !selfQuoted(it.text)) {
          mark(i, best, 'fragment');
          return;
        }
        if (covKept >= CONTAINED && items[best]!.kind === it.kind && !selfQuoted(items[best]!.text)) mark(best, i, 'fragment');
      }
      for (const h of s) {
        const list = postings.get(h);
        if (!list) postings.set(h, [i]);
        else if (list.length < POSTING_CAP) list.push(i);
      }
      sets.set(i, s);
    }
    exact.set(key, i);
  });

  dropOrphanHeaders(items);
  return { ...w, items };
}

/** A header that repeats an earlier header and only introduces removed duplicates goes with them. */
function dropOrphanHeaders(items: Item[]): void {
  const seen = new Map<string, number>();
  const firstOf = new Map<number, number>();
  items.forEach((it, i) => {
    if (!HEADERS.has(it.kind)) return;
    const key = headerKey(it);
    if (!key) return;
    const k = seen.get(key);
    if (k === undefined) seen.set(key, i);
    else firstOf.set(i, k);
  });
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    const k = firstOf.get(i);
    if (k === undefined || it.removed) continue;
    const next = items[i + 1];
    if (next?.removed?.reason === 'duplicate') {
      it.removed = { reason: 'duplicate', detail: 'repeat', duplicateOf: head(items[k]!.text || items[k]!.byline || '') };
      it.dupOf = k;
    }
  }
}

function headerKey(it: Item): string {
  return matchKey([it.dateline, it.byline, it.kind === 'byline' ? '' : it.text].filter(Boolean).join(' '));
}

function keyText(it: Item): string {
  return it.kind === 'caption' && it.credit ? `${it.text} ${it.credit}` : it.text;
}

function keyOf(it: Item): string {
  return matchKey(keyText(it));
}

/** A paragraph that is one quotation: quoting the same words is not a layout repeat. */
function selfQuoted(text: string): boolean {
  return /^[“"「『]/.test(text) && /[”"」』][。.!！？?]?$/.test(text);
}

// Working → Working: repeated text removed in linear time. Exact repeats by key; near-duplicates
// (a different first clause) and fragments of kept text through a shingle index (5-character
// windows for CJK, 3-word windows for Latin) over kept items only, with capped postings, so no
// all-pairs comparison. The first complete occurrence is kept; a later complete one replaces an
// earlier fragment. Headers that introduce only removed repeats go too.
import { Draft, type Item, type Working } from '../item';
import { leadHeadline } from './classify';
import { RULES } from '../rules';
import { head, keyUnits } from '../text';
import { HashSet, ShingleTable } from '../shingle-table';
import { keyHash, keyShingles, shingles } from '../terms';

/** Minimum key length (letters/digits) for a repeat to count, per language. */
const MIN_EXACT = { zh: 8, en: 12 };
/** Minimum key length for near-duplicate and fragment matching. */
const MIN_NEAR = { zh: 20, en: 40 };
/** Items longer than this are matched exactly only (keeps the shingle index small on pathological input). */
const MAX_NEAR = 20_000;
/** At most this many kept items per shingle are remembered. */
const POSTING_CAP = 4;
const NEAR_BOTH = 0.8;
const CAPTION_SALT = 0x1bd1e995;
const CONTAINED = 0.9;

const DEDUPED = new Set(['paragraph', 'caption', 'notice', 'title', 'kicker', 'subtitle', 'subhead', 'heading', 'advert']);
/** Kinds matched as near-duplicates and fragments too (through the shingle index). */
const NEAR = new Set(['paragraph', 'caption', 'notice']);
const CONTENT = new Set(['paragraph', 'caption', 'notice', 'credit']);
const HEADERS = new Set(['byline', 'notice-head', 'title', 'kicker', 'subtitle', 'subhead', 'heading']);
const OPENERS = new Set(['title', 'kicker', 'notice-head', 'heading', 'advert']);
/** Blocks that start another article's run (for quotations repeated across articles). */
const STARTS = new Set(['title', 'kicker', 'heading', 'notice-head']);

export function dedupe(w: Working): Working {
  const draft = new Draft(w.items);
  const items = draft.items;
  // Exact repeats by a 52-bit hash of the key (no key string is built); a hit is confirmed on the
  // keys, a copy of which is kept for each item registered.
  const exact = new Map<number, number>();
  const keys = new KeyStore(items.length);
  // Postings: the first kept item holding a shingle, then (rarely) up to POSTING_CAP more.
  let expected = 0;
  for (const it of items) if (NEAR.has(it.kind) && !it.removed && it.text.length <= MAX_NEAR) expected += keyText(it).length;
  const first = ShingleTable.reused(expected);
  const more = new Map<number, number[]>();
  const sizes = new Int32Array(items.length);
  const counts = new Int32Array(items.length);
  const touched: number[] = [];
  // Which headline's run each item is in (a new one at each headline-shaped block).
  const region = new Int32Array(items.length);
  items.forEach((it, i) => (region[i] = (i ? region[i - 1]! : 0) + (STARTS.has(it.kind) ? 1 : 0)));

  items.forEach((it, i) => {
    if (it.removed || !DEDUPED.has(it.kind)) return;
    const key = keyUnits(keyText(it)); // scratch: read before the next keyUnits call
    if (key.length < MIN_EXACT[it.lang]) return;
    const hash = keyHash(key);
    const k = exact.get(hash);
    if (k !== undefined && !items[k]!.removed && keys.equals(k, key)) {
      // A quotation printed as its own paragraph under two headlines is quoted twice, not repeated.
      if (region[k] === region[i] || !oneQuotation(it.text)) mark(draft, i, k, 'repeat');
      return;
    }
    // Kept now, while `key` (keyUnits' scratch buffer) still holds this item's units: recounting other
    // items' shingles below reads their text into the same buffer. Stored at the end, a page with full
    // postings stored another item's units as this one's key, and an exact repeat of it went unseen.
    keys.set(i, key);
    const near = NEAR.has(it.kind) && key.length >= MIN_NEAR[it.lang] && key.length <= MAX_NEAR;
    if (near) {
      // Captions are matched against captions, text against text: a caption may restate the article.
      const salt = it.kind === 'caption' ? CAPTION_SALT : 0;
      const s = distinct(it.lang === 'zh' ? keyShingles(key) : shinglesOf(it), salt);
      touched.length = 0;
      // Shingles whose postings are full: a kept item holding them may not have been counted.
      let capped = 0;
      for (const h of s) {
        const v = first.entry(h);
        if (v < 0) continue;
        const j = v >> 1;
        count(items, j, counts, touched);
        // Most shingles have one holder: the side table is only consulted for the marked ones.
        if (j === i || !(v & 1)) continue;
        const list = more.get(h);
        if (!list) continue;
        for (const k of list) count(items, k, counts, touched);
        if (list.length >= POSTING_CAP) capped++;
      }
      let best = -1;
      let bestHits = 0;
      for (const j of touched) if (counts[j]! > bestHits) [best, bestHits] = [j, counts[j]!];
      if (capped && !(best >= 0 && decides(bestHits, s.length, sizes[best]!))) {
        const exact = recount(items, touched, counts, sizes, s, salt, capped);
        if (exact[1] > bestHits) [best, bestHits] = exact;
      }
      for (const j of touched) counts[j] = 0;
      if (best >= 0) {
        const covThis = bestHits / s.length;
        const covKept = Math.min(1, bestHits / sizes[best]!);
        // An earlier block that heads the article this one opens is its headline, even when the lead
        // restates it word for word (市财政局紧急下达3000万元… over 本报讯（记者 李明）…市财政局紧急下达3000万元…).
        if (completes(bestHits, s.length, sizes[best]!) && !selfQuoted(items[best]!.text) && !headsArticle(items, best, i)) {
          // The kept paragraph is this one minus text only this one has (a sentence more): the
          // complete one stays, whatever the overlap (never drop text found nowhere else).
          mark(draft, best, i, 'fragment');
        } else if (covThis >= NEAR_BOTH && covKept >= NEAR_BOTH) {
          mark(draft, i, best, 'near-duplicate');
          return;
        } else if (covThis >= CONTAINED && !selfQuoted(it.text)) {
          mark(draft, i, best, 'fragment');
          return;
        } else if (covKept >= CONTAINED && !selfQuoted(items[best]!.text) && !headsArticle(items, best, i)) mark(draft, best, i, 'fragment');
      }
      for (const h of s) {
        const j = first.setOrMark(h, i);
        if (j !== i) {
          const list = more.get(h);
          if (!list) more.set(h, [i]);
          else if (list.length < POSTING_CAP && list[list.length - 1] !== i) list.push(i);
        }
      }
      sizes[i] = s.length;
    }
    exact.set(hash, i);
  });

  dropOrphanHeaders(draft);
  return { ...w, items };
}

// Module functions rather than closures made per call or per item (each closure is an allocation
// and, under tsx's keepNames, a defineProperty of its name).

function mark(draft: Draft, i: number, k: number, detail: string): void {
  const kept = draft.items[k]!;
  const it = draft.edit(i);
  it.removed = { reason: 'duplicate', detail, duplicateOf: head(kept.text || kept.credit || '') };
  it.dupOf = k;
}

/** How far after a headline its lead may come, in blocks (a subtitle, captions and removed repeats between). */
const HEADLINE_REACH = 8;

/**
 * Is kept item k the headline of the article that item i opens or belongs to: headline-shaped with
 * clauses allowed (leadHeadline), with at most two more such blocks (a subtitle) before the
 * article's lead — a byline block, a paragraph opening with a dateline, or the author's name alone
 * over the text — and i at or after it.
 */
function headsArticle(items: Item[], k: number, i: number): boolean {
  if (!leadHeadline(items[k]!)) return false;
  let shortOnes = 0;
  // A few blocks on (removed ones included): a page of thousands of repeats must not make this a scan.
  for (let j = k + 1; j <= i && j <= k + HEADLINE_REACH; j++) {
    const next = items[j]!;
    if (next.removed) continue;
    if (next.kind === 'byline' || next.dateline) return true;
    // The author's name alone under the headline (吴象) is its lead too when text follows it.
    if (j < i && RULES[next.lang].bareName?.test(next.text)) return true;
    if (++shortOnes > 2 || !leadHeadline(next)) return false;
  }
  return false;
}

/** Candidates whose capped count is re-checked exactly, at most. */
const RECOUNTED = 3;

/** Shingles only a longer paragraph may have beyond the kept one for it to count as its complete form: about a short clause. */
const MIN_EXTRA = 5;

/**
 * Does an item of `n` shingles complete a kept one of `m`, sharing `hits`: the kept one is (nearly)
 * all inside it, and it has clearly more of its own than the kept one has (a near-duplicate whose
 * first clause differs has about as much on each side, and is not one).
 */
function completes(hits: number, n: number, m: number): boolean {
  const keptOnly = m - hits;
  const thisOnly = n - hits;
  return hits >= CONTAINED * m && thisOnly >= 2 * keptOnly + MIN_EXTRA;
}

/** Would `hits` shared shingles make an item of `n` shingles a repeat of (or contain) one of `m`? */
function decides(hits: number, n: number, m: number): boolean {
  return (hits >= NEAR_BOTH * n && hits >= NEAR_BOTH * m) || hits >= CONTAINED * n || hits >= CONTAINED * m;
}

/**
 * Where full postings may have hidden shared shingles (`capped` of them), the candidates whose count
 * could then reach a decision are counted exactly (their shingles recomputed, against this item's
 * `mine`): whether a paragraph is a near-duplicate must not depend on how many other paragraphs
 * earlier on the page happen to share its common clauses (else cleaning the cleaned text could
 * decide differently). Rare: most candidates share a few common shingles and cannot reach a
 * threshold even with every capped one. Returns the best exactly counted candidate, or [-1, 0].
 */
function recount(items: Item[], touched: number[], counts: Int32Array, sizes: Int32Array, mine: number[], salt: number, capped: number): [number, number] {
  const open = touched.filter((j) => decides(counts[j]! + capped, mine.length, sizes[j]!));
  if (open.length === 0) return [-1, 0];
  const top = open.sort((a, b) => counts[b]! - counts[a]!).slice(0, RECOUNTED);
  const set = new Set(mine);
  let best = -1;
  let bestHits = 0;
  for (const j of top) {
    let hits = 0;
    for (const h of distinct(shinglesOf(items[j]!), salt)) if (set.has(h)) hits++;
    if (hits > bestHits) [best, bestHits] = [j, hits];
  }
  return [best, bestHits];
}

/** An item's shingles: of its text, and a caption's credit with it. */
function shinglesOf(it: Item): number[] {
  return shingles(keyText(it), it.lang);
}

/** One more shared shingle with kept item `j` (removed items no longer count). */
function count(items: Item[], j: number, counts: Int32Array, touched: number[]): void {
  if (items[j]!.removed) return;
  if (counts[j] === 0) touched.push(j);
  counts[j]!++;
}

/**
 * Headers (title, byline, subhead, notice heading) that introduce only removed repeats go with them:
 * an article printed twice loses its second headline too, and no headline is left without text.
 */
function dropOrphanHeaders(draft: Draft): void {
  let kept = false;
  let repeated: Item | null = null;
  for (let i = draft.items.length - 1; i >= 0; i--) {
    let it = draft.items[i]!;
    if (CONTENT.has(it.kind)) {
      if (!it.removed) kept = true;
      else if (it.removed.reason === 'duplicate') repeated = it;
      continue;
    }
    if (!HEADERS.has(it.kind)) continue;
    if (!it.removed && !kept && repeated) {
      it = draft.edit(i);
      it.removed = { reason: 'duplicate', detail: 'repeat', duplicateOf: repeated.removed!.duplicateOf ?? head(repeated.text) };
    }
    if (!it.removed && (it.kind === 'subhead' || it.kind === 'byline')) kept = true;
    if (OPENERS.has(it.kind)) {
      kept = false;
      repeated = null;
    }
  }
}

/** Distinct shingles (captions salted so they only meet captions); one scratch set reused across calls. */
const seen = new HashSet();
function distinct(hashes: number[], salt: number): number[] {
  return seen.distinct(hashes, salt);
}

/**
 * Items' keys, one after another in one growing buffer: a typed array per item would be thousands
 * of small buffers for the collector to track on a large page.
 */
class KeyStore {
  private units = new Uint16Array(1 << 14);
  private used = 0;
  private readonly at: Int32Array;
  private readonly len: Int32Array;
  constructor(items: number) {
    this.at = new Int32Array(items);
    this.len = new Int32Array(items);
  }
  set(i: number, key: Uint16Array): void {
    if (this.used + key.length > this.units.length) {
      const grown = new Uint16Array(Math.max(this.units.length * 2, this.used + key.length));
      grown.set(this.units.subarray(0, this.used));
      this.units = grown;
    }
    this.units.set(key, this.used);
    this.at[i] = this.used;
    this.len[i] = key.length;
    this.used += key.length;
  }
  /** Is item `i`'s stored key `key`? */
  equals(i: number, key: Uint16Array): boolean {
    if (this.len[i] !== key.length) return false;
    const units = this.units;
    const from = this.at[i]!;
    for (let j = 0; j < key.length; j++) if (units[from + j] !== key[j]) return false;
    return true;
  }
}

function keyText(it: Item): string {
  return it.kind === 'caption' && it.credit ? `${it.text} ${it.credit}` : it.text;
}

/** A paragraph that is one quotation and nothing else (no quotation mark closes before its end). */
function oneQuotation(text: string): boolean {
  return /^[“"「『][^”"」』]+[”"」』][。.!！？?]?$/.test(text);
}

/** A paragraph that is one quotation: quoting the same words is not a layout repeat. */
function selfQuoted(text: string): boolean {
  return /^[“"「『]/.test(text) && /[”"」』][。.!！？?]?$/.test(text);
}

// Keeps the search index in step with the clips, inside the caller's transaction.
//
// Index layout, decided by measurement (tests/bench/scenarios/store.ts, first table; numbers
// in lib/store/README.md). A clip is ~950 characters → ~850 distinct unigram/bigram terms.
// Candidate A, one IndexedDB entry per (term, clip) — a multiEntry `*terms` index on the clip —
// measured in Chromium on 2,000 corpus clips: 55 KiB on disk per clip (→ ~5 GB at 100k), single
// save p95 22–125 ms (850 index entries per put), and a query gets only primary keys: no term
// frequency for ranking and no positions to verify 4-character terms or phrases, so every
// candidate clip would have to be loaded. Candidate B (chosen), postings packed per (bucket,
// segment): a segment is a batch of documents written together; its posting lists (doc, tf,
// title tf, positions; varint bytes) are grouped into at most BUCKETS rows by a hash of the term,
// so a query reads one key range per term and does the rest in memory (since v3 each row is a
// head row and a positions row, so a one- or two-character term reads no positions). Same 2,000 clips:
// 14 KiB per clip, single save p95 5 ms. Single saves would make one-document segments, so a
// new document first goes to `pending` (its whole posting map in one row: one put per save);
// when MERGE_AT documents wait they are merged into a segment. Positions make multi-character
// terms and phrases exact from the index alone (默认 never matches 默想).
import { BUCKETS, bucketOf, decodePostings, encodeDict, encodeSplitDict, PostingReader, type Posting } from './codec';
import { newEpoch, type PendingRow, type PositionRow, type PostingRow, type SegmentRow, type StoredClip, type Tables } from './db';
import { docTerms } from './tokens';
import type { Table } from 'dexie';
import type { ArticleKind } from '../types';

/** Pending documents merged into a segment once this many are waiting. */
export const MERGE_AT = 64;
/** Largest segment written at once (bounds the memory a bulk import or merge needs). */
export const SEGMENT_MAX = 2000;

export const KIND_CODES: Record<ArticleKind, number> = { article: 0, caption: 1, notice: 2, advert: 3 };

/** YYYY-MM-DD → YYYYMMDD (0 when absent or malformed). */
export function dateNum(date: string | null | undefined): number {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

/** The columns a query needs of one document. */
interface DocColumns {
  seq: number;
  id: string;
  len: number;
  titleEnd: number;
  saved: number;
  date: number;
  kind: number;
  paper: string;
}

/** A clip's document: its postings and its columns. */
interface DocIndex extends DocColumns {
  postings: Map<string, Posting>;
}

/** Clip → its index document (pure). */
export function docIndexOf(clip: StoredClip): DocIndex {
  const { terms, titleEnd, length } = docTerms(clip);
  const postings = new Map<string, Posting>();
  for (const [term, positions] of terms) {
    let titleCount = 0;
    for (const p of positions) if (p < titleEnd) titleCount++;
    postings.set(term, { seq: clip.seq, count: positions.length, titleCount, positions });
  }
  return {
    seq: clip.seq,
    id: clip.id,
    postings,
    len: length,
    titleEnd,
    saved: clip.savedAt,
    date: dateNum(clip.date),
    kind: KIND_CODES[clip.kind] ?? 0,
    paper: clip.paper ?? '',
  };
}

function pendingRowOf(d: DocIndex): PendingRow {
  const lists = new Map<string, Posting[]>();
  for (const [t, p] of d.postings) lists.set(t, [p]);
  return { q: d.seq, id: d.id, ...encodeDict(lists), len: d.len, titleEnd: d.titleEnd, saved: d.saved, date: d.date, kind: d.kind, paper: d.paper };
}

/** Pending row → index document (for merging). */
export function docIndexOfPending(r: PendingRow): DocIndex {
  const postings = new Map<string, Posting>();
  r.terms.forEach((t, i) => {
    const p = decodePostings(r.blob.subarray(r.offs[i]!, r.offs[i + 1]!))[0];
    if (p) postings.set(t, p);
  });
  return { seq: r.q, id: r.id, postings, len: r.len, titleEnd: r.titleEnd, saved: r.saved, date: r.date, kind: r.kind, paper: r.paper };
}

/** Next value of a counter kept in `meta`. */
export async function nextCounter(T: Tables, name: string, n = 1): Promise<number> {
  const row = await T.meta.get(name);
  const first = (row?.v ?? 0) + 1;
  await T.meta.put({ k: name, v: first + n - 1 });
  return first;
}

/** The segment row of these documents (ascending seq). */
function segmentRowOf(s: number, docs: DocColumns[]): SegmentRow {
  const papers: string[] = [];
  const paperAt = new Map<string, number>();
  return {
    s,
    seqs: Uint32Array.from(docs, (d) => d.seq),
    ids: docs.map((d) => d.id),
    lens: Uint32Array.from(docs, (d) => d.len),
    titleEnds: Uint32Array.from(docs, (d) => d.titleEnd),
    saved: Float64Array.from(docs, (d) => d.saved),
    dates: Uint32Array.from(docs, (d) => d.date),
    kinds: Uint8Array.from(docs, (d) => d.kind),
    paperIdx: Uint16Array.from(docs, (d) => {
      let i = paperAt.get(d.paper);
      if (i === undefined) {
        i = papers.length;
        papers.push(d.paper);
        paperAt.set(d.paper, i);
      }
      return i;
    }),
    papers,
  };
}

/** The columns of a segment's document i (the inverse of segmentRowOf). */
export function columnsAt(seg: SegmentRow, i: number): DocColumns {
  return {
    seq: seg.seqs[i]!,
    id: seg.ids[i]!,
    len: seg.lens[i]!,
    titleEnd: seg.titleEnds[i]!,
    saved: seg.saved[i]!,
    date: seg.dates[i]!,
    kind: seg.kinds[i]!,
    paper: seg.papers[seg.paperIdx[i]!] ?? '',
  };
}

/** meta: the number of a segment whose rows are being written by a pending merge or a compaction (not listed in `segs` yet). */
const META_NEW = 'compact.new';
/** meta: rows numbered in [sweep.lo, sweep.hi] belong to no segment any more and are being deleted. */
const META_LO = 'sweep.lo';
const META_HI = 'sweep.hi';

/** bucket → term → postings. */
type BucketLists = Map<number, Map<string, Posting[]>>;

/** Appends p to the list of term (in bucket b). */
function addPosting(buckets: BucketLists, b: number, term: string, p: Posting): void {
  let lists = buckets.get(b);
  if (!lists) buckets.set(b, (lists = new Map()));
  const list = lists.get(term);
  if (list) list.push(p);
  else lists.set(term, [p]);
}

/** bucket → term → postings of these documents (ascending seq within each list when docs are). */
function bucketLists(docs: DocIndex[]): BucketLists {
  const buckets: BucketLists = new Map();
  for (const d of docs) for (const [term, p] of d.postings) addPosting(buckets, bucketOf(term), term, p);
  return buckets;
}

/** Encodes these buckets' lists as segment s's head and positions rows and writes them. */
async function writeRows(T: Tables, s: number, buckets: Iterable<[number, Map<string, Posting[]>]>): Promise<void> {
  const heads: PostingRow[] = [];
  const positions: PositionRow[] = [];
  for (const [b, lists] of buckets) {
    const { head, pos } = encodeSplitDict(lists);
    heads.push({ b, s, ...head });
    positions.push({ b, s, ...pos });
  }
  await Promise.all([T.postings.bulkPut(heads), T.positions.bulkPut(positions)]);
}

/** Writes a segment holding these documents (any order) and returns its number, all in the caller's transaction. */
async function writeSegment(T: Tables, docs: DocIndex[]): Promise<number> {
  docs.sort((a, b) => a.seq - b.seq);
  const s = await nextCounter(T, 'segment');
  await Promise.all([writeRows(T, s, bucketLists(docs)), T.segs.put(segmentRowOf(s, docs))]);
  return s;
}

/**
 * Indexes these clips (each already carrying its new seq), in the caller's transaction. A small
 * batch (fewer than MERGE_AT) goes to `pending`, one row per document; a larger one is written as
 * segments of its own (the caller's transaction then holds every table). Pending documents are
 * never merged here: only mergePending does that, in the background (see there). Returns true
 * when index maintenance is due: MERGE_AT or more documents pending, or a segment written (a
 * compaction may be due).
 */
export async function indexClips(T: Tables, clips: StoredClip[], pendingCount?: number): Promise<boolean> {
  if (clips.length === 0) return false;
  if (clips.length < MERGE_AT) {
    const waiting = pendingCount ?? (await T.pending.count());
    await T.pending.bulkPut(clips.map((c) => pendingRowOf(docIndexOf(c))));
    return waiting + clips.length >= MERGE_AT;
  }
  // Turned into postings one segment (at most SEGMENT_MAX documents) at a time, so a large import stays bounded in memory.
  for (let i = 0; i < clips.length; i += SEGMENT_MAX) await writeSegment(T, clips.slice(i, i + SEGMENT_MAX).map(docIndexOf));
  return true;
}

/** Buckets whose rows a pending merge writes per transaction (a 64-document segment's rows are small). */
const MERGE_CHUNK = 256;

/** The columns of a pending document. */
const pendingColumns = (r: PendingRow): DocColumns => ({ seq: r.q, id: r.id, len: r.len, titleEnd: r.titleEnd, saved: r.saved, date: r.date, kind: r.kind, paper: r.paper });

/**
 * Merges the pending documents (at most SEGMENT_MAX) into a new segment once MERGE_AT or more are
 * waiting, written the way a compaction writes. One short transaction takes the pending rows and
 * notes the new segment's number in `meta`. The rows are then decoded, encoded and written
 * MERGE_CHUNK buckets at a time, each chunk in its own transaction over the row tables only
 * (`rowsTx`; the store starts each one only when none of its own saves or searches is in flight):
 * saves, which write clips and `pending`, go on meanwhile, and neither a save nor a search waits
 * for more than one short chunk (a search ignores rows of an unlisted segment). One short
 * transaction then lists the segment and drops the merged pending rows. A document retired
 * meanwhile (an edit or a purge deleted its pending row) is marked dead in the new segment.
 * Interrupted (tab closed), it leaves only rows no segment lists, deleted by the next sweep. One
 * merge or compaction at a time (the caller holds store.ts's Web Lock). Returns true when it merged.
 */
export async function mergePending(T: Tables, tx: WriteTx, rowsTx: WriteTx = tx): Promise<boolean> {
  await sweep(T, tx, rowsTx);
  const plan = await tx(async () => {
    if ((await T.pending.count()) < MERGE_AT) return null;
    const pending = await T.pending.limit(SEGMENT_MAX).toArray();
    const deadRows = await T.dead.bulkGet(pending.map((p) => p.q));
    const s = await nextCounter(T, 'segment');
    await T.meta.put({ k: META_NEW, v: s });
    return { s, pending, dead: deadRows.filter((r) => r !== undefined).map((r) => r.q) };
  });
  if (!plan) return false;
  const { s } = plan;
  const dead = new Set(plan.dead);
  // Ascending seq, so every term's list comes out in order.
  const rows = plan.pending.filter((p) => !dead.has(p.q)).sort((a, b) => a.q - b.q);
  const bucketsOf = rows.map((r) => Uint16Array.from(r.terms, bucketOf));
  for (let b0 = 0; b0 < BUCKETS; b0 += MERGE_CHUNK) {
    const lists: BucketLists = new Map();
    rows.forEach((r, k) => {
      const bs = bucketsOf[k]!;
      for (let i = 0; i < bs.length; i++) {
        const b = bs[i]!;
        if (b < b0 || b >= b0 + MERGE_CHUNK) continue;
        const p = decodePostings(r.blob.subarray(r.offs[i]!, r.offs[i + 1]!))[0];
        if (p) addPosting(lists, b, r.terms[i]!, p);
      }
    });
    if (lists.size) await rowsTx(() => writeRows(T, s, [...lists].sort((x, y) => x[0] - y[0])));
  }
  const docs = rows.map(pendingColumns);
  const published = await tx(async () => {
    const merged = plan.pending.map((p) => p.q);
    const [mark, still, lastListed] = await Promise.all([T.meta.get(META_NEW), T.pending.bulkGet(merged), T.segs.toCollection().lastKey()]);
    await T.meta.delete(META_NEW);
    if (mark?.v !== s) {
      // Someone else's merge or compaction (without the lock) took over: this merge's rows go.
      await T.meta.bulkPut([{ k: META_LO, v: s }, { k: META_HI, v: s }]);
      return false;
    }
    const retired = merged.filter((q, i) => !still[i] && !dead.has(q));
    await Promise.all([
      T.pending.bulkDelete(merged),
      // Dead pending documents (never expected: a retired pending document loses its row instead) are gone for good.
      dead.size ? T.dead.bulkDelete([...dead]) : null,
      retired.length ? T.dead.bulkPut(retired.map((q) => ({ q }))) : null,
      docs.length ? T.segs.put(segmentRowOf(s, docs)) : null,
      // A bulk save listed a higher-numbered segment while this one was written: caches that read
      // buckets past it (search.ts extends a cached bucket only above its last listed segment)
      // would never read this one's rows. They start over.
      typeof lastListed === 'number' && lastListed > s ? T.meta.put({ k: 'epoch', v: newEpoch() }) : null,
    ]);
    return true;
  });
  await sweep(T, tx, rowsTx);
  return published;
}

/** Takes these document numbers out of the index (old versions of updated clips, purged clips). */
export async function retireSeqs(T: Tables, seqs: number[]): Promise<void> {
  if (seqs.length === 0) return;
  // A pending document can simply be dropped; one in a segment is marked dead (filtered at query time).
  const pending = await T.pending.bulkGet(seqs);
  const inPending = seqs.filter((_, i) => pending[i]);
  const inSegments = seqs.filter((_, i) => !pending[i]);
  if (inPending.length) await T.pending.bulkDelete(inPending);
  if (inSegments.length) await T.dead.bulkPut(inSegments.map((q) => ({ q })));
}

/**
 * Segment compaction. Every pending merge writes a MERGE_AT-document segment, so a year of single
 * saves would leave thousands of small segments, and a query reads one row per segment for each
 * of its terms (and repeats every common term's dictionary entry in each). Segments are merged
 * the way a log-structured merge tree merges its levels: a segment's level is how many times
 * `fan` its live documents are over `base` (64 → 0, 512 → 1, 4,096 → 2), and `fan` adjacent
 * segments of one level are merged into one once their live documents fit in `max`. Each
 * document is rewritten about twice on its way up, and n single saves leave about
 * n / max + 2 · (fan − 1) segments instead of n / 64. Bulk imports write SEGMENT_MAX-document
 * segments, already at level 1; `max` keeps them from being merged into ever larger ones (a
 * merge's cost grows with its size, and every later read of a bucket row pays for its size).
 */
export interface CompactPolicy {
  fan: number;
  base: number;
  max: number;
}

export const COMPACT: CompactPolicy = { fan: 8, base: MERGE_AT, max: 4096 };

/** Buckets whose rows a compaction reads, merges and writes in one transaction: 1/256 of the merged segments, so each transaction (and the JavaScript between, which shares the thread with saves and searches) is short. */
const COMPACT_CHUNK = 16;

/** The buckets, COMPACT_CHUNK at a time: the unit of a compaction's row transactions. */
function* bucketChunks(): Generator<number[]> {
  for (let b0 = 0; b0 < BUCKETS; b0 += COMPACT_CHUNK) yield Array.from({ length: Math.min(COMPACT_CHUNK, BUCKETS - b0) }, (_, k) => b0 + k);
}

/** The level of a segment with this many live documents. */
export function levelOf(live: number, p: CompactPolicy = COMPACT): number {
  let level = 0;
  for (let size = p.base * p.fan; live >= size; size *= p.fan) level++;
  return level;
}

/**
 * The segments to compact next, ascending: a segment without live documents alone (it is dropped),
 * else `fan` segments adjacent in number, of one level, whose live documents fit in `max` — the
 * lowest level first, then the oldest. Null when nothing is due.
 */
export function pickCompaction(segs: readonly { s: number; live: number }[], p: CompactPolicy = COMPACT): number[] | null {
  const sorted = [...segs].sort((a, b) => a.s - b.s);
  const empty = sorted.find((x) => x.live === 0);
  if (empty) return [empty.s];
  const levels = sorted.map((x) => levelOf(x.live, p));
  let best: { level: number; at: number } | null = null;
  for (let i = 0; i + p.fan <= sorted.length; i++) {
    const level = levels[i]!;
    if (best && level >= best.level) continue;
    let total = 0;
    let same = true;
    for (let k = i; k < i + p.fan && same; k++) {
      same = levels[k] === level;
      total += sorted[k]!.live;
    }
    if (same && total <= p.max) best = { level, at: i };
  }
  return best ? sorted.slice(best.at, best.at + p.fan).map((x) => x.s) : null;
}

/** Runs fn in a read-write transaction (over every table of the store, or — `rowsTx` — over `postings` and `positions`). */
export type WriteTx = <R>(fn: () => Promise<R>) => Promise<R>;

interface CompactPlan {
  pick: number[];
  lo: number;
  hi: number;
  /** The merged segment's number: between the last picked one and the next segment, so numbers keep the seq order. */
  target: number;
  docs: DocColumns[];
  gone: number[];
  dead: Set<number>;
}

/**
 * Runs one compaction if one is due (see CompactPolicy). The merged segment's rows are written
 * under a number no segment has, a few buckets per transaction (`rowsTx`: the row tables only, so
 * saves that only write clips and `pending` run meanwhile), while queries and saves go on
 * (a query only uses rows of segments listed in `segs`); one short transaction then lists it and
 * unlists the picked ones (and drops their dead documents from `dead` for good); their rows are
 * deleted afterwards, again a few buckets per transaction. No transaction holds the store for
 * long, though the whole compaction does (all of a 10k archive's: minutes on a slow machine, see
 * lib/store/README.md). The caller makes sure only one
 * compaction runs at a time (store.ts: a Web Lock); one interrupted midway (tab closed) leaves
 * only rows no segment lists, noted in `meta` and deleted before the next one starts.
 * Returns true when it compacted (call again until false).
 */
export async function compactSegments(T: Tables, tx: WriteTx, p: CompactPolicy = COMPACT, rowsTx: WriteTx = tx): Promise<boolean> {
  await sweep(T, tx, rowsTx);
  const plan = await tx(() => planCompaction(T, p));
  if (!plan) return false;
  for (const bs of bucketChunks()) await rowsTx(() => mergeRows(T, plan, bs));
  const published = await tx(async () => {
    const [segKeys, mark] = await Promise.all([T.segs.toCollection().primaryKeys(), T.meta.get(META_NEW)]);
    const listed = new Set(segKeys);
    const leftover = (lo: number, hi: number) => T.meta.bulkPut([{ k: META_LO, v: lo }, { k: META_HI, v: hi }]);
    await T.meta.delete(META_NEW);
    if (mark?.v !== plan.target || listed.has(plan.target) || !plan.pick.every((x) => listed.has(x))) {
      // The segments changed under this compaction (another store did it without the lock): its rows go.
      await leftover(plan.target, plan.target);
      return false;
    }
    await Promise.all([
      T.segs.bulkDelete(plan.pick),
      plan.docs.length ? T.segs.put(segmentRowOf(plan.target, plan.docs)) : null,
      plan.gone.length ? T.dead.bulkDelete(plan.gone) : null,
      leftover(plan.lo, plan.hi),
      // Segment numbers no longer only grow: caches keyed by the epoch start over.
      T.meta.put({ k: 'epoch', v: newEpoch() }),
    ]);
    return true;
  });
  await sweep(T, tx, rowsTx);
  return published;
}

/** Picks the segments (see pickCompaction), notes the merged segment's number in `meta`; null when nothing is due. */
async function planCompaction(T: Tables, p: CompactPolicy): Promise<CompactPlan | null> {
  const [segs, deadKeys] = await Promise.all([T.segs.toArray(), T.dead.toCollection().primaryKeys()]);
  const dead = new Set(deadKeys);
  const liveOf = (seg: SegmentRow) => {
    let n = 0;
    for (const q of seg.seqs) if (!dead.has(q)) n++;
    return n;
  };
  const pick = pickCompaction(
    segs.map((seg) => ({ s: seg.s, live: liveOf(seg) })),
    p,
  );
  if (!pick) return null;
  const chosen = new Set(pick);
  // Picked segments are adjacent in number: the rows numbered lo … hi of a bucket are exactly theirs.
  const lo = pick[0]!;
  const hi = pick[pick.length - 1]!;
  // New segments get whole numbers above every number in use, so the floor of any number is taken: stay below floor(hi) + 1.
  const next = Math.min(...segs.map((x) => x.s).filter((x) => x > hi), Math.floor(hi) + 1);
  const target = (hi + next) / 2;
  if (!(target > hi && target < next)) return null; // numbers this close (never seen): leave the segments as they are
  const docs: DocColumns[] = [];
  const gone: number[] = [];
  for (const seg of segs) {
    if (!chosen.has(seg.s)) continue;
    seg.seqs.forEach((seq, i) => {
      if (dead.has(seq)) gone.push(seq);
      else docs.push(columnsAt(seg, i));
    });
  }
  docs.sort((a, b) => a.seq - b.seq);
  await T.meta.put({ k: META_NEW, v: target });
  return { pick, lo, hi, target, docs, gone, dead };
}

/** The rows numbered [lo, hi] of a bucket, in both tables. */
function span<R>(t: Table<R, [string, number]>, b: number, lo: number, hi: number) {
  return t.where('[b+s]').between([b, lo] as never, [b, hi] as never, true, true);
}

/** Writes the merged segment's rows for these buckets: the picked segments' postings of live documents. */
async function mergeRows(T: Tables, plan: CompactPlan, bs: number[]): Promise<void> {
  const [heads, poss] = await Promise.all([
    Promise.all(bs.map((b) => span(T.postings, b, plan.lo, plan.hi).toArray())),
    Promise.all(bs.map((b) => span(T.positions, b, plan.lo, plan.hi).toArray())),
  ]);
  const chosen = new Set(plan.pick);
  const outHeads: PostingRow[] = [];
  const outPos: PositionRow[] = [];
  bs.forEach((b, k) => {
    const posOf = new Map(poss[k]!.map((r) => [r.s, r]));
    const lists = new Map<string, Posting[]>();
    for (const row of heads[k]!) {
      if (!chosen.has(row.s)) continue;
      const pr = posOf.get(row.s);
      if (!pr || pr.offs.length !== row.offs.length) throw new Error(`index: positions row ${b}/${row.s} is missing or misaligned`);
      row.terms.forEach((term, i) => {
        const r = PostingReader.split(row.blob.subarray(row.offs[i]!, row.offs[i + 1]!), pr.blob.subarray(pr.offs[i]!, pr.offs[i + 1]!));
        let list = lists.get(term);
        while (r.next()) {
          if (plan.dead.has(r.seq)) continue;
          if (!list) lists.set(term, (list = []));
          list.push({ seq: r.seq, count: r.count, titleCount: r.titleCount, positions: r.positions() });
        }
      });
    }
    if (!lists.size) return;
    // Segments adjacent in number hold ascending seq ranges, so the lists are in order; checked, not assumed.
    for (const list of lists.values()) {
      for (let i = 1; i < list.length; i++) {
        if (list[i]!.seq <= list[i - 1]!.seq) {
          list.sort((x, y) => x.seq - y.seq);
          break;
        }
      }
    }
    const { head, pos } = encodeSplitDict(lists);
    outHeads.push({ b, s: plan.target, ...head });
    outPos.push({ b, s: plan.target, ...pos });
  });
  await Promise.all([T.postings.bulkPut(outHeads), T.positions.bulkPut(outPos)]);
}

/** Deletes rows no segment lists: the picked segments' after a compaction, or an unfinished merged segment's. */
async function sweep(T: Tables, tx: WriteTx, rowsTx: WriteTx): Promise<void> {
  const range = await tx(async () => {
    const [lo, hi, unfinished] = await Promise.all([T.meta.get(META_LO), T.meta.get(META_HI), T.meta.get(META_NEW)]);
    if (lo && hi) return [lo.v, hi.v] as const;
    if (!unfinished) return null;
    // A compaction stopped before listing its segment (only one runs at a time, so it is not running).
    await T.meta.delete(META_NEW);
    if (await T.segs.get(unfinished.v)) return null;
    await T.meta.bulkPut([{ k: META_LO, v: unfinished.v }, { k: META_HI, v: unfinished.v }]);
    return [unfinished.v, unfinished.v] as const;
  });
  if (!range) return;
  const [lo, hi] = range;
  for (const bs of bucketChunks()) await rowsTx(() => Promise.all(bs.flatMap((b) => [span(T.postings, b, lo, hi).delete(), span(T.positions, b, lo, hi).delete()])));
  await tx(() => T.meta.bulkDelete([META_LO, META_HI]));
}

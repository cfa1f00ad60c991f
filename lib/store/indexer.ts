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
// title tf, positions; varint bytes) are grouped into rows by a hash of the term (at most
// BUCKETS rows; fewer for a small segment, see codec.ts rowsFor), so a query reads a key range per
// term and row level and does the rest in memory (since v3 each row is a
// head row and a positions row, so a one- or two-character term reads no positions). Same 2,000 clips:
// 14 KiB per clip, single save p95 5 ms. Single saves would make one-document segments, so a
// new document first goes to `pending` (its whole posting map in one row: one put per save);
// when MERGE_AT documents wait they are merged into a segment. Positions make multi-character
// terms and phrases exact from the index alone (默认 never matches 默想).
import { BUCKETS, bucketOf, decodePostings, encodeDocDict, encodeSplitDict, firstStoredPosting, PostingReader, ROW_LEVELS, rowNumbers, rowOf, rowsFor, type AnyPosting, type Posting, type StoredPosting } from './codec';
import { newEpoch, type PendingRow, type PositionRow, type PostingRow, type SegmentRow, type StoredClip, type Tables } from './db';
import { docTerms, type DocTerms } from './tokens';
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

/** A clip's columns but its seq and id, from its text's length and where its title ends. */
function columnsOf(clip: StoredClip, len: number, titleEnd: number) {
  return { len, titleEnd, saved: clip.savedAt, date: dateNum(clip.date), kind: KIND_CODES[clip.kind] ?? 0, paper: clip.paper ?? '' };
}

/** Clip → its index document (pure); `known` = docTerms(clip), when already computed. */
export function docIndexOf(clip: StoredClip, known?: DocTerms): DocIndex {
  const { terms, offs, positions: all, titleEnd, length } = known ?? docTerms(clip);
  const postings = new Map<string, Posting>();
  terms.forEach((term, i) => {
    const positions = all.subarray(offs[i]!, offs[i + 1]!);
    let titleCount = 0;
    for (let k = 0; k < positions.length && positions[k]! < titleEnd; k++) titleCount++;
    postings.set(term, { seq: clip.seq, count: positions.length, titleCount, positions });
  });
  return { seq: clip.seq, id: clip.id, postings, ...columnsOf(clip, length, titleEnd) };
}

/** A document's pending row: all its terms' postings, encoded, in one row (straight from its terms: a save's hot path). */
export function pendingRowOf(clip: StoredClip, known?: DocTerms): PendingRow {
  const d = known ?? docTerms(clip);
  return { q: clip.seq, id: clip.id, ...encodeDocDict(clip.seq, d, d.titleEnd), ...columnsOf(clip, d.length, d.titleEnd) };
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

/** The segment row of these documents (ascending seq), its postings spread over nb rows. */
function segmentRowOf(s: number, docs: DocColumns[], nb: number): SegmentRow {
  const papers: string[] = [];
  const paperAt = new Map<string, number>();
  return {
    ...(nb < BUCKETS ? { nb } : {}),
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
/** meta: how many rows per table that segment has (absent in notes written before row levels: any). */
const META_NEW_ROWS = 'compact.rows';
/** meta: rows numbered in [sweep.lo, sweep.hi] belong to no segment any more and are being deleted. */
const META_LO = 'sweep.lo';
const META_HI = 'sweep.hi';
/** meta: the row levels (codec.ts ROW_LEVELS, OR-ed; they are distinct powers of two) of those rows (absent: every level). */
const META_LEVELS = 'sweep.levels';
/** The META_LEVELS value of these row levels. */
const levelMask = (levels: readonly number[]) => levels.reduce((m, nb) => m | nb, 0);
const ALL_LEVELS = levelMask(ROW_LEVELS);

/** Notes segments numbered [lo, hi], of these row levels, as rows to delete (the next sweep does); returns the mask noted. */
async function noteSweep(T: Tables, lo: number, hi: number, levels: readonly number[]): Promise<number> {
  const mask = levelMask(levels);
  await T.meta.bulkPut([
    { k: META_LO, v: lo },
    { k: META_HI, v: hi },
    { k: META_LEVELS, v: mask },
  ]);
  return mask;
}

/** row number → term → postings. */
type BucketLists = Map<number, Map<string, AnyPosting[]>>;

/** The rows per table of a segment (see codec.ts rowsFor). */
export const rowsOfSegment = (seg: Pick<SegmentRow, 'nb'>): number => seg.nb ?? BUCKETS;

/** Appends p to the list of term (in row b). */
function addPosting(buckets: BucketLists, b: number, term: string, p: AnyPosting): void {
  let lists = buckets.get(b);
  if (!lists) buckets.set(b, (lists = new Map()));
  const list = lists.get(term);
  if (list) list.push(p);
  else lists.set(term, [p]);
}

/** row → term → postings of these documents in a segment of nb rows (ascending seq within each list when docs are). */
function bucketLists(docs: DocIndex[], nb: number): BucketLists {
  const buckets: BucketLists = new Map();
  for (const d of docs) for (const [term, p] of d.postings) addPosting(buckets, rowOf(bucketOf(term), nb), term, p);
  return buckets;
}

/** Encoded head and positions rows of segment s, written together. */
class RowBatch {
  readonly heads: PostingRow[] = [];
  readonly positions: PositionRow[] = [];
  constructor(readonly s: number) {}
  /** Encodes the lists of row number b. */
  add(b: number, lists: Map<string, readonly AnyPosting[]>): void {
    const { head, pos } = encodeSplitDict(lists);
    this.heads.push({ b, s: this.s, ...head });
    this.positions.push({ b, s: this.s, ...pos });
  }
  get size(): number {
    return this.heads.length;
  }
  /** Writes the rows (in the caller's transaction). */
  async put(T: Tables): Promise<void> {
    if (this.size) await Promise.all([T.postings.bulkPut(this.heads), T.positions.bulkPut(this.positions)]);
  }
}

/** Encodes these rows' lists as segment s's head and positions rows and writes them. */
async function writeRows(T: Tables, s: number, buckets: Iterable<[number, Map<string, AnyPosting[]>]>): Promise<void> {
  const batch = new RowBatch(s);
  for (const [b, lists] of buckets) batch.add(b, lists);
  await batch.put(T);
}

/** Writes a segment holding these documents (any order) and returns its number, all in the caller's transaction. */
async function writeSegment(T: Tables, docs: DocIndex[]): Promise<number> {
  docs.sort((a, b) => a.seq - b.seq);
  const s = await nextCounter(T, 'segment');
  const nb = rowsFor(docs.length);
  await Promise.all([writeRows(T, s, bucketLists(docs, nb)), T.segs.put(segmentRowOf(s, docs, nb))]);
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
export async function indexClips(T: Tables, clips: StoredClip[], pendingCount?: number, known?: Map<StoredClip, DocTerms>): Promise<boolean> {
  if (clips.length === 0) return false;
  if (clips.length < MERGE_AT) {
    const waiting = pendingCount ?? (await T.pending.count());
    await T.pending.bulkPut(clips.map((c) => pendingRowOf(c, known?.get(c))));
    return waiting + clips.length >= MERGE_AT;
  }
  // Turned into postings one segment (at most SEGMENT_MAX documents) at a time, so a large import stays bounded in memory.
  for (let i = 0; i < clips.length; i += SEGMENT_MAX) await writeSegment(T, clips.slice(i, i + SEGMENT_MAX).map((c) => docIndexOf(c, known?.get(c))));
  return true;
}

/** Rows (per table) a pending merge writes per transaction: 4 transactions for a 64-document merge. */
const MERGE_CHUNK = 16;
/**
 * Pending rows a merge reads per transaction (see mergePending): 16, or more in a backlog, so that
 * it reads in at most MERGE_READS transactions. Under constant use each maintenance transaction
 * may wait up to MAX_DEFER_MS (250 ms) for the page to pause: 16 rows at a time, a backlog of
 * 2,000 pending documents would take 125 reads, up to half a minute of waiting.
 */
const MERGE_READ = 16;
const MERGE_READS = 4;

/**
 * Longest stretch of index maintenance's JavaScript between two chances for the page's own work
 * (a save, a keystroke) to run: encoding a 64-document merge's rows takes ~300 ms of the thread
 * here, and a save arriving meanwhile waited for all of a chunk of it (single saves of 50–180 ms).
 */
export const SLICE_MS = 4;

/** Lets the page's own work run (see SLICE_MS); the store passes one that also waits for its saves and searches to finish. */
export type Pause = () => Promise<void>;
const yieldTask: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A check to call often during long work: pauses once SLICE_MS have passed since the last pause (or `restart`). */
function slicer(pause: Pause) {
  let slice = performance.now();
  return {
    async breathe() {
      if (performance.now() - slice < SLICE_MS) return;
      await pause();
      slice = performance.now();
    },
    restart() {
      slice = performance.now();
    },
  };
}

/** The columns of a pending document. */
const pendingColumns = (r: PendingRow): DocColumns => ({ seq: r.q, id: r.id, len: r.len, titleEnd: r.titleEnd, saved: r.saved, date: r.date, kind: r.kind, paper: r.paper });

/**
 * Merges the pending documents (at most SEGMENT_MAX) into a new segment once MERGE_AT or more are
 * waiting, written the way a compaction writes. One short transaction picks the pending documents
 * (their keys) and notes the new segment's number in `meta`; their rows are read MERGE_READ at a
 * time, each read a short transaction too. The segment's rows are then encoded one at a time (the
 * positions bytes copied as stored), pausing every SLICE_MS (`pause`), and written MERGE_CHUNK rows
 * at a time, each chunk in its own transaction over the row tables only (`rowsTx`; the store starts each one only when none of its own saves or
 * searches is in flight): saves, which write clips and `pending`, go on meanwhile, and neither a
 * save nor a search waits for more than one short chunk (a search ignores rows of an unlisted
 * segment). One short transaction then lists the segment and drops the merged pending rows. A
 * document retired meanwhile (an edit or a purge deleted its pending row) is marked dead in the
 * new segment. Interrupted (tab closed), it leaves only rows no segment lists, deleted by the next
 * sweep. One merge or compaction at a time (the caller holds store.ts's Web Lock). Returns true
 * when it merged.
 */
export async function mergePending(T: Tables, tx: WriteTx, rowsTx: WriteTx = tx, pause: Pause = yieldTask): Promise<boolean> {
  await sweep(T, tx, rowsTx);
  const plan = await tx(async () => {
    if ((await T.pending.count()) < MERGE_AT) return null;
    const keys = (await T.pending.limit(SEGMENT_MAX).primaryKeys()) as number[];
    const deadRows = await T.dead.bulkGet(keys);
    const dead = deadRows.filter((r) => r !== undefined).map((r) => r.q);
    const nb = rowsFor(keys.length - dead.length);
    const s = await nextCounter(T, 'segment');
    await T.meta.bulkPut([
      { k: META_NEW, v: s },
      { k: META_NEW_ROWS, v: nb },
    ]);
    return { s, nb, keys, dead };
  });
  if (!plan) return false;
  const { s, nb } = plan;
  const dead = new Set(plan.dead);
  // The rows themselves are read MERGE_READ at a time (more in a backlog), each read a short
  // transaction of its own: 64 pending rows are ~1 MB and ~70,000 strings, and read in the first
  // transaction they held the saves back for 30–140 ms. A row deleted before it is read (its clip
  // edited or purged: a retired pending document loses its row) is not merged; one deleted later
  // is marked dead below.
  const pending: PendingRow[] = [];
  const per = Math.max(MERGE_READ, Math.ceil(plan.keys.length / MERGE_READS));
  for (let i = 0; i < plan.keys.length; i += per) {
    const chunk = plan.keys.slice(i, i + per);
    for (const r of await tx(() => T.pending.bulkGet(chunk))) if (r) pending.push(r);
  }
  // Ascending seq, so every term's list comes out in order.
  const rows = pending.filter((p) => !dead.has(p.q)).sort((a, b) => a.q - b.q);
  const { breathe, restart } = slicer(pause);
  // The terms of each row of the new segment: (document, term) pairs, documents in seq order.
  const members: number[][] = Array.from({ length: nb }, () => []);
  for (let k = 0; k < rows.length; k++) {
    const terms = rows[k]!.terms;
    for (let i = 0; i < terms.length; i++) members[bucketOf(terms[i]!) & (nb - 1)]!.push(k, i);
    await breathe();
  }
  let batch = new RowBatch(s);
  const flush = async () => {
    const full = batch;
    batch = new RowBatch(s);
    if (full.size) await rowsTx(async () => await full.put(T));
    restart();
  };
  for (let at = 0; at < nb; at++) {
    const pairs = members[at]!;
    if (pairs.length === 0) continue;
    const lists = new Map<string, StoredPosting[]>();
    for (let j = 0; j < pairs.length; j += 2) {
      const r = rows[pairs[j]!]!;
      const i = pairs[j + 1]!;
      const p = firstStoredPosting(r.blob.subarray(r.offs[i]!, r.offs[i + 1]!));
      if (!p) continue;
      const term = r.terms[i]!;
      const list = lists.get(term);
      if (list) list.push(p);
      else lists.set(term, [p]);
    }
    batch.add(rowOf(at, nb), lists);
    if (batch.size >= MERGE_CHUNK) await flush();
    await breathe();
  }
  await flush();
  const docs = rows.map(pendingColumns);
  const published = await tx(async () => {
    const merged = pending.map((p) => p.q);
    // Which merged documents still have their pending row: keys only (reading the rows back
    // deserialized ~1 MB, a third of a 64-document merge's time). The merged rows are the first
    // pending ones by seq, and documents pending since have higher seqs.
    const [mark, stillKeys, lastListed] = await Promise.all([
      T.meta.get(META_NEW),
      merged.length ? T.pending.where(':id').between(Math.min(...merged), Math.max(...merged), true, true).primaryKeys() : [],
      T.segs.toCollection().lastKey(),
    ]);
    const still = new Set(stillKeys);
    await T.meta.bulkDelete([META_NEW, META_NEW_ROWS]);
    if (mark?.v !== s) {
      // Someone else's merge or compaction (without the lock) took over: this merge's rows go.
      await noteSweep(T, s, s, [nb]);
      return false;
    }
    const retired = merged.filter((q) => !still.has(q) && !dead.has(q));
    await Promise.all([
      T.pending.bulkDelete(merged),
      // Dead pending documents (never expected: a retired pending document loses its row instead) are gone for good.
      dead.size ? T.dead.bulkDelete([...dead]) : null,
      retired.length ? T.dead.bulkPut(retired.map((q) => ({ q }))) : null,
      docs.length ? T.segs.put(segmentRowOf(s, docs, nb)) : null,
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

/**
 * A compaction reads, merges and writes its rows in at most this many transactions (fewer when
 * its segments have fewer rows), each over a share of the term buckets: a 4,096-document one
 * writes 128 rows per table a transaction (~0.1 ms of the page's thread per put); its JavaScript
 * runs between them, in slices. Each maintenance transaction may wait up to MAX_DEFER_MS for the
 * page's saves and searches to pause, so under constant use the number of transactions bounds how
 * fast maintenance moves: with 256 shares (and sweeps of 16 row numbers a transaction) it fell
 * behind saves and searches made back to back, and the bench's compaction of 10k clips ran for
 * 20 minutes without ending.
 */
const COMPACT_CHUNKS = 32;

/** Row numbers deleted per transaction by a sweep (one range delete per number and table). */
const SWEEP_CHUNK = 64;

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
  /** Its rows per table, and the picked segments' (in pick order). */
  nb: number;
  rowsOf: number[];
  docs: DocColumns[];
  gone: number[];
  dead: Set<number>;
}

/**
 * Runs one compaction if one is due (see CompactPolicy). The merged segment's rows are written
 * under a number no segment has, a share of the term buckets per transaction (`rowsTx`: the row tables only, so
 * saves that only write clips and `pending` run meanwhile), while queries and saves go on
 * (a query only uses rows of segments listed in `segs`); one short transaction then lists it and
 * unlists the picked ones (and drops their dead documents from `dead` for good); their rows are
 * deleted afterwards, a few row numbers per transaction. No transaction holds the store for
 * long, though the whole compaction does (all of a 10k archive's: minutes on a slow machine, see
 * lib/store/README.md). The caller makes sure only one
 * compaction runs at a time (store.ts: a Web Lock); one interrupted midway (tab closed) leaves
 * only rows no segment lists, noted in `meta` and deleted before the next one starts.
 * Returns true when it compacted (call again until false).
 */
export async function compactSegments(T: Tables, tx: WriteTx, p: CompactPolicy = COMPACT, rowsTx: WriteTx = tx, pause: Pause = yieldTask): Promise<boolean> {
  await sweep(T, tx, rowsTx);
  const plan = await tx(async () => await planCompaction(T, p));
  if (!plan) return false;
  // Term bucket b is in row b mod nb of a segment of nb rows. With m the fewest rows among the
  // picked segments and the merged one, the rows of a class g (b mod m = g) of every segment hold
  // exactly the terms of that class: classes are merged a share at a time, and each row is read once.
  const m = Math.min(plan.nb, ...plan.rowsOf);
  const step = Math.max(1, m / COMPACT_CHUNKS);
  const slices = slicer(pause);
  // Each row-table transaction writes the share merged last and reads the next one: one
  // transaction per share (each waits for the page's saves and searches to pause, up to 250 ms).
  let merged: RowBatch | null = null;
  if (plan.docs.length) {
    for (let g0 = 0; g0 < m; g0 += step) {
      const keys = plan.pick.flatMap((s, k) => classRows(plan.rowsOf[k]!, m, g0, g0 + step).map((i) => [rowOf(i, plan.rowsOf[k]!), s] as unknown as [string, number]));
      const out: RowBatch | null = merged;
      const [heads, poss] = await rowsTx(async () => {
        const [read] = await Promise.all([Promise.all([T.postings.bulkGet(keys), T.positions.bulkGet(keys)]), out?.put(T)]);
        return read;
      });
      merged = await mergeRows(plan, slices, heads, poss);
    }
    const last: RowBatch | null = merged;
    if (last?.size) await rowsTx(async () => await last.put(T));
    slices.restart();
  }
  const published = await tx(async () => {
    const [segKeys, mark] = await Promise.all([T.segs.toCollection().primaryKeys(), T.meta.get(META_NEW)]);
    const listed = new Set(segKeys);
    await T.meta.bulkDelete([META_NEW, META_NEW_ROWS]);
    if (mark?.v !== plan.target || listed.has(plan.target) || !plan.pick.every((x) => listed.has(x))) {
      // The segments changed under this compaction (another store did it without the lock): its rows go.
      await noteSweep(T, plan.target, plan.target, [plan.nb]);
      return false;
    }
    await Promise.all([
      T.segs.bulkDelete(plan.pick),
      plan.docs.length ? T.segs.put(segmentRowOf(plan.target, plan.docs, plan.nb)) : null,
      plan.gone.length ? T.dead.bulkDelete(plan.gone) : null,
      noteSweep(T, plan.lo, plan.hi, plan.rowsOf),
      // Segment numbers no longer only grow: caches keyed by the epoch start over.
      T.meta.put({ k: 'epoch', v: newEpoch() }),
    ]);
    return true;
  });
  await sweep(T, tx, rowsTx);
  return published;
}

/** What planning a compaction needs of a listed segment. */
type SegmentSummary = Pick<SegmentRow, 's' | 'seqs' | 'nb'>;

/**
 * Per database connection: the listed segments' summaries, by number, and the `epoch` they were
 * read under. A listed segment's row never changes (merges and bulk saves list new numbers; a
 * compaction lists a new one, deletes the ones it merged and changes the epoch), so each is read
 * once. Every merge checks whether a compaction is due, and reading every segment row for that
 * (their ids included) took 63–140 ms at 100k clips, in a transaction the next save waited for.
 */
const summaries = new WeakMap<Tables, { epoch: unknown; segs: Map<number, SegmentSummary> }>();

/** The listed segments' summaries in number order (in the caller's transaction). */
async function listedSegments(T: Tables): Promise<SegmentSummary[]> {
  const [keys, epoch] = await Promise.all([T.segs.toCollection().primaryKeys(), T.meta.get('epoch')]);
  if (!epoch) return T.segs.toArray(); // a database without an epoch (never written by this version): read as it is
  let known = summaries.get(T);
  if (!known || known.epoch !== epoch.v) summaries.set(T, (known = { epoch: epoch.v, segs: new Map() }));
  const cache = known.segs;
  const missing = keys.filter((k) => !cache.has(k));
  if (missing.length) for (const r of await T.segs.bulkGet(missing)) if (r) cache.set(r.s, { s: r.s, seqs: r.seqs, ...(r.nb === undefined ? {} : { nb: r.nb }) });
  const listed = new Set(keys);
  for (const k of cache.keys()) if (!listed.has(k)) cache.delete(k);
  return keys.map((k) => cache.get(k)).filter((x): x is SegmentSummary => x !== undefined);
}

/** Picks the segments (see pickCompaction), notes the merged segment's number in `meta`; null when nothing is due. */
async function planCompaction(T: Tables, p: CompactPolicy): Promise<CompactPlan | null> {
  const [segs, deadKeys] = await Promise.all([listedSegments(T), T.dead.toCollection().primaryKeys()]);
  const dead = new Set(deadKeys);
  const liveOf = (seg: SegmentSummary) => {
    if (dead.size === 0) return seg.seqs.length;
    let n = 0;
    for (const q of seg.seqs) if (!dead.has(q)) n++;
    return n;
  };
  const pick = pickCompaction(
    segs.map((seg) => ({ s: seg.s, live: liveOf(seg) })),
    p,
  );
  if (!pick) return null;
  // Picked segments are adjacent in number: the rows of segments numbered lo … hi are exactly theirs.
  const lo = pick[0]!;
  const hi = pick[pick.length - 1]!;
  // New segments get whole numbers above every number in use, so the floor of any number is taken: stay below floor(hi) + 1.
  const next = Math.min(...segs.map((x) => x.s).filter((x) => x > hi), Math.floor(hi) + 1);
  const target = (hi + next) / 2;
  if (!(target > hi && target < next)) return null; // numbers this close (never seen): leave the segments as they are
  const docs: DocColumns[] = [];
  const gone: number[] = [];
  // The picked segments' whole rows (their documents' columns go into the merged segment).
  for (const seg of await T.segs.bulkGet(pick)) {
    if (!seg) throw new Error(`index: segment listed for compaction is missing`);
    seg.seqs.forEach((seq, i) => {
      if (dead.has(seq)) gone.push(seq);
      else docs.push(columnsAt(seg, i));
    });
  }
  docs.sort((a, b) => a.seq - b.seq);
  const nb = rowsFor(docs.length);
  const rowsOf = pick.map((x) => rowsOfSegment(segs.find((seg) => seg.s === x)!));
  await T.meta.bulkPut([
    { k: META_NEW, v: target },
    { k: META_NEW_ROWS, v: nb },
  ]);
  return { pick, lo, hi, target, nb, rowsOf, docs, gone, dead };
}

/** The rows numbered [lo, hi] of a row number, in both tables. */
function span<R>(t: Table<R, [string, number]>, b: number, lo: number, hi: number) {
  return t.where('[b+s]').between([b, lo] as never, [b, hi] as never, true, true);
}

/** The row indexes (0 … nb − 1) of a segment of nb rows that hold the term buckets of classes [g0, g1) mod m (m divides nb). */
function classRows(nb: number, m: number, g0: number, g1: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < nb; k += m) for (let g = g0; g < g1; g++) out.push(k + g);
  return out;
}

/**
 * The merged segment's rows for one share of the term buckets, from the picked segments' rows of
 * that share (`heads` and `poss` aligned, in pick order, so seq order): their postings of live
 * documents. Decoding and encoding pause every SLICE_MS; the picked segments do not change
 * meanwhile (one compaction at a time, and nothing else writes a listed segment's rows).
 */
async function mergeRows(plan: CompactPlan, slices: ReturnType<typeof slicer>, heads: (PostingRow | undefined)[], poss: (PositionRow | undefined)[]): Promise<RowBatch> {
  slices.restart();
  const lists: BucketLists = new Map();
  for (let k = 0; k < heads.length; k++) {
    const row = heads[k];
    if (!row) continue;
    const pr = poss[k];
    if (!pr || pr.offs.length !== row.offs.length) throw new Error(`index: positions row ${row.b}/${row.s} is missing or misaligned`);
    row.terms.forEach((term, i) => {
      const r = PostingReader.split(row.blob.subarray(row.offs[i]!, row.offs[i + 1]!), pr.blob.subarray(pr.offs[i]!, pr.offs[i + 1]!));
      const b = rowOf(bucketOf(term), plan.nb);
      while (r.next()) {
        if (plan.dead.has(r.seq)) continue;
        addPosting(lists, b, term, r.stored());
      }
    });
    await slices.breathe();
  }
  // Segments adjacent in number hold ascending seq ranges, so the lists are in order; checked, not assumed.
  for (const terms of lists.values()) {
    for (const list of terms.values()) {
      for (let i = 1; i < list.length; i++) {
        if (list[i]!.seq <= list[i - 1]!.seq) {
          list.sort((x, y) => x.seq - y.seq);
          break;
        }
      }
    }
  }
  const out = new RowBatch(plan.target);
  for (const [b, terms] of [...lists].sort((x, y) => x[0] - y[0])) {
    out.add(b, terms);
    await slices.breathe();
  }
  return out;
}

/** Deletes rows no segment lists: the picked segments' after a compaction, or an unfinished merged segment's. */
async function sweep(T: Tables, tx: WriteTx, rowsTx: WriteTx): Promise<void> {
  const range = await tx(async () => {
    const [lo, hi, levels, unfinished, unfinishedRows] = await T.meta.bulkGet([META_LO, META_HI, META_LEVELS, META_NEW, META_NEW_ROWS]);
    if (lo && hi) return [lo.v, hi.v, levels?.v ?? ALL_LEVELS] as const;
    if (!unfinished) return null;
    // A compaction stopped before listing its segment (only one runs at a time, so it is not running).
    await T.meta.bulkDelete([META_NEW, META_NEW_ROWS]);
    if (await T.segs.get(unfinished.v)) return null;
    const mask = await noteSweep(T, unfinished.v, unfinished.v, unfinishedRows ? [unfinishedRows.v] : ROW_LEVELS);
    return [unfinished.v, unfinished.v, mask] as const;
  });
  if (!range) return;
  const [lo, hi, levels] = range;
  const numbers = ROW_LEVELS.filter((nb) => levels & nb).flatMap(rowNumbers);
  for (let i = 0; i < numbers.length; i += SWEEP_CHUNK) {
    const bs = numbers.slice(i, i + SWEEP_CHUNK);
    await rowsTx(() => Promise.all(bs.flatMap((b) => [span(T.postings, b, lo, hi).delete(), span(T.positions, b, lo, hi).delete()])));
  }
  await tx(() => T.meta.bulkDelete([META_LO, META_HI, META_LEVELS]));
}

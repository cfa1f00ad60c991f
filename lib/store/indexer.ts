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
import { bucketOf, decodePostings, encodeDict, encodeSplitDict, type Posting } from './codec';
import type { PendingRow, PositionRow, PostingRow, SegmentRow, StoredClip, Tables } from './db';
import { docTerms } from './tokens';
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

/** A clip's document: its postings and the columns a query needs. */
interface DocIndex {
  seq: number;
  postings: Map<string, Posting>;
  len: number;
  titleEnd: number;
  saved: number;
  date: number;
  kind: number;
  paper: string;
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
  return { q: d.seq, ...encodeDict(lists), len: d.len, titleEnd: d.titleEnd, saved: d.saved, date: d.date, kind: d.kind, paper: d.paper };
}

/** Pending row → index document (for merging). */
export function docIndexOfPending(r: PendingRow): DocIndex {
  const postings = new Map<string, Posting>();
  r.terms.forEach((t, i) => {
    const p = decodePostings(r.blob.subarray(r.offs[i]!, r.offs[i + 1]!))[0];
    if (p) postings.set(t, p);
  });
  return { seq: r.q, postings, len: r.len, titleEnd: r.titleEnd, saved: r.saved, date: r.date, kind: r.kind, paper: r.paper };
}

/** Next value of a counter kept in `meta`. */
export async function nextCounter(T: Tables, name: string, n = 1): Promise<number> {
  const row = await T.meta.get(name);
  const first = (row?.v ?? 0) + 1;
  await T.meta.put({ k: name, v: first + n - 1 });
  return first;
}

/** Writes a segment holding these documents (any order) and returns its number. */
async function writeSegment(T: Tables, docs: DocIndex[]): Promise<number> {
  docs.sort((a, b) => a.seq - b.seq);
  const s = await nextCounter(T, 'segment');
  // bucket → term → postings, each bucket becomes one row.
  const buckets = new Map<number, Map<string, Posting[]>>();
  for (const d of docs) {
    for (const [term, p] of d.postings) {
      const b = bucketOf(term);
      let lists = buckets.get(b);
      if (!lists) buckets.set(b, (lists = new Map()));
      const list = lists.get(term);
      if (list) list.push(p);
      else lists.set(term, [p]);
    }
  }
  const heads: PostingRow[] = [];
  const positions: PositionRow[] = [];
  for (const [b, lists] of buckets) {
    const { head, pos } = encodeSplitDict(lists);
    heads.push({ b, s, ...head });
    positions.push({ b, s, ...pos });
  }
  const papers: string[] = [];
  const paperAt = new Map<string, number>();
  const seg: SegmentRow = {
    s,
    seqs: Uint32Array.from(docs, (d) => d.seq),
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
  await Promise.all([T.postings.bulkPut(heads), T.positions.bulkPut(positions), T.segs.put(seg)]);
  return s;
}

/**
 * Indexes these clips (each already carrying its new seq). Small batches go to `pending`; once
 * MERGE_AT documents would be pending they are all merged into a new segment — right here for a
 * bulk batch, or, with `deferMerge`, left to mergePending in a later transaction so a single
 * save never waits for a merge. Returns true when such a merge is due.
 */
export async function indexClips(T: Tables, clips: StoredClip[], pendingCount?: number, opts: { deferMerge?: boolean } = {}): Promise<boolean> {
  if (clips.length === 0) return false;
  const waiting = pendingCount ?? (await T.pending.count());
  const total = waiting + clips.length;
  if (total < MERGE_AT || (opts.deferMerge && clips.length < MERGE_AT)) {
    await T.pending.bulkPut(clips.map((c) => pendingRowOf(docIndexOf(c))));
    return total >= MERGE_AT;
  }
  await mergeWith(T, clips);
  return false;
}

/** Merges the pending documents into a segment when MERGE_AT or more are waiting. */
export async function mergePending(T: Tables): Promise<void> {
  if ((await T.pending.count()) >= MERGE_AT) await mergeWith(T, []);
}

/** Writes the pending documents and these clips as new segment(s) and empties `pending`. */
async function mergeWith(T: Tables, clips: StoredClip[]): Promise<void> {
  const pending = await T.pending.toArray();
  const deadRows = await T.dead.bulkGet(pending.map((p) => p.q));
  const dead = new Set(deadRows.filter((r) => r !== undefined).map((r) => r.q));
  let carried = pending.filter((p) => !dead.has(p.q)).map(docIndexOfPending);
  await T.pending.clear();
  // Dead pending documents are gone for good once merged away.
  if (dead.size) await T.dead.bulkDelete([...dead]);
  // Documents are turned into postings one segment at a time, so a large import stays bounded in memory.
  for (let i = 0; i < clips.length || carried.length; ) {
    const take = clips.slice(i, i + Math.max(1, SEGMENT_MAX - carried.length));
    i += take.length;
    await writeSegment(T, [...carried, ...take.map(docIndexOf)]);
    carried = [];
  }
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

// Index consistency check: takes the tables and a way to open read transactions, gives the list of
// problems found by recomputing every clip's index document and comparing it with the stored index.
//
// Memory stays bounded whatever the number of clips: nothing ever holds all clips or all posting
// rows. Three passes, each in short read transactions (a save waits at most one chunk's read):
//   1. the segment columns (one segment row at a time) → a sorted Uint32Array of the documents
//      segments hold (4 bytes per indexed document), plus the pending and dead document numbers (small sets);
//   2. segment by segment: that segment's head and positions rows (still encoded: ~14 KiB per document, at
//      most SEGMENT_MAX documents), then its clips `chunkSize` at a time (a seq range read); the
//      expected postings of one chunk are computed, compared with the rows, and dropped;
//   3. every clip `chunkSize` at a time by primary key: the per-clip checks (live flag, dead,
//      dedupe keys, indexed somewhere) and, for a pending document, its pending row.
// Concurrent writes: the passes run in separate transactions, so a save, merge or purge landing
// between two chunks can make the passes disagree (e.g. a document merged from pending into a
// new segment after pass 1). Every index write moves one of the counters in `stampOf` (seq and
// segment counters, the epoch a compaction renews, clip / pending / dead row counts); when problems were found and the stamp
// moved during the check, the whole check runs again (up to RETRIES times), so reported problems
// come from a run no write overlapped — or, if writes never stop, the last run's, with a note.
import { bucketOf, PostingReader, rowNumbers, rowOf, type Posting } from './codec';
import { keptCountRows, type PendingRow, type PositionRow, type PostingRow, type StoredClip, type Tables } from './db';
import { columnsAt, docIndexOf, docIndexOfPending, rowsOfSegment } from './indexer';
import { clipKeysOf } from './key';

export interface CheckOptions {
  /** Clips read (and documents recomputed) per read transaction. */
  chunkSize?: number;
  /** Called after every read with the table and the number of rows it returned (tests, benchmarks). */
  onRead?: (table: 'clips' | 'postings' | 'segs' | 'pending' | 'dead', rows: number) => void;
}

export interface CheckReport {
  ok: boolean;
  problems: string[];
}

/** Opens one read transaction over the store's tables and runs fn in it. */
export type ReadTx = <R>(fn: () => Promise<R>) => Promise<R>;

export const CHECK_CHUNK = 256;
const MAX_PROBLEMS = 50;
const RETRIES = 3;
/** Posting rows requested per bulkGet (a segment has at most BUCKETS rows per table). */
const ROW_BATCH = 1024;

type Columns = { id: string; len: number; titleEnd: number; saved: number; date: number; kind: number; paper: string };
const COLUMN_NAMES = ['id', 'len', 'titleEnd', 'saved', 'date', 'kind', 'paper'] as const;

/** A value that changes whenever the index or the clip set is written. */
async function stampOf(T: Tables, read: ReadTx): Promise<string> {
  return read(async () => {
    const v = await Promise.all([
      T.meta.get('seq').then((r) => r?.v ?? 0),
      T.meta.get('segment').then((r) => r?.v ?? 0),
      T.meta.get('epoch').then((r) => r?.v ?? 0),
      T.clips.count(),
      keptCountRows(T).then((rows) => rows.map((r) => r?.v).join(':')),
      T.pending.count(),
      T.dead.count(),
    ]);
    return v.join('/');
  });
}

/** Checks the index against the clips, retrying when a concurrent write overlapped a failing run. */
export async function checkIndex(T: Tables, read: ReadTx, options: CheckOptions = {}): Promise<CheckReport> {
  for (let attempt = 1; ; attempt++) {
    const before = await stampOf(T, read);
    const problems = await checkOnce(T, read, options);
    if (problems.length === 0) return { ok: true, problems };
    const moved = (await stampOf(T, read)) !== before;
    if (!moved) return { ok: false, problems };
    if (attempt >= RETRIES) {
      problems.unshift(`the store was written during each of ${RETRIES} checks; these problems may be from a concurrent write`);
      return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
    }
  }
}

/** Same postings (count, title count, positions)? */
function samePosting(a: Posting, b: Posting): boolean {
  if (a.count !== b.count || a.titleCount !== b.titleCount || a.positions.length !== b.positions.length) return false;
  for (let i = 0; i < a.positions.length; i++) if (a.positions[i] !== b.positions[i]) return false;
  return true;
}

/** Index of q in the sorted array (−1 when absent). */
function find(sorted: Uint32Array, q: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === q) return mid;
    if (v < q) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

async function checkOnce(T: Tables, read: ReadTx, options: CheckOptions): Promise<string[]> {
  const chunk = Math.max(1, options.chunkSize ?? CHECK_CHUNK);
  const seen = options.onRead ?? (() => undefined);
  const problems: string[] = [];
  const note = (p: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };

  // Pass 1: which segment holds each document; pending and dead documents.
  const segNums: number[] = [];
  const segSeqs: number[] = [];
  const { pendingKeys, deadKeys } = await read(async () => {
    await T.segs.each((s) => {
      segNums.push(s.s);
      for (const q of s.seqs) segSeqs.push(q);
    });
    const [pendingKeys, deadKeys] = await Promise.all([T.pending.toCollection().primaryKeys(), T.dead.toCollection().primaryKeys()]);
    return { pendingKeys, deadKeys };
  });
  // Observers run outside the read transactions (they may start writes).
  seen('segs', segNums.length);
  seen('pending', pendingKeys.length);
  seen('dead', deadKeys.length);
  // Every document held by a segment, sorted (4 bytes per document: the only per-document state kept).
  const indexed = Uint32Array.from(segSeqs).sort();
  segSeqs.length = 0;
  for (let i = 1; i < indexed.length; i++) if (indexed[i] === indexed[i - 1]) note(`document ${indexed[i]} is in two segments`);
  const pending = new Set(pendingKeys);
  const dead = new Set(deadKeys);
  for (const q of pending) if (find(indexed, q) >= 0) note(`document ${q} is both pending and in a segment`);
  for (const q of dead) if (find(indexed, q) < 0 && !pending.has(q)) note(`dead document ${q} is not in any segment`);

  // Pass 2: segment by segment, its rows against its clips' recomputed postings.
  for (const s of segNums) await checkSegment(T, read, s, chunk, dead, note, seen);

  // Pass 3: every clip, chunk by chunk in primary-key order.
  const pendingWithClip = new Set<number>();
  const counted = { live: 0, trash: 0 };
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const { clips, rows } = await read(async (): Promise<{ clips: StoredClip[]; rows: (PendingRow | undefined)[] }> => {
      const range = from === null ? T.clips.toCollection() : T.clips.where(':id').above(from);
      const clips = await range.limit(chunk).toArray();
      const rows = await T.pending.bulkGet(clips.filter((c) => pending.has(c.seq)).map((c) => c.seq));
      return { clips, rows };
    });
    seen('clips', clips.length);
    seen('pending', rows.length);
    if (clips.length === 0) break;
    after = clips[clips.length - 1]!.id;
    const pendingRows = new Map(rows.filter((r): r is PendingRow => r !== undefined).map((r) => [r.q, r]));
    for (const c of clips) {
      if (c.live === 1) counted.live++;
      else counted.trash++;
      if ((c.deletedAt === null) !== (c.live === 1)) note(`clip ${c.id}: live flag disagrees with deletedAt`);
      if (dead.has(c.seq)) note(`clip ${c.id}: its document ${c.seq} is marked dead`);
      for (const k of clipKeysOf(c)) if (!c.keys.includes(k)) note(`clip ${c.id}: dedupe key ${k} missing`);
      const row = pendingRows.get(c.seq);
      if (row) {
        pendingWithClip.add(c.seq);
        const d = docIndexOfPending(row);
        compareDoc(c, d, d.postings, note);
      } else if (find(indexed, c.seq) < 0) note(`clip ${c.id}: document ${c.seq} is not indexed`);
    }
    if (clips.length < chunk) break;
  }
  for (const q of pending) if (!pendingWithClip.has(q) && !dead.has(q)) note(`document ${q} is indexed but belongs to no clip`);
  // The kept counts (a missing row is recounted on read, so only rows that are there are compared).
  const kept = await read(() => keptCountRows(T));
  if (kept[0] && kept[0].v !== counted.live) note(`kept live clip count ${kept[0].v} ≠ ${counted.live} live clips`);
  if (kept[1] && kept[1].v !== counted.trash) note(`kept trash count ${kept[1].v} ≠ ${counted.trash} clips in the trash`);
  return problems;
}

/** Compares a clip's recomputed columns and postings with the stored ones (term → posting). */
function compareDoc(c: StoredClip, col: Columns, have: Map<string, Posting>, note: (p: string) => void): void {
  const want = docIndexOf(c);
  for (const f of COLUMN_NAMES) if (col[f] !== want[f]) note(`clip ${c.id}: stored ${f} ${col[f]} ≠ ${want[f]}`);
  for (const [term, p] of want.postings) {
    const s = have.get(term);
    if (!s) note(`clip ${c.id}: term "${term}" missing from the index`);
    else if (!samePosting(s, p)) note(`clip ${c.id}: term "${term}" stored with other counts/positions`);
  }
  for (const term of have.keys()) if (!want.postings.has(term)) note(`clip ${c.id}: stale term "${term}" in the index`);
}

/** One segment: its rows stay encoded; its clips are recomputed and compared `chunk` at a time. */
async function checkSegment(
  T: Tables,
  read: ReadTx,
  s: number,
  chunk: number,
  dead: Set<number>,
  note: (p: string) => void,
  seen: NonNullable<CheckOptions['onRead']>,
): Promise<void> {
  const loaded = await read(async () => {
    const seg = await T.segs.get(s);
    const rows: PostingRow[] = [];
    const posRows: PositionRow[] = [];
    const numbers = rowNumbers(seg ? rowsOfSegment(seg) : 0);
    for (let b = 0; b < numbers.length; b += ROW_BATCH) {
      // The table's key type says [string, number]; the stored key is [row number, segment], both numbers.
      const keys = numbers.slice(b, b + ROW_BATCH).map((n) => [n, s] as unknown as [string, number]);
      const [heads, pos] = await Promise.all([T.postings.bulkGet(keys), T.positions.bulkGet(keys)]);
      for (const r of heads) if (r) rows.push(r);
      for (const r of pos) if (r) posRows.push(r);
    }
    return { seg, rows, posRows };
  });
  const { seg, rows } = loaded;
  seen('postings', rows.length + loaded.posRows.length);
  if (!seg) return; // deleted since pass 1 (a concurrent write; the stamp catches it)
  const members = new Map<number, number>(); // seq → its column index in the segment
  seg.seqs.forEach((q, i) => members.set(q, i));
  // Row-level checks, once per segment: every head row has its aligned positions row and nothing else does.
  const posOf = new Map(loaded.posRows.map((r) => [r.b, r]));
  const headBuckets = new Set(rows.map((r) => r.b));
  for (const b of posOf.keys()) if (!headBuckets.has(b)) note(`positions row for bucket ${b} of segment ${s} without its head row`);
  const aligned = rows.filter((row) => {
    const p = posOf.get(row.b);
    if (!p) note(`bucket ${row.b} of segment ${s} has no positions row`);
    else if (p.offs.length !== row.offs.length) note(`bucket ${row.b} of segment ${s}: positions row holds ${p.offs.length - 1} lists for ${row.terms.length} terms`);
    else return true;
    return false;
  });
  const reader = (row: PostingRow, i: number) => {
    const p = posOf.get(row.b)!;
    return PostingReader.split(row.blob.subarray(row.offs[i]!, row.offs[i + 1]!), p.blob.subarray(p.offs[i]!, p.offs[i + 1]!));
  };
  for (const row of aligned) {
    const p = posOf.get(row.b)!;
    row.terms.forEach((term, i) => {
      const want = rowOf(bucketOf(term), rowsOfSegment(seg));
      if (want !== row.b) note(`term "${term}" stored in row ${row.b}, not ${want}`);
      const r = reader(row, i);
      let end = 0;
      while (r.next()) {
        end = r.posEnd;
        if (!members.has(r.seq)) note(`posting of "${term}" for document ${r.seq} in segment ${s}, which does not hold it`);
      }
      if (end !== p.offs[i + 1]! - p.offs[i]!) note(`positions of "${term}" in segment ${s} do not line up with its postings`);
    });
  }
  const seqs = [...seg.seqs].sort((a, b) => a - b);
  for (let at = 0; at < seqs.length; at += chunk) {
    const slice = seqs.slice(at, at + chunk);
    const first = slice[0]!;
    const last = slice[slice.length - 1]!;
    // Segments hold consecutive runs of document numbers, so this range holds little besides the slice.
    const wanted = new Set(slice);
    const inRange = await read(() => T.clips.where('seq').between(first, last, true, true).toArray());
    seen('clips', inRange.length);
    const clips = inRange.filter((c) => wanted.has(c.seq));
    const bySeq = new Map(clips.map((c) => [c.seq, c]));
    for (const q of slice) if (!bySeq.has(q) && !dead.has(q)) note(`document ${q} is indexed but belongs to no clip`);
    // This slice's stored postings: seq → term → posting (positions decoded only for the slice).
    const have = new Map<number, Map<string, Posting>>(clips.map((c) => [c.seq, new Map()]));
    for (const row of aligned) {
      row.terms.forEach((term, i) => {
        const r = reader(row, i);
        while (r.next()) {
          const m = have.get(r.seq);
          if (m) m.set(term, { seq: r.seq, count: r.count, titleCount: r.titleCount, positions: r.positions() });
        }
      });
    }
    for (const c of clips) {
      const i = members.get(c.seq)!;
      compareDoc(c, columnsAt(seg, i), have.get(c.seq)!, note);
      have.delete(c.seq);
    }
  }
}

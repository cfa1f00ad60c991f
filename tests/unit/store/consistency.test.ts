// checkConsistency: every kind of index corruption it must report, chunked reads, concurrent writes.
import { describe, expect, it } from 'vitest';
import { bucketOf, dictEntries, encodeDict, encodeSplitDict, rowNumbers, rowOf, splitEntries, type Posting } from '../../../lib/store/codec';
import type { PositionRow, PostingRow } from '../../../lib/store/db';
import { MERGE_AT, rowsOfSegment } from '../../../lib/store/indexer';
import { article, freshStore } from './helpers';

const SEGMENT_CLIPS = MERGE_AT + 16;

/** A store with one merged segment of SEGMENT_CLIPS clips and two pending clips. */
async function seeded() {
  const env = freshStore();
  const batch = Array.from({ length: SEGMENT_CLIPS }, (_, i) =>
    article(`港区第${i}号泊位改造完工`, [`第${i}号泊位昨天通过验收，吞吐能力提高${i + 3}成。`, `码头工人说，新泊位用上了岸电。`], {
      paper: i % 2 ? '江城日报' : '海港晚报',
      date: `2024-05-${String((i % 28) + 1).padStart(2, '0')}`,
    }),
  );
  await env.store.saveClips(batch);
  await env.store.saveClips([article('机场快线试运行', ['机场快线今天开始试运行。'])]);
  await env.store.saveClips([article('图书馆延长开放', ['市图书馆周末延长开放两小时。'])]);
  expect(await env.db.segs.count()).toBe(1);
  expect(await env.db.pending.count()).toBe(2);
  const seg = (await env.db.segs.toArray())[0]!;
  const segClips = await env.db.clips.where('seq').anyOf([...seg.seqs]).toArray();
  const pendingClips = await env.db.clips.where('seq').anyOf(await env.db.pending.toCollection().primaryKeys()).toArray();
  return { ...env, seg, segClips, pendingClips };
}

const keyOf = (r: PostingRow | PositionRow) => [r.b, r.s] as unknown as [string, number];

type DB = Awaited<ReturnType<typeof seeded>>['db'];

/** A segment's bucket: its head row and its positions row, decoded together. */
async function listsOf(db: DB, row: PostingRow): Promise<Map<string, Posting[]>> {
  const pos = (await db.positions.get(keyOf(row)))!;
  return new Map(splitEntries(row, pos));
}

/** Rewrites one bucket of the segment (head and positions rows), changing its decoded lists with fn. */
async function editRow(db: DB, fn: (lists: Map<string, Posting[]>) => void, pick = 0) {
  const row = (await db.postings.toArray())[pick]!;
  const lists = await listsOf(db, row);
  fn(lists);
  const { head, pos } = encodeSplitDict(lists);
  await db.postings.put({ ...row, ...head });
  await db.positions.put({ b: row.b, s: row.s, ...pos });
  return row;
}

async function problemsOf(store: Awaited<ReturnType<typeof seeded>>['store'], chunkSize = 7) {
  const report = await store.checkConsistency({ chunkSize });
  expect(report.ok).toBe(report.problems.length === 0);
  return report.problems.join('\n');
}

describe('checkConsistency detects', () => {
  it('nothing on an intact store (segment + pending, any chunk size)', async () => {
    const { store } = await seeded();
    for (const chunkSize of [1, 7, 1000]) expect((await store.checkConsistency({ chunkSize })).problems).toEqual([]);
    expect(await store.checkConsistency()).toEqual({ ok: true, problems: [] });
  });

  it('a document in two segments', async () => {
    const { store, db, seg } = await seeded();
    await db.segs.put({ ...seg, s: seg.s + 100, seqs: seg.seqs.slice(0, 1), lens: seg.lens.slice(0, 1) });
    expect(await problemsOf(store)).toMatch(`document ${seg.seqs[0]} is in two segments`);
  });

  it('a term stored in the wrong row', async () => {
    const { store, db, seg } = await seeded();
    const row = (await db.postings.toArray())[0]!;
    const pos = (await db.positions.get(keyOf(row)))!;
    // Another row number of the same segment (a row number of another level would not be read).
    const numbers = rowNumbers(rowsOfSegment(seg));
    const other = numbers[(numbers.indexOf(row.b) + 1) % numbers.length]!;
    await db.postings.delete(keyOf(row));
    await db.positions.delete(keyOf(row));
    await db.postings.put({ ...row, b: other });
    await db.positions.put({ ...pos, b: other });
    const text = await problemsOf(store);
    expect(text).toMatch(`stored in row ${other}, not ${row.b}`);
    expect(rowOf(bucketOf(row.terms[0]!), rowsOfSegment(seg))).toBe(row.b);
  });

  it('a posting for a document its segment does not hold', async () => {
    const { store, db, seg } = await seeded();
    await editRow(db, (lists) => {
      const [term, list] = [...lists][0]!;
      lists.set(term, [...list, { seq: 9999, count: 1, titleCount: 0, positions: [0] }]);
    });
    expect(await problemsOf(store)).toMatch(`for document 9999 in segment ${seg.s}, which does not hold it`);
  });

  it('a bucket without its positions row, a positions row without its bucket, and misaligned positions', async () => {
    const { store, db, seg } = await seeded();
    const [a, b, c] = await db.postings.toArray();
    await db.positions.delete(keyOf(a!));
    await db.postings.delete(keyOf(b!));
    // c's positions row loses its last list: the head row's terms no longer line up with it.
    const pc = (await db.positions.get(keyOf(c!)))!;
    await db.positions.put({ ...pc, offs: pc.offs.slice(0, -1) });
    const text = await problemsOf(store);
    expect(text).toMatch(`bucket ${a!.b} of segment ${seg.s} has no positions row`);
    expect(text).toMatch(`positions row for bucket ${b!.b} of segment ${seg.s} without its head row`);
    expect(text).toMatch(`bucket ${c!.b} of segment ${seg.s}: positions row holds ${c!.terms.length - 1} lists for ${c!.terms.length} terms`);
  });

  it('positions that do not line up with their postings', async () => {
    const { store, db, seg } = await seeded();
    const row = (await db.postings.toArray()).find((r) => r.terms.length > 1)!;
    const pos = (await db.positions.get(keyOf(row)))!;
    // Swap the first two terms' positions lists: each list's documents now read the other's bytes.
    const lists = [...Array(row.terms.length).keys()].map((i) => pos.blob.slice(pos.offs[i]!, pos.offs[i + 1]!));
    const sizes = lists.map((l) => l.length);
    if (sizes[0] === sizes[1]) lists[1] = Uint8Array.of(...lists[1]!, 0);
    [lists[0], lists[1]] = [lists[1]!, lists[0]!];
    const offs = new Uint32Array(lists.length + 1);
    lists.forEach((l, i) => (offs[i + 1] = offs[i]! + l.length));
    const blob = new Uint8Array(offs[lists.length]!);
    lists.forEach((l, i) => blob.set(l, offs[i]!));
    await db.positions.put({ ...pos, offs, blob });
    expect(await problemsOf(store)).toMatch(new RegExp(`positions of "[^"]+" in segment ${seg.s} do not line up with its postings`));
  });

  it('a document both pending and in a segment', async () => {
    const { store, db, seg } = await seeded();
    const row = (await db.pending.toArray())[0]!;
    await db.pending.put({ ...row, q: seg.seqs[3]! });
    expect(await problemsOf(store)).toMatch(`document ${seg.seqs[3]} is both pending and in a segment`);
  });

  it('a live flag that disagrees with deletedAt, a dead document, a missing dedupe key', async () => {
    const { store, db, segClips, pendingClips } = await seeded();
    const [a, b] = segClips;
    await db.clips.put({ ...a!, live: 0 });
    await db.dead.put({ q: b!.seq });
    await db.clips.put({ ...pendingClips[0]!, keys: pendingClips[0]!.keys.slice(1) });
    const text = await problemsOf(store);
    expect(text).toMatch(`clip ${a!.id}: live flag disagrees with deletedAt`);
    expect(text).toMatch(`clip ${b!.id}: its document ${b!.seq} is marked dead`);
    expect(text).toMatch(`clip ${pendingClips[0]!.id}: dedupe key`);
  });

  it('a clip whose document is not indexed, and documents that belong to no clip', async () => {
    const { store, db, segClips, pendingClips } = await seeded();
    const moved = segClips[40]!;
    await db.clips.put({ ...moved, seq: 50_000 });
    await db.clips.delete(pendingClips[1]!.id);
    const text = await problemsOf(store);
    expect(text).toMatch(`clip ${moved.id}: document 50000 is not indexed`);
    expect(text).toMatch(`document ${moved.seq} is indexed but belongs to no clip`);
    expect(text).toMatch(`document ${pendingClips[1]!.seq} is indexed but belongs to no clip`);
  });

  it('a dead document that is in no segment', async () => {
    const { store, db } = await seeded();
    await db.dead.put({ q: 77_777 });
    expect(await problemsOf(store)).toMatch('dead document 77777 is not in any segment');
  });

  it('wrong stored columns', async () => {
    const { store, db, seg, segClips } = await seeded();
    const i = seg.seqs.indexOf(segClips[5]!.seq);
    const lens = seg.lens.slice();
    lens[i] = lens[i]! + 1;
    const dates = seg.dates.slice();
    dates[i] = 19990101;
    await db.segs.put({ ...seg, lens, dates });
    const text = await problemsOf(store);
    expect(text).toMatch(new RegExp(`clip ${segClips[5]!.id}: stored len \\d+ ≠ \\d+`));
    expect(text).toMatch(`clip ${segClips[5]!.id}: stored date 19990101 ≠`);
  });

  it('missing, changed and stale terms in a segment (found in a later chunk too)', async () => {
    const { store, db, seg } = await seeded();
    const last = Math.max(...seg.seqs);
    let dropped = '';
    let changed = '';
    // Drop the last document's posting from one term and change it in another.
    const rows = await db.postings.toArray();
    for (const [pick, row] of rows.entries()) {
      const lists = await listsOf(db, row);
      const hit = [...lists].find(([, l]) => l.some((p) => p.seq === last));
      if (!hit) continue;
      if (!dropped) {
        dropped = hit[0];
        await editRow(db, (m) => m.set(hit[0], hit[1].filter((p) => p.seq !== last)), pick);
      } else {
        changed = hit[0];
        await editRow(db, (m) => m.set(hit[0], hit[1].map((p) => (p.seq === last ? { ...p, positions: Array.from(p.positions, (x) => x + 1) } : p))), pick);
        break;
      }
    }
    // A term the document does not have.
    await editRow(db, (m) => m.set('\u0001虚', [{ seq: last, count: 1, titleCount: 0, positions: [0] }]));
    const text = await problemsOf(store, 5);
    expect(text).toMatch(`term "${dropped}" missing from the index`);
    expect(text).toMatch(`term "${changed}" stored with other counts/positions`);
    expect(text).toMatch('stale term "\u0001虚" in the index');
  });

  it('missing and stale terms in a pending document', async () => {
    const { store, db } = await seeded();
    const row = (await db.pending.toArray())[0]!;
    const lists = new Map(dictEntries(row));
    const first = row.terms[0]!;
    lists.delete(first);
    lists.set('\u0001虚', [{ seq: row.q, count: 1, titleCount: 0, positions: [0] }]);
    await db.pending.put({ ...row, ...encodeDict(lists) });
    const text = await problemsOf(store);
    expect(text).toMatch(`term "${first}" missing from the index`);
    expect(text).toMatch('stale term "\u0001虚" in the index');
  });
});

describe('checkConsistency reads in bounded chunks', () => {
  it('never reads more clips than the chunk size at once, and reads every clip', async () => {
    const { store } = await seeded();
    const reads: { table: string; rows: number }[] = [];
    const report = await store.checkConsistency({ chunkSize: 8, onRead: (table, rows) => reads.push({ table, rows }) });
    expect(report.ok).toBe(true);
    const clipReads = reads.filter((r) => r.table === 'clips').map((r) => r.rows);
    expect(Math.max(...clipReads)).toBeLessThanOrEqual(8);
    // Pass 2 reads the segment's clips, pass 3 every clip (the two pending ones too).
    expect(clipReads.reduce((a, b) => a + b, 0)).toBe(SEGMENT_CLIPS + SEGMENT_CLIPS + 2);
    expect(clipReads.length).toBeGreaterThanOrEqual(2 * Math.ceil(SEGMENT_CLIPS / 8));
  });

  it('a merge landing between two chunks does not produce false problems (the check reruns)', async () => {
    const { store } = await seeded();
    let started: Promise<unknown> | null = null;
    let segReads = 0;
    const more = Array.from({ length: MERGE_AT }, (_, i) => article(`夜市第${i}摊位开张`, [`第${i}号摊位今晚开张，卖的是米粉。`]));
    const report = await store.checkConsistency({
      chunkSize: 4,
      onRead: (table) => {
        if (table === 'segs') segReads++;
        // After pass 1: a bulk save merges the two pending documents into a new segment.
        if (table === 'dead' && !started) started = store.saveClips(more);
      },
    });
    await started;
    expect(report.problems).toEqual([]);
    expect(segReads).toBe(2);
    expect(await store.checkConsistency()).toEqual({ ok: true, problems: [] });
  });
});

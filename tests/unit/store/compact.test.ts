// Segment compaction: the merge policy (levels of adjacent segments) and compactSegments on a
// real (fake-indexeddb) store — live documents kept, dead ones dropped for good, search unchanged.
import { describe, expect, it, vi } from 'vitest';
import { ClipDB, TABLE_NAMES } from '../../../lib/store/db';
import { compactSegments, levelOf, MERGE_AT, mergePending, pickCompaction, type CompactPolicy, type WriteTx } from '../../../lib/store/indexer';
import { createStore, KEEP_ALIVE_MS, TRASH_DAYS, workerKeepAlive } from '../../../lib/store/store';
import { bucketOf, BUCKETS, encodeSplitDict, splitEntries, type Posting } from '../../../lib/store/codec';
import { article, freshStore } from './helpers';

const P: CompactPolicy = { fan: 8, base: 64, max: 4096 };
/** The store's read-write transactions, for driving compactSegments by hand. */
const rwOf = (db: ClipDB) => <R>(fn: () => Promise<R>) => db.transaction('rw', TABLE_NAMES.map((n) => db.table(n)), fn);
const segs = (...live: number[]) => live.map((n, i) => ({ s: i + 1, live: n }));

describe('levelOf', () => {
  it('counts how many times fan the live documents are over base', () => {
    expect([0, 1, 64, 511, 512, 2000, 4095, 4096, 40000].map((n) => levelOf(n, P))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 3]);
  });
});

describe('pickCompaction', () => {
  it('merges fan adjacent segments of one level, and not fewer', () => {
    expect(pickCompaction(segs(64, 64, 64, 64, 64, 64, 64), P)).toBeNull();
    expect(pickCompaction(segs(64, 64, 64, 64, 64, 64, 64, 64), P)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('needs the segments to be adjacent: a bulk segment in between splits the run', () => {
    expect(pickCompaction(segs(64, 64, 64, 64, 2000, 64, 64, 64, 64), P)).toBeNull();
    expect(pickCompaction(segs(2000, 64, 64, 64, 64, 64, 64, 64, 64, 64), P)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('takes the lowest level first, then the oldest run', () => {
    const picked = pickCompaction(segs(512, 512, 512, 512, 512, 512, 512, 512, 64, 64, 64, 64, 64, 64, 64, 64), P);
    expect(picked).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(pickCompaction(segs(512, 512, 512, 512, 512, 512, 512, 512, 512), P)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('never merges past max: bulk-import segments stay as they are', () => {
    expect(pickCompaction(segs(2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000), P)).toBeNull();
    expect(pickCompaction(segs(600, 600, 600, 600, 600, 600, 600, 600), P)).toBeNull();
  });

  it('drops a segment without live documents on its own', () => {
    expect(pickCompaction(segs(2000, 0, 2000), P)).toEqual([2]);
  });

  it('works on segments given in any order', () => {
    const shuffled = segs(64, 64, 64, 64, 64, 64, 64, 64).reverse();
    expect(pickCompaction(shuffled, P)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

/** The segment numbers that have head or positions rows, ascending. */
const rowNumbers = async (db: ClipDB) => [...new Set([...(await db.postings.toArray()), ...(await db.positions.toArray())].map((r) => r.s))].sort((a, b) => a - b);

/** Articles sharing a few terms in varying positions (phrases and positions matter). */
function batch(from: number, n: number) {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const river = i % 3 === 0 ? '长江大堤' : '港口码头';
    return article(`第${i}号简报`, [`${'巡查'.repeat(1 + (i % 4))}${river}第${i}段。`, i % 5 === 0 ? 'Flood patrol report.' : '一切正常。']);
  });
}

describe('compactSegments', () => {
  it('merges segments into one: same search results, dead documents gone for good, index consistent', async () => {
    // Automatic compaction off (fan too large to ever be reached): the test drives it.
    const { store, db } = freshStore({ compaction: { fan: 1000, base: 64, max: 1 << 20 } });
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) ids.push(...(await store.saveClips(batch(k * MERGE_AT, MERGE_AT))).results.map((r) => r.id));
    await store.flushIndex();
    expect(await db.segs.count()).toBe(3);
    // Purge a few clips of the first two segments (dead documents) and re-index one (its old document dies too).
    for (const id of [ids[0]!, ids[5]!, ids[70]!]) await store.deleteClip(id);
    await store.emptyTrash();
    await store.updateClip(ids[9]!, { title: '第9号简报（更正）' });
    const queries = ['巡查', '长江大堤', '"港口码头"', '港口 -长江', 'patrol', '更正', '第70段'];
    const before = await Promise.all(queries.map((q) => store.search(q, {}, { limit: 300 })));
    const deadBefore = await db.dead.count();
    expect(deadBefore).toBe(4);
    // The store's own maintenance (scheduled by the purge and the edit) is done before the test drives one by hand.
    await store.flushIndex();

    expect(await compactSegments(db, rwOf(db), { fan: 2, base: 64, max: 4096 })).toBe(true);
    const after = await db.segs.toArray();
    expect(after.map((s) => s.seqs.length).sort((a, b) => a - b)).toEqual([64, 124]);
    // The merged segment's dead documents left `dead`; none of them is in the new segment.
    expect(await db.dead.count()).toBe(0);
    const merged = after.find((s) => s.seqs.length === 124)!;
    expect([...merged.seqs]).toEqual([...merged.seqs].sort((a, b) => a - b));
    for (const [i, q] of queries.entries()) {
      const got = await store.search(q, {}, { limit: 300 });
      expect(got.total, q).toBe(before[i]!.total);
      expect(got.hits.map((h) => h.clip.id), q).toEqual(before[i]!.hits.map((h) => h.clip.id));
      expect(got.hits.map((h) => h.score), q).toEqual(before[i]!.hits.map((h) => h.score));
    }
    expect((await store.checkConsistency()).problems).toEqual([]);
    // The merged segment is numbered between the last picked one and the next segment (numbers keep
    // the saving order); no rows of the picked ones are left behind, nor any `meta` note.
    expect(after.map((s) => s.s)).toEqual([2.5, 3]);
    expect(await rowNumbers(db)).toEqual([2.5, 3]);
    expect((await db.meta.toArray()).map((m) => m.k).sort()).toEqual(['clips.live', 'clips.trash', 'epoch', 'segment', 'seq']);
    // 124 + 64 live documents are still level 0 (under 128): one more merge, then nothing is due.
    expect(await compactSegments(db, rwOf(db), { fan: 2, base: 64, max: 4096 })).toBe(true);
    expect((await db.segs.toArray()).map((s) => [s.s, s.seqs.length])).toEqual([[3.5, 188]]);
    expect(await rowNumbers(db)).toEqual([3.5]);
    expect(await compactSegments(db, rwOf(db), { fan: 2, base: 64, max: 4096 })).toBe(false);
    expect((await store.search('巡查', {}, { limit: 1 })).total).toBe(before[0]!.total);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('reads each listed segment once per connection to plan, and plans from what another connection listed or compacted', async () => {
    const never = { fan: 1000, base: 64, max: 1 << 20 };
    const fan2 = { fan: 2, base: 64, max: 4096 };
    const { store, db, name } = freshStore({ compaction: never });
    for (let k = 0; k < 4; k++) await store.saveClips(batch(k * MERGE_AT, MERGE_AT));
    const other = new ClipDB(name);
    const otherStore = createStore(other, { persist: async () => true, compaction: never, newId: () => `other-${Math.random()}` });
    const reads = vi.spyOn(db.segs, 'bulkGet');
    const keysRead = () => reads.mock.calls.map((c) => [...(c[0] as number[])]);
    // The store's own maintenance finds nothing due: the four segments' summaries are read, and no whole row…
    await store.flushIndex();
    expect(keysRead()).toEqual([[1, 2, 3, 4]]);
    reads.mockClear();
    // …and not again.
    expect(await compactSegments(db, rwOf(db), never)).toBe(false);
    expect(keysRead()).toEqual([]);
    // Another connection lists a segment: only that one is read.
    await otherStore.saveClips(batch(1000, MERGE_AT));
    await otherStore.flushIndex();
    reads.mockClear();
    expect(await compactSegments(db, rwOf(db), never)).toBe(false);
    expect(keysRead()).toEqual([[5]]);
    reads.mockClear();
    // Another connection compacts segments 1 and 2 into 2.5: the epoch changed, every summary is read
    // again, and this connection's plan merges 3 and 4 (not the gone 1 and 2), reading their rows.
    expect(await compactSegments(other, rwOf(other), fan2)).toBe(true);
    expect((await other.segs.toCollection().primaryKeys()).sort()).toEqual([2.5, 3, 4, 5]);
    expect(await compactSegments(db, rwOf(db), fan2)).toBe(true);
    expect(keysRead()).toEqual([[2.5, 3, 4, 5], [3, 4]]);
    expect((await db.segs.toArray()).map((x) => [x.s, x.seqs.length])).toEqual([[2.5, 128], [4.5, 128], [5, 64]]);
    expect((await store.search('巡查', {}, { limit: 1 })).total).toBe(5 * MERGE_AT);
    expect((await store.checkConsistency()).problems).toEqual([]);
    reads.mockRestore();
    other.close();
    db.close();
  });

  it('drops a segment whose documents are all dead, after the purge that killed them', async () => {
    // No merges under this policy (fan never reached), but an empty segment always goes.
    const { store, db } = freshStore({ compaction: { fan: 1000, base: 64, max: 1 << 20 } });
    const first = (await store.saveClips(batch(0, MERGE_AT))).results.map((r) => r.id);
    await store.saveClips(batch(MERGE_AT, MERGE_AT));
    await store.flushIndex();
    expect(await db.segs.count()).toBe(2);
    for (const id of first) await store.deleteClip(id);
    await store.emptyTrash();
    await store.flushIndex();
    expect((await db.segs.toArray()).map((s) => s.seqs.length)).toEqual([MERGE_AT]);
    expect(await db.dead.count()).toBe(0);
    expect((await store.search('巡查')).total).toBe(MERGE_AT);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('runs after saves on its own: many small segments end up as few', async () => {
    const { store, db } = freshStore({ compaction: { fan: 2, base: 64, max: 4096 } });
    for (let k = 0; k < 6; k++) await store.saveClips(batch(k * MERGE_AT, MERGE_AT));
    await store.flushIndex();
    // 6 × 64 → levels merge pairwise: 384 documents in segments of 256 and 128.
    expect((await db.segs.toArray()).map((s) => s.seqs.length).sort((a, b) => a - b)).toEqual([128, 256]);
    expect((await store.search('巡查')).total).toBe(6 * MERGE_AT);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });
});

describe('compactSegments, interrupted or overlapped', () => {
  const P2: CompactPolicy = { fan: 2, base: 64, max: 4096 };
  /** Three 64-document segments, a few clips purged; returns what searches give before any compaction. */
  async function setup() {
    const env = freshStore({ compaction: { fan: 1000, base: 64, max: 1 << 20 } });
    const { store } = env;
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) ids.push(...(await store.saveClips(batch(k * MERGE_AT, MERGE_AT))).results.map((r) => r.id));
    for (const id of [ids[1]!, ids[66]!]) await store.deleteClip(id);
    await store.emptyTrash();
    await store.flushIndex();
    const queries = ['巡查', '"港口码头"', '长江 -巡查巡查', 'patrol'];
    const totals = async () => Promise.all(queries.map(async (q) => (await store.search(q, {}, { limit: 5 })).total));
    return { ...env, ids, totals, before: await totals() };
  }
  /** A transaction runner that fails from its nth call on, like a tab closed midway. */
  const failingFrom = (db: ClipDB, n: number) => {
    let calls = 0;
    const rw = rwOf(db);
    return <R>(fn: () => Promise<R>) => (++calls >= n ? Promise.reject(new Error('closed')) : rw(fn));
  };

  /** A transaction runner that fails once the compaction has listed its segment and started deleting the old rows: at the sweep's first delete. */
  const failingInSweep = (db: ClipDB) => {
    let sweeping = 0;
    const rw = rwOf(db);
    return async <R>(fn: () => Promise<R>) => ((await db.meta.get('sweep.lo')) && ++sweeping >= 2 ? Promise.reject(new Error('closed')) : rw(fn));
  };

  for (const [when, failing] of [
    ['while writing the merged rows', (db: ClipDB) => failingFrom(db, 20)],
    ['while deleting the old rows', failingInSweep],
  ] as const) {
    it(`stopped ${when}: searches never change, and the next compaction cleans up`, async () => {
      const { db, store, totals, before } = await setup();
      await expect(compactSegments(db, failing(db), P2)).rejects.toThrow('closed');
      expect(await totals()).toEqual(before);
      expect((await store.checkConsistency()).problems).toEqual([]);
      // Rows no segment lists are left (the unfinished segment's, or the merged-away ones')…
      const listed = (await db.segs.toCollection().primaryKeys()).sort((a, b) => a - b);
      expect((await rowNumbers(db)).length).toBeGreaterThan(listed.length);
      // …until the next compaction deletes them first.
      while (await compactSegments(db, rwOf(db), P2));
      const after = (await db.segs.toCollection().primaryKeys()).sort((a, b) => a - b);
      expect(await rowNumbers(db)).toEqual(after);
      expect((await db.meta.toArray()).map((m) => m.k).sort()).toEqual(['clips.live', 'clips.trash', 'epoch', 'segment', 'seq']);
      expect(await totals()).toEqual(before);
      expect(await db.dead.count()).toBe(0);
      expect((await store.checkConsistency()).problems).toEqual([]);
      db.close();
    });
  }

  it('saves, purges and searches between its transactions see a complete index throughout', async () => {
    const { db, store, ids, totals } = await setup();
    const rw = rwOf(db);
    let calls = 0;
    let extra = 0;
    const seen: number[][] = [];
    const interleaved = async <R>(fn: () => Promise<R>) => {
      calls++;
      if (calls % 9 === 0) {
        await store.saveClips(batch(1000 + extra++, 1)); // one more 巡查 clip, pending
        seen.push(await totals());
      }
      if (calls === 30) {
        await store.deleteClip(ids[5]!); // in a segment being merged: dies mid-compaction
        await store.emptyTrash();
      }
      return rw(fn);
    };
    while (await compactSegments(db, interleaved, P2));
    // 巡查 is in every clip: each interleaved save adds one, the purge takes one.
    const first = seen[0]![0]!;
    seen.forEach((t, i) => expect(t[0], `after interleaved write ${i}`).toBe(first + i - ((i + 1) * 9 > 30 ? 1 : 0)));
    const live = 3 * MERGE_AT - 2 - 1 + extra;
    expect((await store.search('巡查', {}, { limit: 1 })).total).toBe(live);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });
});

describe('mergePending', () => {
  /** A store that leaves maintenance to the test, MERGE_AT single saves pending, and what searches give. */
  /** Clip i of `batch` plus a paragraph of 60 CJK Extension A characters (none in the queries): ~120 terms that spread a document over many buckets. */
  const wide = (i: number) => {
    const a = batch(i, 1)[0]!;
    const filler = Array.from({ length: 60 }, (_, k) => String.fromCharCode(0x3400 + ((i * 211 + k * 37) % 6000))).join('');
    return { ...a, body: [...a.body, { type: 'paragraph' as const, text: filler }] };
  };
  async function setup() {
    const env = freshStore({ autoMaintain: false });
    const { store, db } = env;
    const ids: string[] = [];
    for (let i = 0; i < MERGE_AT; i++) ids.push((await store.saveClips([wide(i)])).results[0]!.id);
    expect(await db.pending.count()).toBe(MERGE_AT);
    const queries = ['巡查', '"港口码头"', '长江 -巡查巡查', 'patrol', '更正'];
    const totals = async () => Promise.all(queries.map(async (q) => (await store.search(q, {}, { limit: 5 })).total));
    return { ...env, ids, totals, before: await totals() };
  }
  /** Row-table transactions, counted; `between(n)` runs before the nth one. */
  const rowsTxOf = (db: ClipDB, between: (n: number) => Promise<void> = async () => {}) => {
    const tx = <R>(fn: () => Promise<R>) => db.transaction('rw', [db.postings, db.positions], fn);
    let calls = 0;
    const run: WriteTx = async (fn) => {
      await between(++calls);
      return tx(fn);
    };
    return { run, calls: () => calls };
  };

  it('writes the rows a few at a time, pausing between slices of its work; searches see the pending documents until one short transaction lists the segment', async () => {
    const { db, store, totals, before } = await setup();
    const seen: number[][] = [];
    const rows = rowsTxOf(db, async () => {
      seen.push(await totals());
      expect(await db.segs.count()).toBe(0);
    });
    // Searches also run in the pauses (the store's pause lets its own saves and searches go first).
    let pauses = 0;
    const pause = async () => {
      pauses++;
      seen.push(await totals());
    };
    // A clock 5 ms further on at every look: every check for a pause finds its slice (4 ms) used up.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
    try {
      expect(await mergePending(db, rwOf(db), rows.run, pause)).toBe(true);
    } finally {
      now.mockRestore();
    }
    // 64 rows per table, MERGE_CHUNK (16) per row transaction.
    expect(rows.calls()).toBe(4);
    expect(pauses).toBeGreaterThan(0);
    for (const t of seen) expect(t).toEqual(before);
    expect((await db.segs.toArray()).map((x) => x.seqs.length)).toEqual([MERGE_AT]);
    expect(await db.pending.count()).toBe(0);
    expect(await totals()).toEqual(before);
    expect(await rowNumbers(db)).toEqual([1]);
    expect((await db.meta.toArray()).map((m) => m.k).sort()).toEqual(['clips.live', 'clips.trash', 'epoch', 'segment', 'seq']);
    expect((await store.checkConsistency()).problems).toEqual([]);
    // Nothing left to merge.
    expect(await mergePending(db, rwOf(db))).toBe(false);
    db.close();
  });

  it('a clip edited or purged while its rows are written is dead in the new segment, and saves go on', async () => {
    const { db, store, ids, totals, before } = await setup();
    const rows = rowsTxOf(db, async (n) => {
      if (n !== 2) return;
      await store.updateClip(ids[3]!, { title: '第3号简报（更正）' }); // its pending document is retired, a new one is pending
      await store.deleteClip(ids[7]!); // 巡查, 港口码头
      await store.emptyTrash();
      await store.saveClips([wide(500)]); // a new pending document
    });
    expect(await mergePending(db, rwOf(db), rows.run)).toBe(true);
    expect((await db.segs.toArray()).map((x) => x.seqs.length)).toEqual([MERGE_AT]);
    expect(await db.pending.count()).toBe(2);
    expect(await db.dead.count()).toBe(2);
    const after = await totals();
    expect(after[0]).toBe(before[0]!); // one 巡查 clip purged, one saved
    expect(after[1]).toBe(before[1]!); // one 港口码头 clip purged, one saved (500 % 3 ≠ 0)
    expect(after[4]).toBe(1);
    expect((await store.search('第3号简报')).hits.map((h) => h.clip.title)).toEqual(['第3号简报（更正）']);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('reads the pending rows a few at a time: a row retired before its read is left out, one retired after it is dead in the new segment', async () => {
    const { db, store, ids, totals, before } = await setup();
    const rw = rwOf(db);
    let calls = 0;
    const tx: WriteTx = async (fn) => {
      calls++;
      // 1: sweep, 2: the plan, 3…6: the rows, 16 at a time (seq order).
      if (calls === 4) await store.updateClip(ids[40]!, { title: '第40号简报（更正）' }); // not read yet: its row goes before the merge sees it
      if (calls === 5) await store.updateClip(ids[0]!, { title: '第0号简报（更正）' }); // read already
      return rw(fn);
    };
    expect(await mergePending(db, tx, rowsTxOf(db).run)).toBe(true);
    expect(calls).toBeGreaterThanOrEqual(7);
    const [seg] = await db.segs.toArray();
    expect(seg!.seqs.length).toBe(MERGE_AT - 1);
    expect([...seg!.seqs]).not.toContain(41);
    expect((await db.dead.toArray()).map((d) => d.q)).toEqual([1]);
    expect(await db.pending.count()).toBe(2); // the two new versions
    expect(await totals()).toEqual([...before.slice(0, 4), 2]); // both titles now have 更正
    for (const n of [0, 40]) expect((await store.search(`第${n}号简报`)).hits.map((h) => h.clip.title)).toEqual([`第${n}号简报（更正）`]);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('reads a backlog of pending rows in at most 4 reads (each may wait for the page to pause)', async () => {
    const { db, store, totals } = await setup();
    // Small batches go to pending too: 64 + 9 × 15 = 199 documents waiting.
    for (let i = 0; i < 9; i++) await store.saveClips(batch(2000 + i * 15, 15));
    expect(await db.pending.count()).toBe(MERGE_AT + 135);
    const before = await totals();
    const reads: number[] = [];
    const bulkGet = db.pending.bulkGet.bind(db.pending);
    const spy = vi.spyOn(db.pending, 'bulkGet').mockImplementation((keys) => {
      reads.push(keys.length);
      return bulkGet(keys);
    });
    try {
      expect(await mergePending(db, rwOf(db), rowsTxOf(db).run)).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(reads).toEqual([50, 50, 50, 49]);
    expect((await db.segs.toArray()).map((x) => x.seqs.length)).toEqual([MERGE_AT + 135]);
    expect(await db.pending.count()).toBe(0);
    expect(await totals()).toEqual(before);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('a bulk save listing a higher-numbered segment while the merge writes does not hide the merged documents from cached buckets', async () => {
    const { db, store, totals, before } = await setup();
    const rows = rowsTxOf(db, async (n) => {
      if (n !== 2) return;
      await totals(); // the buckets are cached…
      await store.saveClips(batch(1000, MERGE_AT)); // …a bulk save lists segment N + 1 while N is being written…
      await totals(); // …and the cache is extended past N.
    });
    expect(await mergePending(db, rwOf(db), rows.run)).toBe(true);
    expect((await db.segs.toArray()).map((x) => x.seqs.length).sort((a, b) => a - b)).toEqual([MERGE_AT, MERGE_AT]);
    const after = await totals();
    expect(after[0]).toBe(before[0]! + MERGE_AT); // every clip of both has 巡查
    expect((await store.search('巡查', {}, { limit: 1 })).total).toBe(2 * MERGE_AT);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('stopped midway (tab closed): pending documents stay searchable, and the next merge deletes the unlisted rows first', async () => {
    const { db, store, totals, before } = await setup();
    const failing: WriteTx = rowsTxOf(db, async (n) => {
      if (n >= 2) throw new Error('closed');
    }).run;
    await expect(mergePending(db, rwOf(db), failing)).rejects.toThrow('closed');
    expect(await db.segs.count()).toBe(0);
    expect(await db.pending.count()).toBe(MERGE_AT);
    expect((await rowNumbers(db)).length).toBe(1); // the first chunk's rows, under a number no segment has
    expect(await totals()).toEqual(before);
    expect((await store.checkConsistency()).problems).toEqual([]);
    await store.flushIndex();
    const listed = await db.segs.toCollection().primaryKeys();
    expect(listed).toHaveLength(1);
    expect(await rowNumbers(db)).toEqual(listed);
    expect(await db.pending.count()).toBe(0);
    expect((await db.meta.toArray()).map((m) => m.k).sort()).toEqual(['clips.live', 'clips.trash', 'epoch', 'segment', 'seq']);
    expect(await totals()).toEqual(before);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('housekeeping (the background, at browser start) finishes what a closed page left: unlisted rows, pending documents, expired trash', async () => {
    const { db, store, ids, clock, totals, before } = await setup();
    await expect(mergePending(db, rwOf(db), rowsTxOf(db, async (n) => {
      if (n >= 2) throw new Error('closed');
    }).run)).rejects.toThrow('closed');
    await store.deleteClip(ids[0]!); // 巡查 (and 长江大堤)
    clock.t += (TRASH_DAYS + 1) * 24 * 3600 * 1000;
    // The background's store: maintenance on.
    const background = createStore(db, { now: () => clock.t, persist: async () => true });
    expect(await background.housekeeping()).toEqual({ purged: 1 });
    expect(await db.clips.count()).toBe(MERGE_AT - 1);
    // The stopped merge's rows are gone; 63 documents are too few to merge.
    expect(await rowNumbers(db)).toEqual([]);
    expect(await db.pending.count()).toBe(MERGE_AT - 1);
    // One more save makes a merge due; housekeeping waits for it.
    await background.saveClips([wide(900)]);
    await background.housekeeping();
    expect(await db.pending.count()).toBe(0);
    const listed = await db.segs.toCollection().primaryKeys();
    expect(listed).toHaveLength(1);
    expect(await rowNumbers(db)).toEqual(listed);
    expect((await db.meta.toArray()).map((m) => m.k).sort()).toEqual(['clips.live', 'clips.trash', 'epoch', 'segment', 'seq']);
    expect((await totals())[0]).toBe(before[0]!); // one 巡查 clip purged, one saved
    expect((await background.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('a bulk save writes its own segment and leaves the pending documents to the merge', async () => {
    const { store, db } = freshStore({ autoMaintain: false });
    for (let i = 0; i < 10; i++) await store.saveClips(batch(i, 1));
    await store.saveClips(batch(100, MERGE_AT));
    expect((await db.segs.toArray()).map((x) => x.seqs.length)).toEqual([MERGE_AT]);
    expect(await db.pending.count()).toBe(10);
    expect((await store.search('巡查', {}, { limit: 1 })).total).toBe(MERGE_AT + 10);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });
});

describe('keeping an extension service worker alive while maintenance runs', () => {
  it('calls keepAlive before a maintenance transaction once KEEP_ALIVE_MS have passed, not more often', async () => {
    const calls: number[] = [];
    let t = 0;
    // Each clock read moves 5 s on: ~4 transactions between two calls.
    const { store, db } = freshStore({ compaction: { fan: 2, base: 64, max: 4096 }, now: () => (t += 5000), keepAlive: () => calls.push(t) });
    for (let k = 0; k < 2; k++) await store.saveClips(batch(k * MERGE_AT, MERGE_AT));
    await store.flushIndex();
    expect(await db.segs.count()).toBe(1); // a compaction ran: ~35 transactions (32 shares of the 64-row segments, sweeps)
    expect(calls.length).toBeGreaterThan(3);
    for (let i = 1; i < calls.length; i++) expect(calls[i]! - calls[i - 1]!).toBeGreaterThanOrEqual(KEEP_ALIVE_MS);
    db.close();
  });

  it('is an extension API call in a service worker, and nothing elsewhere', async () => {
    let asked = 0;
    const chrome = { runtime: { getPlatformInfo: async () => (asked++, { os: 'linux' }) } };
    expect(workerKeepAlive({ chrome })).toBeUndefined(); // a page, not a worker
    expect(workerKeepAlive({ ServiceWorkerGlobalScope: class {} })).toBeUndefined(); // no extension API
    workerKeepAlive({ ServiceWorkerGlobalScope: class {}, chrome })!();
    expect(asked).toBe(1);
  });
});

describe('row levels (segments of fewer rows) next to segments written before them', () => {
  /** Rewrites every listed segment the way stores before row levels wrote it: BUCKETS rows per table, term bucket b in row b. */
  async function toBucketRows(db: ClipDB): Promise<void> {
    await db.transaction('rw', [db.postings, db.positions, db.segs], async () => {
      const [heads, poss, all] = await Promise.all([db.postings.toArray(), db.positions.toArray(), db.segs.toArray()]);
      const posOf = new Map(poss.map((p) => [`${p.b}/${p.s}`, p]));
      const bySeg = new Map<number, Map<number, Map<string, Posting[]>>>();
      for (const h of heads) {
        let rows = bySeg.get(h.s);
        if (!rows) bySeg.set(h.s, (rows = new Map()));
        for (const [term, list] of splitEntries(h, posOf.get(`${h.b}/${h.s}`)!)) {
          const b = bucketOf(term);
          if (!rows.has(b)) rows.set(b, new Map());
          rows.get(b)!.set(term, list);
        }
      }
      await Promise.all([db.postings.clear(), db.positions.clear()]);
      for (const [s, rows] of bySeg) {
        for (const [b, lists] of rows) {
          const { head, pos } = encodeSplitDict(lists);
          await Promise.all([db.postings.put({ b, s, ...head }), db.positions.put({ b, s, ...pos })]);
        }
      }
      await db.segs.bulkPut(all.map(({ nb: _nb, ...seg }) => seg));
    });
  }

  it('a 64-document merge writes 64 rows per table, not one per term bucket', async () => {
    const { store, db } = freshStore();
    await store.saveClips(batch(0, MERGE_AT));
    const [seg] = await db.segs.toArray();
    expect(seg!.nb).toBe(64);
    const numbers = new Set((await db.postings.toArray()).map((r) => r.b));
    expect(numbers.size).toBeLessThanOrEqual(64);
    expect([...numbers].every((b) => b >= BUCKETS)).toBe(true);
    expect(await db.positions.count()).toBe(numbers.size);
    db.close();
  });

  it('a compaction spreads its segment over more rows than its parts had', async () => {
    const { store, db } = freshStore({ autoMaintain: false });
    const queries = ['巡查', '"港口码头"', '长江 -巡查巡查', 'patrol', '"第70号简报"'];
    const titles = async () => Promise.all(queries.map(async (q) => (await store.search(q, {}, { limit: 8 })).hits.map((h) => h.clip.title)));
    for (let k = 0; k < 8; k++) await store.saveClips(batch(k * MERGE_AT, MERGE_AT));
    const before = await titles();
    expect((await db.segs.toArray()).map((s) => s.nb)).toEqual(Array(8).fill(64));
    await store.flushIndex();
    expect((await db.segs.toArray()).map((s) => [s.seqs.length, s.nb])).toEqual([[512, 512]]);
    expect(await titles()).toEqual(before);
    expect((await db.postings.toArray()).every((r) => r.b >= BUCKETS + 512)).toBe(true);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });

  it('searches, saves, merges and compactions work across both layouts', async () => {
    const { store, db } = freshStore({ compaction: { fan: 2, base: 64, max: 4096 }, autoMaintain: false });
    const queries = ['巡查', '"港口码头"', '长江 -巡查巡查', 'patrol', '"第70号简报"', '第1'];
    const totals = async () => Promise.all(queries.map(async (q) => (await store.search(q, {}, { limit: 5 })).total));
    await store.saveClips(batch(0, 300)); // a bulk segment: 512 rows
    await store.saveClips(batch(300, MERGE_AT));
    expect((await db.segs.toArray()).map((s) => s.nb)).toEqual([512, 64]);
    const before = await totals();
    await toBucketRows(db);
    expect((await db.segs.toArray()).map((s) => s.nb)).toEqual([undefined, undefined]);
    expect((await db.postings.toArray()).every((r) => r.b < BUCKETS)).toBe(true);
    expect(await totals()).toEqual(before);
    expect((await store.checkConsistency()).problems).toEqual([]);
    // New segments of fewer rows beside the old ones: a merge of single saves, then compactions
    // that read both layouts into one segment.
    for (let i = 0; i < MERGE_AT; i++) await store.saveClips(batch(1000 + i, 1));
    await store.flushIndex();
    // The old 64-document segment and the merged one (64 rows) were compacted into one of 128 documents.
    const segsNow = await db.segs.toArray();
    expect(segsNow.map((s) => [s.seqs.length, s.nb])).toEqual([
      [300, undefined],
      [128, 64],
    ]);
    // The same clips saved the same way in a store that only ever had row levels answer the same.
    const ref = freshStore({ compaction: { fan: 2, base: 64, max: 4096 }, autoMaintain: false });
    await ref.store.saveClips(batch(0, 300));
    await ref.store.saveClips(batch(300, MERGE_AT));
    for (let i = 0; i < MERGE_AT; i++) await ref.store.saveClips(batch(1000 + i, 1));
    await ref.store.flushIndex();
    const want = await Promise.all(queries.map(async (q) => (await ref.store.search(q, {}, { limit: 5 })).hits.map((h) => h.clip.title)));
    const got = await Promise.all(queries.map(async (q) => (await store.search(q, {}, { limit: 5 })).hits.map((h) => h.clip.title)));
    expect(got).toEqual(want);
    const after = await totals();
    expect(after[0]).toBe(before[0]! + MERGE_AT);
    expect(after).toEqual(await Promise.all(queries.map(async (q) => (await ref.store.search(q, {}, { limit: 5 })).total)));
    ref.db.close();
    expect((await store.checkConsistency()).problems).toEqual([]);
    // Rows of merged-away segments are all gone, whatever their layout.
    const listed = new Set(segsNow.map((s) => s.s));
    expect((await db.postings.toArray()).every((r) => listed.has(r.s))).toBe(true);
    expect((await db.positions.toArray()).every((r) => listed.has(r.s))).toBe(true);
    db.close();
  });
});

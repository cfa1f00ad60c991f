// Schema upgrades: v1 (clips only) → v2 (dedupe keys, seq, live flag, search index) → v3 (segment
// postings split into head and positions rows) → v4 (index rows name their clips' ids) → v5 (live
// and trashed clip counts kept in meta). Each runs
// inside the versionchange transaction, so a failure leaves the database at its old version with
// every clip.
import { dictEntries, encodeSplitDict, ROW_NUMBER_END } from './codec';
import { countClipsSlowly, newEpoch, putClipCounts, type PostingRow, type StoredClip, type Tables } from './db';
import { indexClips, nextCounter } from './indexer';
import { clipKeysOf } from './key';

/**
 * Fills the v2 fields of every v1 clip. The index is built by the v3 upgrade that always follows
 * (in the v3 layout, whose table does not exist yet at this step): a `reindex` mark tells it to.
 */
export async function upgradeV1toV2(T: Tables): Promise<void> {
  await T.meta.put({ k: 'epoch', v: newEpoch() });
  const clips = (await T.clips.toArray()) as Partial<StoredClip>[];
  if (clips.length === 0) return;
  const first = await nextCounter(T, 'seq', clips.length);
  await T.clips.bulkPut(clips.map((c, i) => withV2Fields(c, first + i)));
  await T.meta.put({ k: 'reindex', v: 1 });
}

/** Buckets converted per step of the v2 → v3 upgrade (bounds its memory: ~1/64 of the index at a time). */
const SPLIT_STEP = 64;

/**
 * v2 → v3: every v2 segment row (positions inside each posting) becomes a head row and a
 * positions row with the same postings; a database coming from v1 is indexed here instead. Every
 * row number is visited, not only the BUCKETS ones v2 wrote: the tests build v2 databases from
 * today's writer, whose small segments use the higher numbers (codec.ts rowOf).
 */
export async function upgradeV2toV3(T: Tables): Promise<void> {
  if (await T.meta.get('reindex')) {
    await indexClips(T, await T.clips.toArray());
    await T.meta.delete('reindex');
    return;
  }
  for (let b = 0; b < ROW_NUMBER_END; b += SPLIT_STEP) {
    // Keys are [row number, segment], both numbers (the table's key type says [string, number]).
    const lo = [b, -Infinity] as unknown as [string, number];
    const hi = [b + SPLIT_STEP, -Infinity] as unknown as [string, number];
    const rows: PostingRow[] = await T.postings.where('[b+s]').between(lo, hi, true, false).toArray();
    if (rows.length === 0) continue;
    const heads: PostingRow[] = [];
    const positions = rows.map((row) => {
      const { head, pos } = encodeSplitDict(new Map(dictEntries(row)));
      heads.push({ b: row.b, s: row.s, ...head });
      return { b: row.b, s: row.s, ...pos };
    });
    await Promise.all([T.postings.bulkPut(heads), T.positions.bulkPut(positions)]);
  }
}

/**
 * v3 → v4: each segment and pending row gets the clip id of each of its documents, so a search
 * reads its hits by primary key instead of through the seq index. The ids come from a key cursor
 * over the seq index (no clip is read whole); a retired document (no clip) gets ''.
 */
export async function upgradeV3toV4(T: Tables): Promise<void> {
  const idOf = new Map<number, string>();
  await T.clips.orderBy('seq').eachKey((seq, cursor) => {
    idOf.set(seq as number, cursor.primaryKey);
  });
  await T.segs.toCollection().modify((seg) => {
    seg.ids = Array.from(seg.seqs, (q) => idOf.get(q) ?? '');
  });
  await T.pending.toCollection().modify((row) => {
    row.id = idOf.get(row.q) ?? '';
  });
}

/** v4 → v5: the live and trashed clips are counted once; every write keeps the counts from then on. */
export async function upgradeV4toV5(T: Tables): Promise<void> {
  await putClipCounts(T, await countClipsSlowly(T));
}

/** A v1 record with the fields v2 added (and defaults for any the v1 writer may have left out). */
function withV2Fields(c: Partial<StoredClip>, seq: number): StoredClip {
  const base = {
    kind: c.kind ?? 'article',
    kicker: c.kicker ?? null,
    title: c.title ?? '',
    subtitle: c.subtitle ?? null,
    byline: c.byline ?? null,
    dateline: c.dateline ?? null,
    body: c.body ?? [],
    credit: c.credit ?? null,
    truncated: c.truncated ?? false,
    continuedOn: c.continuedOn ?? null,
    url: c.url ?? null,
    paper: c.paper ?? null,
    date: c.date ?? null,
    page: c.page ?? null,
  };
  const keys = clipKeysOf(base);
  const savedAt = c.savedAt ?? Date.now();
  return {
    ...base,
    id: c.id!,
    savedAt,
    updatedAt: c.updatedAt ?? savedAt,
    tags: c.tags ?? [],
    note: c.note ?? '',
    key: c.key ?? keys[0] ?? 't:empty',
    keys: c.key && !keys.includes(c.key) ? [...keys, c.key] : keys,
    deletedAt: c.deletedAt ?? null,
    seq,
    live: c.deletedAt ? 0 : 1,
  };
}

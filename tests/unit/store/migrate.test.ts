// Schema migration: a database built by hand at version 1 (clips only) opens as the current ClipDB
// with every clip kept, dedupe keys and the search index built; a version 2 database (segment
// postings with their positions inline) has each segment row split into a head row and a positions
// row; a version 3 database (index rows without clip ids) has every segment and pending row name its
// ids; a version 4 database (no kept clip counts) has its live and trashed clips counted.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ClipDB, createStore, DB_VERSION, SCHEMA_V1, SCHEMA_V2 } from '../../../lib/store';
import { COUNT_KEYS, SCHEMA_V3, SCHEMA_V4 } from '../../../lib/store/db';
import { encodeDict, splitEntries } from '../../../lib/store/codec';
import type { PositionRow, PostingRow } from '../../../lib/store/db';
import { MERGE_AT } from '../../../lib/store/indexer';
import { article, freshStore } from './helpers';

/** What the first release wrote: the Clip fields, no seq/live/keys, no index tables. */
function v1Record(i: number, extra: Record<string, unknown> = {}) {
  return {
    id: `old-${i}`,
    kind: 'article',
    kicker: null,
    title: `旧版剪报${i}`,
    subtitle: null,
    byline: '记者 王五',
    dateline: '本报讯',
    body: [{ type: 'paragraph', text: `第${i}篇旧版剪报的正文，谈到了城市繁榮。` }],
    credit: null,
    truncated: false,
    continuedOn: null,
    url: `https://paper.example/old/${i}.htm`,
    paper: '江城日报',
    date: `2023-01-${String(i + 1).padStart(2, '0')}`,
    page: 'A02',
    savedAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + i,
    tags: i === 0 ? ['旧'] : [],
    note: i === 0 ? '第一条' : '',
    key: `legacy-key-${i}`,
    deletedAt: null,
    ...extra,
  };
}

describe('migration v1 → current', () => {
  it('keeps all data and builds keys and the index', async () => {
    expect(DB_VERSION).toBe(5);
    const name = `migrate-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    const records = [...Array.from({ length: 70 }, (_, i) => v1Record(i)), v1Record(70, { deletedAt: 1_700_000_100_000 })];
    await old.table('clips').bulkAdd(records);
    old.close();

    const db = new ClipDB(name);
    const store = createStore(db, { persist: async () => true });
    const env = await store.exportAll();
    expect(env.clips).toHaveLength(71);
    // Every v1 field survives unchanged.
    const byId = new Map(env.clips.map((c) => [c.id, c]));
    for (const r of records) expect(byId.get(r.id)).toEqual(r);
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.meta.get('reindex')).toBeUndefined();
    expect((await store.search('旧版剪报', {}, { limit: 100 })).total).toBe(70);
    // The clip counts were taken by the v5 step (70 live, 1 in the trash).
    expect([await store.countClips(false), await store.countClips(true)]).toEqual([70, 1]);
    expect((await store.search('繁荣', { trash: true })).total).toBe(1);
    expect((await store.search('王五')).total).toBe(70);
    expect((await store.checkConsistency()).problems).toEqual([]);
    // Dedupe works on migrated clips, old key included.
    const again = await store.saveClips([{ ...records[3]!, kind: 'article', body: [{ type: 'paragraph', text: '更新后的正文。' }] } as never]);
    expect(again.results[0]).toEqual({ id: 'old-3', status: 'updated' });
    db.close();
  });

  it('an empty v1 database upgrades cleanly', async () => {
    const name = `migrate-empty-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    old.close();
    const store = createStore(new ClipDB(name), { persist: async () => true });
    expect((await store.stats()).clips).toBe(0);
    expect((await store.checkConsistency()).ok).toBe(true);
  });
});

/** A segment or pending row as v3 and earlier wrote it: no clip ids. */
function withoutIds<R>(row: R): R {
  const { ids: _ids, id: _id, ...rest } = row as R & { ids?: unknown; id?: unknown };
  return ('seqs' in rest || 'q' in rest ? rest : row) as R;
}

describe('migration v2 → v3', () => {
  it('splits every segment row into head and positions rows, byte for byte what v3 writes', async () => {
    // Build the index with today's code, then write its v2 form (each bucket's lists combined)
    // into a database at version 2, as the previous release left it.
    const src = freshStore();
    const texts = Array.from({ length: MERGE_AT * 2 + 5 }, (_, i) =>
      article(`港区第${i}号泊位改造完工`, [`第${i}号泊位昨天通过验收，吞吐能力提高${i + 3}成。`, i % 3 ? '码头工人说，新泊位用上了岸电。' : 'Dockers said the new berth runs on shore power.'], {
        paper: i % 2 ? '江城日报' : '海港晚报',
        date: `2024-05-${String((i % 28) + 1).padStart(2, '0')}`,
      }),
    );
    // Two segments (one save of MERGE_AT each), then a few pending documents.
    for (let i = 0; i < texts.length; i += MERGE_AT) await src.store.saveClips(texts.slice(i, i + MERGE_AT));
    const heads = await src.db.postings.toArray();
    const positions = await src.db.positions.toArray();
    expect(await src.db.segs.count()).toBeGreaterThan(1);
    expect(await src.db.pending.count()).toBeGreaterThan(0);
    const posOf = new Map(positions.map((p) => [`${p.b}/${p.s}`, p]));
    const v2rows = heads.map((h) => ({ b: h.b, s: h.s, ...encodeDict(new Map(splitEntries(h, posOf.get(`${h.b}/${h.s}`)!))) }));
    const tables = Object.fromEntries(await Promise.all(['clips', 'segs', 'pending', 'dead', 'meta'].map(async (t) => [t, await src.db.table(t).toArray()] as const)));
    src.db.close();

    const name = `migrate-v2-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.open();
    await old.table('postings').bulkAdd(v2rows);
    // v2 rows named no clip ids (v4 added them).
    for (const [t, rows] of Object.entries(tables)) await old.table(t).bulkAdd(rows.map(withoutIds));
    old.close();

    const db = new ClipDB(name);
    const store = createStore(db, { persist: async () => true });
    expect((await store.stats()).clips).toBe(texts.length);
    expect(db.verno).toBe(DB_VERSION);
    const key = (r: PostingRow | PositionRow) => `${r.b}/${r.s}`;
    const sorted = <T extends PostingRow | PositionRow>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(await db.postings.toArray())).toEqual(sorted(heads));
    expect(sorted(await db.positions.toArray())).toEqual(sorted(positions));
    expect((await store.checkConsistency()).problems).toEqual([]);
    // Ranking (heads only), phrases and English words (positions) answer from the upgraded rows.
    expect((await store.search('泊位', {}, { limit: 1000 })).total).toBe(texts.length);
    expect((await store.search('"第7号泊位"')).hits.map((h) => h.clip.title)).toEqual(['港区第7号泊位改造完工']);
    expect((await store.search('"shore power"', {}, { limit: 1000 })).total).toBe(texts.filter((_, i) => i % 3 === 0).length);
    expect((await store.search('岸电 -shore', {}, { limit: 1000 })).total).toBe(texts.filter((_, i) => i % 3 !== 0).length);
    db.close();
  });
});

describe('migration v3 → v4', () => {
  it('names the clip of every document in segment and pending rows; searches read hits by id', async () => {
    const src = freshStore();
    const texts = Array.from({ length: MERGE_AT + 7 }, (_, i) => article(`渡口第${i}号码头改造`, [`第${i}号码头今天完工，渡轮班次增加${i + 2}班。`]));
    await src.store.saveClips(texts.slice(0, MERGE_AT)); // a segment
    await src.store.saveClips(texts.slice(MERGE_AT)); // pending documents
    // One clip re-indexed (its old document retired) and one purged: rows keep documents without a clip.
    const all = (await src.store.listRecent({ limit: 1000 })).clips;
    await src.store.updateClip(all[3]!.id, { title: '渡口第三码头改名' });
    await src.store.deleteClip(all[5]!.id);
    await src.store.emptyTrash();
    const segs = await src.db.segs.toArray();
    const pending = await src.db.pending.toArray();
    expect(segs.length).toBeGreaterThan(0);
    expect(pending.length).toBeGreaterThan(0);
    const clipBySeq = new Map((await src.db.clips.toArray()).map((c) => [c.seq, c.id]));
    const tables = Object.fromEntries(await Promise.all(['clips', 'postings', 'positions', 'segs', 'pending', 'dead', 'meta'].map(async (t) => [t, await src.db.table(t).toArray()] as const)));
    src.db.close();

    const name = `migrate-v3-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.open();
    for (const [t, rows] of Object.entries(tables)) await old.table(t).bulkAdd(rows.map(withoutIds));
    expect((await old.table('segs').toArray()).every((r) => r.ids === undefined)).toBe(true);
    old.close();

    const db = new ClipDB(name);
    const store = createStore(db, { persist: async () => true });
    expect((await store.stats()).clips).toBe(texts.length - 1);
    expect(db.verno).toBe(DB_VERSION);
    for (const seg of await db.segs.toArray()) expect(seg.ids).toEqual(Array.from(seg.seqs, (q) => clipBySeq.get(q) ?? ''));
    for (const row of await db.pending.toArray()) expect(row.id).toBe(clipBySeq.get(row.q) ?? '');
    // Rows equal what v4 writes, so the consistency check (which compares ids too) passes.
    expect((await store.checkConsistency()).problems).toEqual([]);
    expect((await store.search('码头', {}, { limit: 1000 })).total).toBe(texts.length - 1);
    expect((await store.search('"第9号码头"')).hits.map((h) => h.clip.title)).toEqual(['渡口第9号码头改造']);
    expect((await store.search('改名')).hits.map((h) => h.clip.id)).toEqual([all[3]!.id]);
    db.close();
  });
});

describe('migration v4 → v5', () => {
  it('counts the live and trashed clips once; writes keep the counts from then on', async () => {
    const src = freshStore();
    const texts = Array.from({ length: 12 }, (_, i) => article(`船厂第${i}号船台下水`, [`第${i}号船台今天下水一艘货轮。`]));
    const saved = await src.store.saveClips(texts);
    const ids = saved.results.map((r) => r.id);
    await src.store.deleteClip(ids[0]!);
    await src.store.deleteClip(ids[1]!);
    await src.store.deleteClip(ids[2]!);
    await src.store.restoreClip(ids[2]!);
    // The database as v4 left it: the same rows, no count rows in meta.
    const tables = Object.fromEntries(await Promise.all(['clips', 'postings', 'positions', 'segs', 'pending', 'dead', 'meta'].map(async (t) => [t, await src.db.table(t).toArray()] as const)));
    src.db.close();
    tables.meta = tables.meta!.filter((r) => r.k !== COUNT_KEYS.live && r.k !== COUNT_KEYS.trash);

    const name = `migrate-v4-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    await old.open();
    for (const [t, rows] of Object.entries(tables)) await old.table(t).bulkAdd(rows);
    old.close();

    const db = new ClipDB(name);
    const store = createStore(db, { persist: async () => true });
    expect([await store.countClips(false), await store.countClips(true)]).toEqual([10, 2]);
    expect(db.verno).toBe(5);
    expect((await db.meta.bulkGet([COUNT_KEYS.live, COUNT_KEYS.trash])).map((r) => r?.v)).toEqual([10, 2]);
    expect((await store.checkConsistency()).problems).toEqual([]);
    await store.emptyTrash();
    expect([await store.countClips(false), await store.countClips(true)]).toEqual([10, 0]);
    expect((await store.checkConsistency()).problems).toEqual([]);
    db.close();
  });
});

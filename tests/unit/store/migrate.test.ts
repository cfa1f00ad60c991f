// Schema migration: a database built by hand at version 1 (clips only) opens as ClipDB v2 with
// every clip kept, dedupe keys and the search index built.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ClipDB, createStore, DB_VERSION, SCHEMA_V1 } from '../../../lib/store';

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

describe('migration v1 → v2', () => {
  it('keeps all data and builds keys and the index', async () => {
    expect(DB_VERSION).toBe(2);
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
    expect(db.verno).toBe(2);
    expect((await store.search('旧版剪报', {}, { limit: 100 })).total).toBe(70);
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

// The live and trashed clip counts kept in meta (db.ts clipCounts): every write path moves them in its
// own transaction, countClips reads them without walking the clips, and the consistency check
// compares them with the clips.
import { describe, expect, it, vi } from 'vitest';
import { COUNT_KEYS } from '../../../lib/store/db';
import { MERGE_AT } from '../../../lib/store/indexer';
import { TRASH_DAYS } from '../../../lib/store';
import { article, freshStore } from './helpers';

type Fresh = ReturnType<typeof freshStore>;

async function counts({ store }: Fresh): Promise<[number, number]> {
  return [await store.countClips(false), await store.countClips(true)];
}

/** The kept counts equal the clips, and the whole index is consistent. */
async function expectCounts(s: Fresh, live: number, trash: number): Promise<void> {
  expect(await counts(s)).toEqual([live, trash]);
  const all = await s.db.clips.toArray();
  expect([all.filter((c) => c.live === 1).length, all.filter((c) => c.live === 0).length]).toEqual([live, trash]);
  expect((await s.store.checkConsistency()).problems).toEqual([]);
}

const paper = (i: number, extra = '') => article(`纺织厂第${i}车间${extra}`, [`第${i}车间今年产量创新高。${extra}`]);

describe('kept clip counts', () => {
  it('a new database starts with both counts at 0', async () => {
    const s = freshStore();
    expect(await counts(s)).toEqual([0, 0]);
    expect((await s.db.meta.bulkGet([COUNT_KEYS.live, COUNT_KEYS.trash])).map((r) => r?.v)).toEqual([0, 0]);
  });

  it('follow saves, dedupe updates, trash, restore, a save that revives a trashed clip, purges', async () => {
    const s = freshStore();
    const ids = (await s.store.saveClips([paper(1), paper(2), paper(3)])).results.map((r) => r.id);
    await expectCounts(s, 3, 0);
    // The same article again is an update, not a new clip.
    expect((await s.store.saveClips([paper(2)])).results[0]!.status).toBe('updated');
    await expectCounts(s, 3, 0);
    await s.store.deleteClip(ids[0]!);
    await s.store.deleteClip(ids[0]!); // already in the trash: nothing moves
    await expectCounts(s, 2, 1);
    // Saving a trashed article again brings it back.
    expect((await s.store.saveClips([paper(1)])).results[0]).toEqual({ id: ids[0], status: 'updated' });
    await expectCounts(s, 3, 0);
    await s.store.deleteClip(ids[1]!);
    await s.store.deleteClip(ids[2]!);
    await s.store.restoreClip(ids[2]!);
    await s.store.restoreClip(ids[2]!); // already live
    await expectCounts(s, 2, 1);
    await s.store.updateClip(ids[1]!, { note: '待查' }); // an edit in the trash stays there
    await expectCounts(s, 2, 1);
    expect(await s.store.emptyTrash()).toBe(1);
    await expectCounts(s, 2, 0);
    expect(await s.store.emptyTrash()).toBe(0);
    await expectCounts(s, 2, 0);
  });

  it('follow expired-trash purges and bulk saves (segment path)', async () => {
    const s = freshStore();
    const ids = (await s.store.saveClips(Array.from({ length: MERGE_AT + 3 }, (_, i) => paper(i)))).results.map((r) => r.id);
    await expectCounts(s, MERGE_AT + 3, 0);
    await s.store.deleteClip(ids[0]!);
    s.clock.t += 10 * 24 * 3600 * 1000;
    await s.store.deleteClip(ids[1]!);
    s.clock.t += (TRASH_DAYS - 5) * 24 * 3600 * 1000;
    expect(await s.store.purgeExpiredTrash()).toBe(1); // only the first is older than TRASH_DAYS
    await expectCounts(s, MERGE_AT + 1, 1);
  });

  it('follow imports: added live and trashed clips, an update that moves a clip to the trash', async () => {
    const a = freshStore();
    const ids = (await a.store.saveClips([paper(1), paper(2), paper(3)])).results.map((r) => r.id);
    await a.store.deleteClip(ids[0]!);
    const env = await a.store.exportAll();

    let n = 0;
    const b = freshStore({ newId: () => `b-${++n}` });
    await b.store.saveClips([paper(9)]);
    const report = await b.store.importAll(env);
    expect(report).toMatchObject({ added: 3, updated: 0 });
    await expectCounts(b, 3, 1);
    // A newer export in which clip 2 was edited, then deleted: the import updates it into the trash.
    await a.store.updateClip(ids[1]!, { note: '已核对' });
    await a.store.deleteClip(ids[1]!);
    const newer = await a.store.exportAll();
    expect(await b.store.importAll(newer)).toMatchObject({ added: 0, updated: 1 });
    await expectCounts(b, 2, 2);
  });

  it('countClips reads the kept counts, not the clips', async () => {
    const s = freshStore();
    await s.store.saveClips([paper(1), paper(2)]);
    const count = vi.spyOn(s.db.clips, 'count');
    const where = vi.spyOn(s.db.clips, 'where');
    expect(await counts(s)).toEqual([2, 0]);
    expect(count).not.toHaveBeenCalled();
    expect(where).not.toHaveBeenCalled();
  });

  it('a database missing its count rows is counted on read; the next write keeps the rows', async () => {
    const s = freshStore();
    const ids = (await s.store.saveClips([paper(1), paper(2), paper(3)])).results.map((r) => r.id);
    await s.store.deleteClip(ids[0]!);
    await s.db.meta.bulkDelete([COUNT_KEYS.live, COUNT_KEYS.trash]);
    expect(await counts(s)).toEqual([2, 1]);
    await s.store.saveClips([paper(4)]);
    expect((await s.db.meta.bulkGet([COUNT_KEYS.live, COUNT_KEYS.trash])).map((r) => r?.v)).toEqual([3, 1]);
    await expectCounts(s, 3, 1);
  });

  it('the consistency check reports counts that disagree with the clips', async () => {
    const s = freshStore();
    await s.store.saveClips([paper(1), paper(2)]);
    await s.db.meta.put({ k: COUNT_KEYS.live, v: 5 });
    const report = await s.store.checkConsistency();
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('kept live clip count 5 ≠ 2 live clips');
  });
});

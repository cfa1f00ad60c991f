// The newest-first list: pages near the top come from an index cursor, deeper ones (DEEP_LIST on)
// from the order computed over the index columns. Both must give exactly the clips' index order
// (savedAt descending, then id descending), whatever happened to the clips.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEEP_LIST } from '../../../lib/store/store';
import { recentOrder } from '../../../lib/store/search';
import type { ClipDB } from '../../../lib/store/db';
import { article, freshStore } from './helpers';

/** Every live (or trashed) clip id in the [live+savedAt] index read backwards: the reference order. */
async function indexOrder(db: ClipDB, trash: boolean): Promise<string[]> {
  const live = trash ? 0 : 1;
  return (await db.clips.where('[live+savedAt]').between([live, Dexie.minKey], [live, Dexie.maxKey]).reverse().primaryKeys()) as string[];
}

const clip = (i: number) => article(`第${i}号快讯`, [`快讯${i}：今日${i % 7 === 0 ? '港口' : '农田'}情况。`]);

describe('listPage', () => {
  it('gives the index order at every offset, near the top and deep, through bulk saves (equal savedAt), edits, trash and purges', async () => {
    const { store, db } = freshStore();
    // Bulk batches share one savedAt (ties broken by id), single saves each have their own.
    for (let b = 0; b < 3; b++) await store.saveClips(Array.from({ length: 90 }, (_, k) => clip(b * 90 + k)));
    const singles: string[] = [];
    for (let i = 270; i < 300; i++) singles.push((await store.saveClips([clip(i)])).results[0]!.id);
    const ids = await indexOrder(db, false);
    expect(ids).toHaveLength(300);
    // Edits re-index (new seq, same savedAt); deletes move to the trash; a purge leaves dead documents.
    for (const k of [3, 150, 299]) await store.updateClip(ids[k]!, { title: `更正${k}` });
    for (const k of [0, 10, 220, 250, 251]) await store.deleteClip(ids[k]!);
    await store.emptyTrash();
    for (const k of [5, 205, 260, 280]) await store.deleteClip(ids[k]!);
    await store.updateClip(singles[4]!, { note: 'a note: not indexed' });

    const check = async () => {
      const want = await indexOrder(db, false);
      for (const offset of [0, 1, DEEP_LIST - 7, DEEP_LIST - 1, DEEP_LIST, DEEP_LIST + 1, DEEP_LIST + 33, want.length - 4, want.length + 10]) {
        const got = (await store.listPage(offset, 10)).map((c) => c.id);
        expect(got, `offset ${offset}`).toEqual(want.slice(offset, offset + 10));
      }
      // The whole order, from the columns, equals the index for the live list and the trash.
      for (const trash of [false, true]) {
        const order = await recentOrder(db, trash);
        expect(Array.from(order.seqs, (q) => order.ids[q]), `trash ${trash}`).toEqual(await indexOrder(db, trash));
      }
      const deep = await store.listRecent({ offset: DEEP_LIST + 2, limit: 5 });
      expect(deep.total).toBe(want.length);
      expect(deep.clips.map((c) => c.id)).toEqual(want.slice(DEEP_LIST + 2, DEEP_LIST + 7));
    };
    await check();
    // Restored clips go back to their place; after maintenance (merges, compactions) nothing moves.
    await store.restoreClip(ids[205]!);
    await check();
    await store.flushIndex();
    await check();
    db.close();
  });
});

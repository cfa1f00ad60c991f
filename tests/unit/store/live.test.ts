// Reads that follow writes. The store's reads work inside Dexie's liveQuery (the reading view's clip,
// the counts): results must follow every write, including after the index caches have been filled.
// The side panel's lists re-read on store.onClipsChanged instead: it must report every write a user
// can see, from this store or another connection, and nothing else.
import { liveQuery, type Observable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ClipDB, createStore } from '../../../lib/store';
import { MERGE_AT } from '../../../lib/store/indexer';
import { article, freshStore } from './helpers';

function nextValues<T>(observable: Observable<T>) {
  const values: T[] = [];
  const waiters: (() => void)[] = [];
  const sub = observable.subscribe({
    next: (v) => {
      values.push(v);
      waiters.splice(0).forEach((w) => w());
    },
    error: (e) => {
      throw e;
    },
  });
  const until = async (pred: (v: T) => boolean) => {
    for (let i = 0; i < 50; i++) {
      const last = values.at(-1);
      if (last !== undefined && pred(last)) return last;
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
    throw new Error(`no matching value; last: ${JSON.stringify(values.at(-1))}`);
  };
  return { until, stop: () => sub.unsubscribe() };
}

describe('live queries', () => {
  it('search and listRecent re-run after saves, edits, trash and merges', async () => {
    const { store } = freshStore();
    const search = nextValues(liveQuery(() => store.search('港口')));
    const list = nextValues(liveQuery(() => store.listRecent({ limit: 5 })));
    await search.until((r) => r.total === 0);
    const { results } = await store.saveClips([article('港口新闻', ['港口正文。'])]);
    await search.until((r) => r.total === 1);
    await list.until((r) => r.total === 1);
    await store.saveClips(Array.from({ length: 70 }, (_, i) => article(`港口第${i}条`, [`第${i}条港口简讯。`])));
    await search.until((r) => r.total === 71);
    await store.updateClip(results[0]!.id, { title: '机场新闻', body: [{ type: 'paragraph', text: '机场正文。' }] });
    const after = await search.until((r) => r.total === 70);
    expect(after.hits.every((h) => h.clip.title.includes('港口'))).toBe(true);
    await store.deleteClip(results[0]!.id);
    await list.until((r) => r.total === 70);
    search.stop();
    list.stop();
  });

  it('a search asked while the index columns are being read waits for them and stays live', async () => {
    const { store } = freshStore();
    await store.saveClips([article('渔港新闻', ['渔港正文。'])]);
    const warm = store.warmSearch();
    expect(store.warmSearch()).toBe(warm); // one read at a time
    const search = nextValues(liveQuery(() => store.search('渔港')));
    await search.until((r) => r.total === 1);
    await warm;
    await store.saveClips([article('渔港快讯', ['渔港又到一批鱼。'])]);
    await search.until((r) => r.total === 2);
    // A search started while a warm-up runs, outside any live query.
    void store.warmSearch();
    expect((await store.search('渔港')).total).toBe(2);
    search.stop();
  });
});

describe('onClipsChanged', () => {
  /** Calls counted per step; the event fires once the writing transaction has committed. */
  function counter(store: ReturnType<typeof freshStore>['store']) {
    let calls = 0;
    const stop = store.onClipsChanged(() => calls++);
    return {
      stop,
      /** Calls made by `op` (a macrotask after it, so an event fired on its commit is counted). */
      async during(op: () => Promise<unknown>): Promise<number> {
        const before = calls;
        await op();
        await new Promise((r) => setTimeout(r, 0));
        return calls - before;
      },
    };
  }

  it('reports every change to the clips: save, edit, trash, restore, purge, import', async () => {
    const { store } = freshStore({ autoMaintain: false });
    const changes = counter(store);
    let id = '';
    expect(await changes.during(async () => (id = (await store.saveClips([article('港口新闻', ['港口正文。'])])).results[0]!.id))).toBeGreaterThan(0);
    expect(await changes.during(() => store.updateClip(id, { tags: ['港口'] }))).toBeGreaterThan(0);
    expect(await changes.during(() => store.updateClip(id, { title: '机场新闻' }))).toBeGreaterThan(0);
    expect(await changes.during(() => store.deleteClip(id))).toBeGreaterThan(0);
    expect(await changes.during(() => store.restoreClip(id))).toBeGreaterThan(0);
    await store.deleteClip(id);
    expect(await changes.during(() => store.emptyTrash())).toBeGreaterThan(0);
    const other = freshStore().store;
    await other.saveClips([article('机场新闻', ['机场正文。'])]);
    const exported: unknown = JSON.parse(await other.exportJson());
    expect(await changes.during(() => store.importAll(exported))).toBeGreaterThan(0);
    changes.stop();
  });

  it('stays quiet for reads and for index maintenance, and after unsubscribing', async () => {
    const { store } = freshStore({ autoMaintain: false });
    await store.saveClips(Array.from({ length: MERGE_AT }, (_, i) => article(`港口第${i}条`, [`第${i}条港口简讯。`])).slice(0, MERGE_AT - 1));
    await store.saveClips([article('港口最后一条', ['凑满一次合并。'])]);
    const changes = counter(store);
    // The pending documents are merged into a segment: index rows only, no answer changes.
    expect(await changes.during(() => store.flushIndex())).toBe(0);
    expect(await changes.during(() => store.search('港口'))).toBe(0);
    expect(await changes.during(() => store.listRecent({ limit: 5 }))).toBe(0);
    changes.stop();
    expect(await changes.during(() => store.saveClips([article('退订之后', ['不再通知。'])]))).toBe(0);
  });

  it('hears writes made through another connection to the same database, not to other databases', async () => {
    const { store, name } = freshStore({ autoMaintain: false });
    const changes = counter(store);
    // Another context of the extension (the worker saving from a tab's overlay) has its own connection.
    const elsewhere = createStore(new ClipDB(name), { autoMaintain: false, persist: async () => false });
    expect(await changes.during(() => elsewhere.saveClips([article('后台保存', ['从标签页保存。'])]))).toBeGreaterThan(0);
    const unrelated = freshStore({ autoMaintain: false }).store;
    expect(await changes.during(() => unrelated.saveClips([article('别的库', ['不相干。'])]))).toBe(0);
    changes.stop();
  });
});

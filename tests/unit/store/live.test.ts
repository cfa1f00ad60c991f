// The side panel runs search/listRecent inside useLiveQuery (Dexie liveQuery): results must
// follow every write, including after the index caches have been filled.
import { liveQuery, type Observable } from 'dexie';
import { describe, expect, it } from 'vitest';
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

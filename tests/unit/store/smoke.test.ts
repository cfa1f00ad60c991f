import { describe, expect, it } from 'vitest';
import { article, freshStore } from './helpers';

describe('smoke', () => {
  it('saves and finds', async () => {
    const { store } = freshStore();
    const r = await store.saveClips([article('城市报纸发行', ['今天的報紙讲述了默想的故事。', 'Hello World from 5G网络'])]);
    expect(r.results[0]!.status).toBe('added');
    const s = await store.search('报纸');
    console.log(JSON.stringify(s, null, 1).slice(0, 1500));
    expect(s.total).toBe(1);
    expect((await store.search('默认')).total).toBe(0);
    expect((await store.search('默想')).total).toBe(1);
    expect((await store.checkConsistency()).problems).toEqual([]);
  });
});

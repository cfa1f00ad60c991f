// Saving: dedupe rules, updates, trash and its 30-day purge, index consistency, concurrency.
import { describe, expect, it } from 'vitest';
import { clipKeyOf, clipKeysOf, StoreError, TRASH_DAYS } from '../../../lib/store';
import { MERGE_AT } from '../../../lib/store/indexer';
import { article, freshStore } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const river = () =>
  article('沿江堤防加固工程全面开工', ['市水利局昨天宣布，沿江堤防加固工程全面开工。', '工程计划明年汛期前完成。'], {
    url: 'https://paper.example/html/2024-03/02/content_7.htm',
    paper: '江城日报',
    date: '2024-03-02',
    page: 'A01 头版',
  });

describe('dedupe keys', () => {
  it('derives URL+title, paper/date/title and text keys', () => {
    const keys = clipKeysOf(river());
    expect(keys.map((k) => k.slice(0, 2))).toEqual(['u:', 'p:', 't:']);
    expect(clipKeyOf(river())).toBe(keys[0]);
    const bare = article('标题', ['正文。']);
    expect(clipKeysOf(bare).map((k) => k.slice(0, 2))).toEqual(['t:']);
  });

  it('ignores punctuation, spacing and 繁/简 in the text key', () => {
    const a = clipKeysOf(article('报纸发行', ['今天，报纸照常发行。']));
    const b = clipKeysOf(article('報紙發行', ['今天 報紙照常發行!']));
    expect(a.at(-1)).toBe(b.at(-1));
    expect(clipKeysOf(article('报纸发行', ['明天报纸照常发行。'])).at(-1)).not.toBe(a.at(-1));
  });
});

describe('saveClips dedupe', () => {
  it('same URL + title → one clip, updated', async () => {
    const { store } = freshStore();
    const first = await store.saveClips([river()]);
    const edited = { ...river(), body: [{ type: 'paragraph' as const, text: '更正：工程计划后年完成。' }], date: null, paper: null };
    const second = await store.saveClips([edited]);
    expect(second.results[0]).toEqual({ id: first.results[0]!.id, status: 'updated' });
    const list = await store.listRecent();
    expect(list.total).toBe(1);
    expect(list.clips[0]!.body[0]!.text).toBe('更正：工程计划后年完成。');
    // Metadata the new save did not know is kept.
    expect(list.clips[0]!.paper).toBe('江城日报');
    expect((await store.search('后年')).total).toBe(1);
    expect((await store.search('明年汛期')).total).toBe(0);
    expect((await store.checkConsistency()).problems).toEqual([]);
  });

  it('same paper/date/title from another URL → one clip', async () => {
    const { store } = freshStore();
    await store.saveClips([river()]);
    const r = await store.saveClips([{ ...river(), url: 'https://mirror.example/a.html', body: [{ type: 'paragraph', text: '另一个版本的正文。' }] }]);
    expect(r.results[0]!.status).toBe('updated');
    expect((await store.listRecent()).total).toBe(1);
  });

  it('same normalised text without URL or paper → one clip', async () => {
    const { store } = freshStore();
    await store.saveClips([article('报纸发行', ['今天，报纸照常发行。'])]);
    const r = await store.saveClips([article('報紙發行', ['今天 報紙照常發行!'])]);
    expect(r.results[0]!.status).toBe('updated');
    expect((await store.listRecent()).total).toBe(1);
  });

  it('different articles stay apart, also inside one batch with a repeat', async () => {
    const { store } = freshStore();
    const r = await store.saveClips([river(), article('另一篇', ['不同的正文。']), river()]);
    expect(r.results.map((x) => x.status)).toEqual(['added', 'added', 'updated']);
    expect(r.results[2]!.id).toBe(r.results[0]!.id);
    expect((await store.listRecent()).total).toBe(2);
    expect((await store.checkConsistency()).problems).toEqual([]);
  });

  it('merges tags and keeps the note when saved again', async () => {
    const { store } = freshStore();
    const { results } = await store.saveClips([{ ...river(), tags: ['水利'], note: '要读' }]);
    await store.saveClips([{ ...river(), tags: ['工程'] }]);
    const c = await store.getClip(results[0]!.id);
    expect(c?.tags).toEqual(['水利', '工程']);
    expect(c?.note).toBe('要读');
  });

  it('saving a trashed article again brings it back', async () => {
    const { store } = freshStore();
    const { results } = await store.saveClips([river()]);
    await store.deleteClip(results[0]!.id);
    await store.saveClips([river()]);
    expect((await store.getClip(results[0]!.id))?.deletedAt).toBeNull();
    expect((await store.listRecent({}, { trash: true })).total).toBe(0);
  });

  it('rejects malformed input with a StoreError before writing', async () => {
    const { store } = freshStore();
    const bad = { ...river(), body: 'not a list' } as unknown as ReturnType<typeof river>;
    await expect(store.saveClips([river(), bad])).rejects.toMatchObject({ name: 'StoreError', code: 'invalid' });
    expect((await store.listRecent()).total).toBe(0);
  });
});

describe('deferred merge', () => {
  it('single saves leave the due merge to a later transaction; flushIndex completes it', async () => {
    const { store, db } = freshStore();
    await store.saveClips(Array.from({ length: MERGE_AT - 1 }, (_, i) => article(`预备${i}`, [`第${i}篇。`])).slice(0, MERGE_AT - 2));
    // MERGE_AT - 2 in one batch stays pending; two more single saves make the merge due.
    expect(await db.pending.count()).toBe(MERGE_AT - 2);
    await store.saveClips([article('第一单篇', ['单篇正文。'])]);
    await store.saveClips([article('第二单篇', ['单篇正文二。'])]);
    await store.flushIndex();
    expect(await db.pending.count()).toBe(0);
    expect(await db.segs.count()).toBe(1);
    expect((await store.search('单篇')).total).toBe(2);
    expect((await store.checkConsistency()).problems).toEqual([]);
  });
});

describe('savedOnPage', () => {
  it('lists the dedupe keys of live clips saved from a URL', async () => {
    const { store } = freshStore();
    const other = article('同版另一篇', ['另一篇正文。'], { url: river().url });
    const { results } = await store.saveClips([river(), other, article('别处', ['别处正文。'], { url: 'https://elsewhere.example/' })]);
    const saved = await store.savedOnPage(river().url!);
    expect(saved.count).toBe(2);
    expect(saved.keys).toContain(clipKeyOf(river()));
    expect(saved.keys).toContain(clipKeyOf(other));
    await store.deleteClip(results[1]!.id);
    expect((await store.savedOnPage(river().url!)).count).toBe(1);
    expect(await store.savedOnPage('https://nothing.example/')).toEqual({ keys: [], count: 0 });
  });
});

describe('updateClip', () => {
  it('re-indexes edited text; tags and note need no re-index', async () => {
    const { store } = freshStore();
    const { results } = await store.saveClips([river()]);
    const id = results[0]!.id;
    await store.updateClip(id, { tags: ['防汛'], note: '备注' });
    expect((await store.search('堤防', { tag: '防汛' })).total).toBe(1);
    const updated = await store.updateClip(id, { title: '防洪大堤动工', body: [{ type: 'paragraph', text: '大堤今天动工。' }] });
    expect(updated.title).toBe('防洪大堤动工');
    expect((await store.search('堤防')).total).toBe(0);
    expect((await store.search('大堤')).total).toBe(1);
    expect((await store.checkConsistency()).problems).toEqual([]);
    await expect(store.updateClip('missing', { note: 'x' })).rejects.toBeInstanceOf(StoreError);
    const kept = await store.updateClip(id, { title: undefined, note: '新备注' });
    expect(kept.title).toBe('防洪大堤动工');
  });
});

describe('trash', () => {
  it('delete → hidden from search and list, shown in the trash; restore brings it back', async () => {
    const { store } = freshStore();
    const { results } = await store.saveClips([river(), article('另一篇', ['不同的正文。'])]);
    const id = results[0]!.id;
    await store.deleteClip(id);
    expect((await store.search('堤防')).total).toBe(0);
    expect((await store.search('堤防', { trash: true })).total).toBe(1);
    expect((await store.listRecent()).clips.map((c) => c.id)).toEqual([results[1]!.id]);
    expect((await store.listRecent({}, { trash: true })).clips.map((c) => c.id)).toEqual([id]);
    expect((await store.stats()).trash).toBe(1);
    await store.restoreClip(id);
    expect((await store.search('堤防')).total).toBe(1);
    expect((await store.checkConsistency()).problems).toEqual([]);
  });

  it('emptyTrash deletes for good and keeps the index consistent', async () => {
    const { store } = freshStore();
    const { results } = await store.saveClips([river(), article('另一篇', ['不同的正文。'])]);
    await store.deleteClip(results[0]!.id);
    expect(await store.emptyTrash()).toBe(1);
    expect(await store.getClip(results[0]!.id)).toBeUndefined();
    expect((await store.search('堤防', { trash: true })).total).toBe(0);
    expect((await store.search('正文')).total).toBe(1);
    expect((await store.checkConsistency()).problems).toEqual([]);
  });

  it(`purgeExpiredTrash removes clips trashed ${TRASH_DAYS}+ days ago only`, async () => {
    const { store, clock } = freshStore();
    const { results } = await store.saveClips([river(), article('另一篇', ['不同的正文。'])]);
    const t0 = clock.t;
    await store.deleteClip(results[0]!.id);
    clock.t = t0 + 10 * DAY;
    await store.deleteClip(results[1]!.id);
    expect(await store.purgeExpiredTrash(t0 + (TRASH_DAYS - 1) * DAY)).toBe(0);
    expect(await store.purgeExpiredTrash(t0 + (TRASH_DAYS + 1) * DAY)).toBe(1);
    expect(await store.getClip(results[0]!.id)).toBeUndefined();
    expect(await store.getClip(results[1]!.id)).toBeDefined();
    expect((await store.checkConsistency()).problems).toEqual([]);
  });
});

describe('index maintenance', () => {
  it(`stays consistent across the pending → segment merge (${MERGE_AT} documents)`, async () => {
    const { store, db } = freshStore();
    const ids: string[] = [];
    for (let i = 0; i < MERGE_AT + 6; i++) {
      const r = await store.saveClips([article(`第${i}期简报`, [`编号${i}的简报内容，关于港口建设。`])]);
      ids.push(r.results[0]!.id);
      if (i % 3 === 0 && i > 0) await store.updateClip(ids[i - 1]!, { body: [{ type: 'paragraph', text: `改写后的第${i - 1}期，关于机场。` }] });
    }
    await store.flushIndex();
    expect(await db.segs.count()).toBeGreaterThanOrEqual(1);
    expect(await db.pending.count()).toBeLessThan(MERGE_AT);
    expect((await store.checkConsistency()).problems).toEqual([]);
    const port = await store.search('港口');
    const air = await store.search('机场');
    expect(port.total + air.total).toBe(MERGE_AT + 6);
    await store.deleteClip(ids[5]!);
    await store.emptyTrash();
    expect((await store.checkConsistency()).problems).toEqual([]);
    expect((await store.search('简报')).total).toBe(MERGE_AT + 5);
  });

  it('checkConsistency notices a tampered index', async () => {
    const { store, db } = freshStore();
    await store.saveClips([river()]);
    const row = (await db.pending.toArray())[0]!;
    await db.pending.put({ ...row, terms: row.terms.slice(1), offs: row.offs.slice(1) });
    const report = await store.checkConsistency();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/missing from the index/);
  });

  it('five concurrent saveClips calls (overlapping articles) → every clip once, index consistent', async () => {
    const { store } = freshStore();
    const batches = Array.from({ length: 5 }, (_, b) =>
      Array.from({ length: 20 }, (_, i) => article(`并发第${(b * 7 + i) % 40}号`, [`这是第${(b * 7 + i) % 40}号稿件的正文。`])),
    );
    const results = await Promise.all(batches.map((batch) => store.saveClips(batch)));
    const distinct = new Set(batches.flat().map((a) => a.title));
    expect(new Set(results.flatMap((r) => r.results.map((x) => x.id))).size).toBe(distinct.size);
    expect((await store.listRecent({ limit: 100 })).total).toBe(distinct.size);
    expect((await store.search('稿件', {}, { limit: 100 })).total).toBe(distinct.size);
    expect((await store.checkConsistency()).problems).toEqual([]);
  });

  it('asks for persistent storage once, on the first save', async () => {
    let asked = 0;
    const { store } = freshStore({
      persist: async () => {
        asked++;
        return true;
      },
    });
    await store.saveClips([river()]);
    await store.saveClips([article('另一篇', ['不同的正文。'])]);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toBe(1);
  });

  it('stats counts live clips per paper and tag, and the date span', async () => {
    const { store } = freshStore();
    const { results } = await store.saveClips([
      { ...river(), tags: ['水利'] },
      article('晚报新闻', ['正文一。'], { paper: '江城晚报', date: '2024-01-05', tags: ['水利', '城市'] }),
      article('旧闻', ['正文二。'], { paper: '江城晚报', date: '2023-12-30' }),
    ]);
    await store.deleteClip(results[2]!.id);
    const s = await store.stats();
    expect(s).toMatchObject({ clips: 2, trash: 1, oldest: '2024-01-05', newest: '2024-03-02' });
    expect(s.papers).toEqual([
      { paper: '江城日报', count: 1 },
      { paper: '江城晚报', count: 1 },
    ].sort((a, b) => a.paper.localeCompare(b.paper)));
    expect(s.tags).toEqual([
      { tag: '水利', count: 2 },
      { tag: '城市', count: 1 },
    ]);
  });

  it('stats counts papers from the index: segments and pending documents, edits that move a clip to another paper, trash, purges', async () => {
    const { store } = freshStore();
    // A segment (one bulk save of MERGE_AT) and pending documents (single saves).
    const daily = (i: number, paper = '江城日报') => article(`日报第${i}篇`, [`日报正文${i}。`], { paper, url: `https://paper.example/d/${i}.htm` });
    const evening = (i: number, paper = '江城晚报') => article(`晚报第${i}篇`, [`晚报正文${i}。`], { paper, url: `https://paper.example/e/${i}.htm` });
    const bulk = await store.saveClips(Array.from({ length: MERGE_AT }, (_, i) => daily(i)));
    const single = [];
    for (let i = 0; i < 3; i++) single.push((await store.saveClips([evening(i)])).results[0]!.id);
    const papers = async () => Object.fromEntries((await store.stats()).papers.map((p) => [p.paper, p.count]));
    expect(await papers()).toEqual({ 江城日报: MERGE_AT, 江城晚报: 3 });
    // Saved again (same URL and title) under another paper: a segment document and a pending one are
    // re-indexed, their old documents retired.
    expect((await store.saveClips([daily(0, '江城晚报')])).results[0]).toEqual({ id: bulk.results[0]!.id, status: 'updated' });
    expect((await store.saveClips([evening(0, '海港周刊')])).results[0]).toEqual({ id: single[0], status: 'updated' });
    expect(await papers()).toEqual({ 江城日报: MERGE_AT - 1, 江城晚报: 3, 海港周刊: 1 });
    await store.deleteClip(single[0]!);
    await store.deleteClip(bulk.results[1]!.id);
    expect(await papers()).toEqual({ 江城日报: MERGE_AT - 2, 江城晚报: 3 });
    await store.emptyTrash();
    await store.flushIndex();
    expect(await papers()).toEqual({ 江城日报: MERGE_AT - 2, 江城晚报: 3 });
    expect((await store.stats()).clips).toBe(MERGE_AT + 1);
  });
});

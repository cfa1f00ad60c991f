// The newest-first list: pages near the top come from an index cursor, deeper ones (DEEP_LIST on)
// from the order computed over the index columns. Both must give exactly the clips' index order
// (savedAt descending, then id descending), whatever happened to the clips.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DEEP_LIST } from '../../../lib/store/store';
import { listOrder } from '../../../lib/store/search';
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
        const order = await listOrder(db, { trash }, 'saved');
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

/** The by-issue order sorted from every stored clip: the reference the store's reads must give. */
async function referenceOrder(db: ClipDB, live: 0 | 1 = 1): Promise<string[]> {
  const stored = (await db.clips.toArray()).filter((c) => c.live === live);
  const collator = new Intl.Collator('zh-Hans-CN');
  const paperCmp = (a: string | null, b: string | null) => (a && b ? collator.compare(a, b) : a ? -1 : b ? 1 : 0);
  const dateOf = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : '');
  stored.sort((a, b) => dateOf(b.date).localeCompare(dateOf(a.date)) || paperCmp(a.paper, b.paper) || a.savedAt - b.savedAt || (a.id < b.id ? -1 : 1));
  return stored.map((c) => c.id);
}

describe('listing by issue', () => {
  const issue = (title: string, paper: string | null, date: string | null) => article(title, [`${title}的正文。`], { paper, date });

  it('orders by issue date (newest first, undated last), then paper in pinyin order, then the order of saving', async () => {
    const { store } = freshStore();
    // Saved interleaved, as a reader going back and forth between two papers would.
    for (const a of [
      issue('扬子甲', '扬子晚报', '2025-03-11'),
      issue('江苏甲', '江苏工人报', '2025-03-12'),
      issue('人民甲', '人民日报', '2025-03-12'),
      issue('江苏乙', '江苏工人报', '2025-03-12'),
      issue('无日期', '江苏工人报', null),
      issue('扬子乙', '扬子晚报', '2025-03-12'),
      issue('无报名', null, '2025-03-12'),
      issue('人民乙', '人民日报', '2025-03-12'),
    ])
      await store.saveClips([a]);
    const titles = (clips: { title: string | null }[]) => clips.map((c) => c.title);
    // 江 (jiāng) < 人 (rén) < 扬 (yáng) in pinyin; in code points 人 < 扬 < 江. No paper: after the named ones.
    const want = ['江苏甲', '江苏乙', '人民甲', '人民乙', '扬子乙', '无报名', '扬子甲', '无日期'];
    expect(titles(await store.listPage(0, 20, false, 'issue'))).toEqual(want);
    expect(titles(await store.listPage(3, 2, false, 'issue'))).toEqual(want.slice(3, 5));
    const listed = await store.listRecent({ order: 'issue', offset: 1, limit: 3 });
    expect(listed.total).toBe(8);
    expect(titles(listed.clips)).toEqual(want.slice(1, 4));
    // Filters apply; the order stays by issue.
    expect(titles((await store.listRecent({ order: 'issue' }, { dateFrom: '2025-03-12' })).clips)).toEqual(want.slice(0, 6));
    expect(titles((await store.listRecent({ order: 'issue' }, { paper: '扬子晚报' })).clips)).toEqual(['扬子乙', '扬子甲']);
    // The default order is still newest saved first.
    expect(titles(await store.listPage(0, 3))).toEqual(['人民乙', '无报名', '扬子乙']);

    // A save, a save again that moves a clip to another issue (same text: the clip is updated), and a
    // delete show in the next read (the kept order is rebuilt).
    await store.saveClips([issue('人民丙', '人民日报', '2025-03-12')]);
    expect((await store.saveClips([issue('扬子甲', '扬子晚报', '2025-03-13')])).results[0]!.status).toBe('updated');
    const all = (await store.listRecent({ limit: 20 })).clips;
    await store.deleteClip(all.find((c) => c.title === '江苏甲')!.id);
    expect(titles(await store.listPage(0, 20, false, 'issue'))).toEqual(['扬子甲', '江苏乙', '人民甲', '人民乙', '人民丙', '扬子乙', '无报名', '无日期']);
    expect(titles(await store.listPage(0, 20, true, 'issue'))).toEqual(['江苏甲']);
  });

  it('gives the same order as sorting every clip, at any offset of a larger archive', async () => {
    const { store, db } = freshStore();
    const papers = ['新华日报', '扬子晚报', '江苏工人报', '人民日报', '光明日报', null];
    const inputs = Array.from({ length: 260 }, (_, i) =>
      issue(`第${i}号`, papers[(i * 7) % papers.length]!, i % 11 === 0 ? null : `2025-0${1 + (i % 3)}-${String(1 + ((i * 5) % 28)).padStart(2, '0')}`),
    );
    for (let b = 0; b < inputs.length; b += 40) await store.saveClips(inputs.slice(b, b + 40)); // bulk: equal savedAt within a batch
    for (let i = 0; i < 20; i++) await store.saveClips([issue(`单篇${i}`, papers[i % papers.length]!, '2025-02-14')]);
    const want = await referenceOrder(db);
    expect(want).toHaveLength(280);
    for (const offset of [0, 37, 150, 271]) {
      expect((await store.listPage(offset, 10, false, 'issue')).map((c) => c.id), `offset ${offset}`).toEqual(want.slice(offset, offset + 10));
    }
  });

  it('reads the top through the date index across big dates, odd date strings and the trash, and agrees with the columns below', async () => {
    const { store, db } = freshStore();
    const papers = ['新华日报', '扬子晚报', '江苏工人报'];
    // 150 clips of one date (more than one chunk of the date index), 40 of the day before, some
    // with a date that is no YYYY-MM-DD (sorts above every real date in the index, listed as undated), some undated.
    await store.saveClips(Array.from({ length: 150 }, (_, i) => issue(`大日${i}`, papers[i % 3]!, '2025-05-01')));
    for (let i = 0; i < 40; i++) await store.saveClips([issue(`前日${i}`, papers[(i * 2) % 3]!, '2025-04-30')]);
    await store.saveClips(Array.from({ length: 12 }, (_, i) => issue(`怪日${i}`, papers[i % 3]!, '2025年5月2日')));
    await store.saveClips(Array.from({ length: 12 }, (_, i) => issue(`无日${i}`, papers[i % 3]!, null)));
    const listed = await store.listRecent({ limit: 300 });
    for (const c of listed.clips.filter((c) => /^大日\d*[05]$/.test(c.title))) await store.deleteClip(c.id);
    const want = await referenceOrder(db);
    expect(want).toHaveLength(150 - 30 + 40 + 24);
    for (const offset of [0, 10, 63, 64, 119, 120, 150, 195, 199, 205]) {
      expect((await store.listPage(offset, 12, false, 'issue')).map((c) => c.id), `offset ${offset}`).toEqual(want.slice(offset, offset + 12));
    }
    const trashWant = await referenceOrder(db, 0);
    expect(trashWant).toHaveLength(30);
    expect((await store.listPage(0, 40, true, 'issue')).map((c) => c.id)).toEqual(trashWant);
    // The same pages through listRecent, with the total.
    const page = await store.listRecent({ order: 'issue', offset: 60, limit: 10 });
    expect(page.total).toBe(want.length);
    expect(page.clips.map((c) => c.id)).toEqual(want.slice(60, 70));
  });
});

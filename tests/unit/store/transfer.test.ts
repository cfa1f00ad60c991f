// Export/import: envelope, byte-identical round trip, validation, all-or-nothing, dedupe; Markdown.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, StoreError, type ExportEnvelope } from '../../../lib/store';
import { article, freshStore } from './helpers';

async function filled() {
  const env = freshStore();
  const { store } = env;
  const { results } = await store.saveClips([
    article('港口扩建工程通过验收', ['本市港口扩建工程昨日通过验收。', '新增泊位六个。'], {
      kicker: '交通建设',
      subtitle: '年吞吐能力提高三成',
      byline: '记者 林海',
      dateline: '本报讯',
      url: 'https://paper.example/html/2024-05/06/content_1.htm',
      paper: '江城日报',
      date: '2024-05-06',
      page: 'A01 头版',
      tags: ['交通', '港口'],
      note: '写稿时引用',
    }),
    { ...article('', ['码头夜景。']), kind: 'caption', credit: '张三 李四' },
    article('读者来信 *特别* [提示]', ['# 不是标题', '- 不是列表'], { paper: '江城晚报', date: '2024-06-01' }),
  ]);
  await env.store.deleteClip(results[1]!.id);
  return { ...env, ids: results.map((r) => r.id) };
}

describe('export', () => {
  it('is a versioned envelope with every field, trash included', async () => {
    const { store } = await filled();
    const env = await store.exportAll();
    expect(env.format).toBe(EXPORT_FORMAT);
    expect(env.version).toBe(1);
    expect(env.clips).toHaveLength(3);
    const first = env.clips[0]!;
    expect(Object.keys(first)).toEqual([
      'id', 'kind', 'kicker', 'title', 'subtitle', 'byline', 'dateline', 'body', 'credit', 'truncated', 'continuedOn',
      'url', 'paper', 'date', 'page', 'savedAt', 'updatedAt', 'tags', 'note', 'key', 'deletedAt',
    ]);
    expect(env.clips.filter((c) => c.deletedAt !== null)).toHaveLength(1);
    // Internal bookkeeping never leaks out.
    expect(JSON.stringify(env)).not.toMatch(/"seq"|"live"|"keys"/);
  });

  it('export → import into an empty DB → byte-identical JSON', async () => {
    const a = await filled();
    a.clock.t = Date.UTC(2025, 0, 1);
    const json = await a.store.exportJson();
    const b = freshStore();
    const report = await b.store.importAll(json);
    expect(report).toEqual({ added: 3, updated: 0, skipped: [] });
    b.clock.t = Date.UTC(2025, 0, 1);
    expect(await b.store.exportJson()).toBe(json);
    expect((await b.store.search('港口')).total).toBe(1);
    expect((await b.store.search('码头', { trash: true })).total).toBe(1);
    expect((await b.store.checkConsistency()).problems).toEqual([]);
  });

  it('Markdown: one combined file, page text escaped, trash left out', async () => {
    const { store } = await filled();
    const md = await store.exportMarkdown();
    expect(md.startsWith('# 剪报 Clippings')).toBe(true);
    expect(md).toMatch(/^## 港口扩建工程通过验收$/m);
    expect(md).toContain('- tags: 交通, 港口');
    expect(md).toContain('- note: 写稿时引用');
    expect(md).toContain('读者来信 \\*特别\\* \\[提示\\]');
    expect(md).toMatch(/^\\# 不是标题$/m);
    expect(md).not.toContain('码头夜景');
  });
});

describe('import', () => {
  it('rejects what is not an export, and invalid JSON text', async () => {
    const { store } = freshStore();
    await expect(store.importAll({ hello: 1 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.importAll('{not json')).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.importAll({ format: EXPORT_FORMAT, version: 99, exportedAt: 0, clips: [] })).rejects.toBeInstanceOf(StoreError);
  });

  it('a bad record in the middle → nothing written, every bad record reported with its reason', async () => {
    const a = await filled();
    const env = structuredClone(await a.store.exportAll()) as ExportEnvelope & { clips: unknown[] };
    const b = freshStore();
    await b.store.saveClips([article('已有的剪报', ['原来就在库里。'])]);
    const before = JSON.stringify((await b.store.exportAll()).clips);
    env.clips.splice(1, 0, { ...env.clips[0]!, id: 'x1', title: 42 }, { ...env.clips[0]!, id: 'x2', date: '2024/05/06' });
    let caught: unknown;
    try {
      await b.store.importAll(env);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StoreError);
    const err = caught as StoreError & { report: { skipped: { index: number; reason: string }[] } };
    expect(err.code).toBe('invalid');
    expect(err.report.skipped.map((s) => s.index)).toEqual([1, 2]);
    expect(err.report.skipped[0]!.reason).toMatch(/^title:/);
    expect(err.report.skipped[1]!.reason).toMatch(/^date:/);
    expect(JSON.stringify((await b.store.exportAll()).clips)).toBe(before);
    expect((await b.store.checkConsistency()).ok).toBe(true);
  });

  it('dedupes against stored clips and inside the file; newer records update', async () => {
    const a = await filled();
    const env = await a.store.exportAll();
    const again = await a.store.importAll(env);
    expect(again.added + again.updated).toBe(0);
    expect(again.skipped).toHaveLength(3);
    expect(again.skipped[0]!.reason).toMatch(/already saved/);

    const newer = structuredClone(env);
    newer.clips[0]!.updatedAt += 1;
    newer.clips[0]!.body = [{ type: 'paragraph', text: '更正后的正文：新增泊位八个。' }];
    const twice = { ...newer, clips: [newer.clips[0]!, { ...newer.clips[0]!, id: 'copy' }] };
    const r = await a.store.importAll(twice);
    expect(r.updated).toBe(1);
    expect(r.skipped).toEqual([{ index: 1, reason: 'same article as record #0' }]);
    expect((await a.store.search('八个')).total).toBe(1);
    expect((await a.store.search('六个')).total).toBe(0);
    expect((await a.store.listRecent({}, {})).total).toBe(2);
    expect((await a.store.checkConsistency()).problems).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { furniture } from '../../../lib/segment/stages/furniture';
import { prepared, working } from './helpers';

const run = (text: string) => furniture(working(prepared(text)));

describe('furniture', () => {
  it('takes masthead, editor lines and page headers out as boilerplate with their detail', () => {
    const w = run('第01版：要闻\n\n城南公园改造完工\n\n连日来，城南公园改造工程进入收尾阶段。\n\n责任编辑 王一\n\n某某日报\n电话:010-1234567');
    expect(w.items.filter((i) => i.removed).map((i) => [i.text, i.removed!.reason, i.removed!.detail])).toEqual([
      ['第01版：要闻', 'boilerplate', 'page-header'],
      ['责任编辑 王一', 'boilerplate', 'editor'],
      ['某某日报', 'boilerplate', 'masthead'],
      ['电话:010-1234567', 'boilerplate', 'masthead'],
    ]);
    expect(w.items.filter((i) => !i.removed).map((i) => i.kind)).toEqual(['title', 'paragraph']);
  });
  it('a 下转 marker is removed and tells the paragraph above it where the article goes on', () => {
    const w = run('城南公园改造完工\n\n连日来，城南公园改造工程进入收尾阶段，市民\n\n（下转第2版）');
    const marker = w.items.find((i) => i.kind === 'marker')!;
    expect(marker.removed).toEqual({ reason: 'marker', detail: 'continuation' });
    expect(w.items.find((i) => i.kind === 'paragraph')!.continuedOn).toBe('第2版');
  });
  it('cuts markers printed at the end or start of a paragraph and reports them', () => {
    const w = run('城南公园改造完工\n\n连日来，改造工程进入收尾阶段，市民(下转第3版)\n\n(上接第1版)纷纷前来游览。');
    const paras = w.items.filter((i) => i.kind === 'paragraph');
    expect(paras.map((p) => p.text)).toEqual(['连日来，改造工程进入收尾阶段，市民', '纷纷前来游览。']);
    expect(paras[0]!.continuedOn).toBe('第3版');
    expect(w.extras.map((e) => [e.text, e.reason])).toEqual([
      ['(下转第3版)', 'marker'],
      ['(上接第1版)', 'marker'],
    ]);
  });
  it('counter-case: 版 inside a sentence is not a marker', () => {
    const w = run('该报第2版刊登了这篇报道，引起热议。');
    expect(w.items[0]!.removed).toBeUndefined();
    expect(w.extras).toEqual([]);
  });
});

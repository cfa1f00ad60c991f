import { describe, expect, it } from 'vitest';
import { dedupe } from '../../../lib/segment/stages/dedupe';
import { matchKey } from '../../../lib/segment/text';
import { prepared, working } from './helpers';

const run = (text: string) => dedupe(working(prepared(text))).items;
const removed = (text: string) => run(text).filter((i) => i.removed).map((i) => [i.text.slice(0, 10), i.removed!.detail]);

const P1 = '活动现场发布了《新就业群体关爱项目（升级版）》，并向快递员赠送商业保险，随后开展送清凉慰问。';
const P1b = '本次活动发布了《新就业群体关爱项目（升级版）》，并向快递员赠送商业保险，随后开展送清凉慰问。';
const P2 = '社区总户数两千余户，覆盖五个小区。近年来，社区紧紧围绕特色品牌，整合各方资源成立金牌调解队、草根调解队，打造法律援助中心，构建一站式服务平台。';
const P2frag = '围绕特色品牌，整合各方资源成立金牌调解队、草根调解队，打造法律援助中心，构建一站式服务平台。';

describe('dedupe', () => {
  it('removes an exact repeat, keeping the first', () => {
    expect(removed(`${P1}\n\n其他内容完全不同的一个段落。\n\n${P1}`)).toEqual([[P1.slice(0, 10), 'repeat']]);
  });
  it('matches on keys: punctuation and width differences do not hide a repeat', () => {
    const ascii = P1.replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')');
    expect(removed(`${P1}\n\n${ascii}`)).toEqual([[ascii.slice(0, 10), 'repeat']]);
  });
  it('removes a near-duplicate whose first clause differs', () => {
    const items = run(`${P1}\n\n${P1b}`);
    expect(items[1]!.removed).toMatchObject({ reason: 'duplicate', detail: 'near-duplicate', duplicateOf: expect.stringMatching(/^活动现场/) });
    expect(items[1]!.dupOf).toBe(0);
  });
  it('removes a fragment contained in kept text', () => {
    expect(removed(`${P2}\n\n${P2frag}`)).toEqual([[P2frag.slice(0, 10), 'fragment']]);
  });
  it('keeps the complete occurrence when the fragment was printed first', () => {
    const items = run(`${P2frag}\n\n${P2}`);
    expect(items[0]!.removed?.detail).toBe('fragment');
    expect(items[1]!.removed).toBeUndefined();
  });
  it('removes repeated headers (title, byline) that only introduce removed repeats', () => {
    const page = `城南公园改造完工\n\n本报记者 李明\n\n${P1}`;
    const items = run(`${page}\n\n${page}`);
    expect(items.map((i) => !!i.removed)).toEqual([false, false, false, true, true, true]);
  });
  it('counter-case: a real short repetition is not a duplicate', () => {
    expect(removed('他说：“好。”\n\n大家鼓掌。\n\n他说：“好。”\n\n（完）\n\n另一篇文章。\n\n（完）')).toEqual([]);
  });
  it('counter-case: two articles sharing a sentence-length quote both keep their paragraphs', () => {
    const quote = '“绿水青山就是金山银山，这是我们一直坚持的发展理念。”';
    const a = `县委书记在调研时说，${quote}他要求各部门抓好落实。`;
    const b = `村民老张指着满山的果树，笑着对记者说：${quote}今年收成不错。`;
    expect(removed(`${a}\n\n${b}`)).toEqual([]);
  });
  it('counter-case: a paragraph that is only a quotation is not a fragment of the one quoting it', () => {
    const quote = '“绿水青山就是金山银山，这是我们一直坚持的发展理念和行动指南。”';
    expect(removed(`县委书记在调研时说，${quote.slice(1, -1)}\n\n${quote}`)).toEqual([]);
  });
  it('removes repeated English lines with word shingles', () => {
    const line = 'The City Council met on Tuesday evening with all members present';
    expect(removed(`${line}.\n\nMinutes of the last meeting were read.\n\n${line}.`)).toEqual([[line.slice(0, 10), 'repeat']]);
  });
  it('stays linear: 10,000 copies of a paragraph and 2,000 distinct ones are fast', () => {
    const many = Array.from({ length: 10_000 }, () => P2).join('\n\n');
    let t = performance.now();
    const items = run(many);
    expect(items.filter((i) => !i.removed)).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(3000);
    const distinct = Array.from({ length: 2000 }, (_, i) => `第${i}段：${P2.slice(i % 20)}编号${i * 7919}。`).join('\n\n');
    t = performance.now();
    run(distinct);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

describe('matchKey', () => {
  it('equals NFKC + lower case + letters/digits only, for every character up to U+A000', () => {
    const reference = (t: string) => t.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const differing: string[] = [];
    for (let c = 0; c < 0xa000; c++) {
      const t = `a${String.fromCharCode(c)}一`;
      if (matchKey(t) !== reference(t)) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });
});

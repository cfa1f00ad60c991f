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
  it('removes an exact repeat of a paragraph whose shingles were shared by many others (full postings)', () => {
    // Checking such a paragraph recounts other paragraphs' shingles, which reads their text into the
    // buffer its own key was read into; its key was stored after that, so its repeat went unseen.
    const clause = '区总工会开展送清凉慰问活动，向一线职工送去清凉大礼包';
    const others = ['连日来各项工程进入收尾阶段', '市民纷纷前来游览交口称赞', '据了解活动共吸引三百余名职工参加', '今年以来全市累计慰问帮扶困难群众', '下一步将继续完善服务体系', '近年来该县坚持把服务职工作为主线'];
    const many = others.map((o, n) => `第${'一二三四五六'[n]}段，${o}，${clause}。`);
    const p = `城南公园改造完工，${clause}，市民在公园里乘凉。`;
    const out = run([...many, p, p].join('\n\n'));
    expect(out.filter((i) => i.removed).map((i) => [i.text, i.removed!.detail])).toEqual([[p, 'repeat']]);
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
  it('keeps the complete paragraph when the other is it minus a sentence, in either order (no text lost)', () => {
    const A = '今年以来，全市工会累计慰问帮扶困难职工一万余人次，发放慰问金三百余万元，新建户外劳动者服务站点四十二个，组织职工疗休养活动六十余批次。';
    const full = `${A}明年将再建五个驿站。`;
    for (const text of [`${A}\n\n${full}`, `${full}\n\n${A}`]) {
      const items = run(text);
      expect(items.filter((i) => !i.removed).map((i) => i.text)).toEqual([full]);
    }
  });
  it('counter-case: a quotation printed as its own paragraph under two headlines stays in both; repeated under one headline it goes', () => {
    const q = '“绿水青山就是金山银山，这是我们一直坚持的发展理念。”';
    const two = `县委书记调研\n\n县委书记在调研时说，要抓好落实。\n\n${q}\n\n村民增收致富\n\n村民老张笑着对记者说。\n\n${q}`;
    expect(removed(two)).toEqual([]);
    expect(removed(`县委书记调研\n\n县委书记在调研时说，要抓好落实。\n\n${q}\n\n他又强调了一遍。\n\n${q}`)).toEqual([[q.slice(0, 10), 'repeat']]);
  });
  it('counter-case: a headline the lead restates word for word is the headline, not a fragment of the lead', () => {
    const title = '市财政局、应急管理局紧急下达3000万元防汛救灾资金';
    const lead = `本报讯（记者 李明）7月2日，${title}，支持各区开展抢险救援和受灾群众救助工作。`;
    expect(removed(`${title}\n\n${lead}`)).toEqual([]);
    // With a subtitle between them, and a byline block as the lead, the same.
    expect(removed(`${title}\n\n——各区同步启动应急响应\n\n本报记者 李明\n\n7月2日，${title}，支持各区开展抢险救援。`)).toEqual([]);
    // Counter-case: the same words as a paragraph's stray piece, far from any lead, still go.
    const para = `会上通报，${title}，支持各区开展抢险救援和受灾群众救助工作，确保群众生命安全。`;
    expect(removed(`${para}\n\n其他内容完全不同的一个段落，讲的是另一件事情。\n\n${title}\n\n又一个完全不同的段落，讲的是再一件事情。`)).toEqual([[title.slice(0, 10), 'fragment']]);
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
  it('finds a near-duplicate whatever came before it: common clauses that fill the postings do not hide it', () => {
    const common = '下一步，将继续完善服务体系，提升服务质效。';
    const a = `高港区推进关爱项目第30项工作，区总工会开展送清凉慰问活动，向一线职工送去清凉大礼包。${common}`;
    const b = `高港区推进关爱项目第31项工作，区总工会开展送清凉慰问活动，向一线职工送去清凉大礼包，${common}`;
    const topics = ['春耕生产全面展开，农机手抢抓农时', '社区法律服务进万家，律师坐班答疑', '职工技能比武大赛开幕，三百名选手同台竞技', '城南公园改造完工，市民纷纷前来游览', '乡村振兴开新局，特色产业带动增收', '快递驿站进小区，末端配送更便捷', '老旧小区加装电梯，居民出行不再难', '夜间经济点亮街区，消费活力持续释放'];
    const before = topics.map((t) => `${t}。${common}`);
    const detail = (page: string[]) => run(page.join('\n\n')).find((i) => i.text === b)?.removed?.detail;
    expect(detail([a, b])).toBe('near-duplicate');
    expect(detail([...before, a, b])).toBe('near-duplicate');
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
  it('equals NFKC + lower case + letters/digits only, for every UTF-16 unit but surrogates', () => {
    const reference = (t: string) => t.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const t = `a${String.fromCharCode(c)}一`;
      if (matchKey(t) !== reference(t)) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });
});

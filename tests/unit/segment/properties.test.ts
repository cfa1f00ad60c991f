// Property tests (fast-check): never throws, fast on any input, idempotent on newspaper-like pages,
// and every input sentence ends up in an article or in `removed`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, STAGES } from '../../../lib/segment';
import type { Item, Working } from '../../../lib/segment/item';
import { normalise } from '../../../lib/segment/stages/normalise';
import { splitText } from '../../../lib/segment/stages/split';
import { outputKey, pageToText, sentenceKeys } from './helpers';

/** Characters that exercise the rules: Han text, the page's punctuation, Latin, digits, whitespace. */
const piece = fc.constantFrom(
  ...'的一是工会职工记者本报讯通讯员摄声明作废下转第版公告遗失热血沸腾'.split(''),
  '。', '，', '、', '：', '“', '”', '（', '）', '(', ')', '!', '?', '.', ',', '-', '■', '【', '】',
  'a', 'B', 'the ', 'News ', '1', '2', ' ', '\u3000', '\u00a0', '\u200b', '\n', '\n\n', '\r\n',
);
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.array(piece, { maxLength: 300 }).map((a) => a.join('')));

// Newspaper-like pages built from hand-written parts: titles, bylines, paragraphs, captions, repeats.
const TITLES = ['城南公园改造完工', '乡村振兴开新局', '高港区推进关爱项目', '职工技能比武大赛开幕', '社区法律服务进万家', '春耕生产全面展开'];
const NAMES = ['王娜', '丁彬彬', '李明', '赵小红', '陈晨'];
const CLAUSES = [
  '连日来，各项工程进入收尾阶段',
  '市民纷纷前来游览，交口称赞',
  '区总工会开展送清凉慰问活动，向一线职工送去清凉大礼包',
  '近年来，该县坚持把服务职工作为工作主线',
  '据了解，活动共吸引三百余名职工参加',
  '今年以来，全市累计慰问帮扶困难群众一万余人次',
  '下一步，将继续完善服务体系，提升服务质效',
];
const sentence = fc.array(fc.constantFrom(...CLAUSES), { minLength: 1, maxLength: 3 }).map((cs) => cs.join('，') + '。');
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(''));
const article = fc.record({
  byline: fc.option(
    fc.oneof(
      fc.constantFrom(...NAMES).map((n) => `本报讯（通讯员 ${n}）`),
      fc.constantFrom('【新华社延安十日电】', '【新华社荷泽十二日急电】', '【本市讯】', '新华社晋冀鲁豫总分社邯郸讯 '),
      fc.constantFrom(...NAMES).map((n) => `新华社北京5日电（记者 ${n}）`),
    ),
    { nil: undefined },
  ),
  paras: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
  caption: fc.option(fc.tuple(paragraph, fc.constantFrom(...NAMES)), { nil: undefined }),
});
const pageText = fc
  .array(article, { minLength: 1, maxLength: 5 })
  .chain((arts) => fc.tuple(fc.constant(arts), fc.array(fc.nat(), { maxLength: 3 }), fc.shuffledSubarray(TITLES, { minLength: 6, maxLength: 6 })))
  .map(([arts, repeats, titles]) => {
    // Paragraphs are made distinct (numbered), as on a real page; repeats are explicit copies of text blocks.
    const blocks: string[] = [];
    const text: number[] = [];
    arts.forEach((a, n) => {
      const title = titles[n]!;
      blocks.push(title);
      a.paras.forEach((p, k) => {
        text.push(blocks.length);
        blocks.push(`${k === 0 && a.byline ? a.byline : ''}${title}第${n}${k}项工作，${p}`);
      });
      if (a.caption) blocks.push(`${title}现场第${n}图，${a.caption[0]} ${a.caption[1]} 摄`);
    });
    for (const r of repeats) blocks.push(blocks[text[r % text.length]!]!.replace(/^(?:本报讯（[^）]*）|【[^】]*】|新华社\S*(?:电（[^）]*）|讯 ))/, ''));
    return blocks.join('\n\n');
  });

const comparable = (text: string) =>
  cleanText(text).articles.map((a) => ({ ...a, body: a.body.map((b) => ({ ...b })) }));

describe('properties', () => {
  it('never throws and always returns a CleanPage', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const page = cleanText(text);
        expect(Array.isArray(page.articles)).toBe(true);
        expect(Array.isArray(page.removed)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  // A guard against pathological (super-linear) inputs, 10× above typical: the speed targets
  // themselves are measured by `npm run bench`, not asserted in unit tests on a shared machine.
  it('is never pathologically slow (best of 3 runs ≤ 250 ms for a few thousand characters)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, pageText), (text) => {
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          cleanText(text);
          best = Math.min(best, performance.now() - t);
        }
        expect(best).toBeLessThan(250);
      }),
      { numRuns: 300 },
    );
  });

  it('every input sentence ends up in an article or in removed', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, pageText), (text) => {
        const out = outputKey(cleanText(text));
        for (const k of sentenceKeys(text)) {
          if (!out.includes(k)) expect(out).toContain(k.replace(/(.{3,8})\1/u, '$1'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: cleaning the plain-text rendering gives the same articles', () => {
    // Until 2026-12-03 about 1 generated page in 5,000 was not idempotent (this test failed about
    // once in 16 runs): dedupe stored a paragraph's key after reading other paragraphs into the same
    // buffer, so an exact repeat went unseen (dedupe.test.ts: full postings). 0 in 15,000 since.
    fc.assert(
      fc.property(pageText, (text) => {
        const once = cleanText(text);
        expect(comparable(pageToText(once))).toEqual(once.articles);
      }),
      { numRuns: 300 },
    );
  });

  // Stages copy only the items they change (lib/segment/item.ts Draft): a stage that wrote to an
  // item it did not copy would change the previous stage's result. Frozen inputs make that throw.
  it('no stage changes its input: each gets frozen items and the result is the same', () => {
    const frozen = (w: Working): Working => ({ ...w, items: w.items.map((i) => Object.freeze({ ...i, removed: i.removed && Object.freeze({ ...i.removed }) }) as Item) });
    fc.assert(
      fc.property(fc.oneof(pageText, anyText), (text) => {
        let free: Working = { items: normalise(splitText(text)), extras: [] };
        let cold: Working = frozen(free);
        for (const [name, stage] of STAGES) {
          free = stage(free);
          cold = frozen(stage(cold));
          expect(cold.items, name).toEqual(free.items);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent on the seed page', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const seed = readFileSync(join(__dirname, '../../../seeds/000_eb3ad0464bd81ecb.txt'), 'utf8');
    const once = cleanText(seed);
    expect(comparable(pageToText(once))).toEqual(once.articles);
  });
});

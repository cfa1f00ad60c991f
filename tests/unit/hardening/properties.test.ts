// Property tests (fast-check) over random SourcePages with hints, through cleanBlocks — the path
// the browser takes (tests/unit/segment/properties.test.ts covers cleanText over random text).
// Hints are evidence the rules may use, never a reason to throw, lose or invent text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanBlocks } from '../../../lib/segment';
import { matchKey } from '../../../lib/segment/text';
import type { Block, BlockHint, SourcePage } from '../../../lib/types';
import { outputKey, sentenceKeys } from '../segment/helpers';
import { paragraph } from './inputs';

const HINTS: (BlockHint | undefined)[] = ['title', 'kicker', 'subtitle', 'byline', 'caption', 'heading', 'text', undefined];

/** Block texts that exercise the rules: headline-, byline-, caption-, notice- and marker-shaped, paragraphs, junk. */
const blockText = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 5000 }).map(paragraph) },
  { weight: 2, arbitrary: fc.constantFrom('城南公园改造完工', '乡村振兴开新局', '职工技能比武大赛开幕', '春耕生产全面展开', '——记某某社区服务中心') },
  { weight: 2, arbitrary: fc.constantFrom('本报讯（通讯员 王娜 记者 丁彬彬）', '本报记者 李明', '新华社北京11月5日电', '记者 赵小红 摄', '章善玉 吴泽宁 摄') },
  { weight: 1, arbitrary: fc.constantFrom('下转第2版', '（上接第1版）', '责任编辑：陈晨', '第A01版：要闻', '遗失声明', '某某公司遗失公章一枚，声明作废。') },
  { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((i) => `${paragraph(i)}\n${paragraph(i + 1)}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u3000\u3000', '\u200b', '\n\n') },
);

const block: fc.Arbitrary<Block> = fc
  .record({ text: blockText, hint: fc.constantFrom(...HINTS), source: fc.option(fc.integer({ min: -3, max: 400 }), { nil: undefined }) })
  .map(({ text, hint, source }) => ({ text, ...(hint ? { hint } : {}), ...(source !== undefined ? { source } : {}) }));

const sourcePage: fc.Arbitrary<SourcePage> = fc.record(
  {
    url: fc.constantFrom('http://epaper.example.cn/html/2024-01/01/content_1.htm', 'https://news.example.org/a/1.html', 'not a url', 'javascript:alert(1)'),
    paper: fc.constantFrom('某某日报', '', '工人报'),
    date: fc.constantFrom('2024-01-01', '1946-05-15', 'not a date'),
    page: fc.constantFrom('A01 头版', '第2版', ''),
    template: fc.constantFrom('founder-classic', 'generic', 'text-dump', 'unknown-template'),
    pageType: fc.constantFrom('article' as const, 'layout' as const, 'text' as const),
    links: fc.array(fc.record({ title: fc.string({ maxLength: 10 }), url: fc.webUrl() }), { maxLength: 3 }),
    blocks: fc.array(block, { maxLength: 60, size: 'medium' }),
  },
  { requiredKeys: ['blocks'] },
);

describe('cleanBlocks over random SourcePages with hints', () => {
  it('never throws; keeps the page metadata as given; articles have a title string and non-empty paragraphs', () => {
    fc.assert(
      fc.property(sourcePage, (page) => {
        const clean = cleanBlocks(page);
        const { blocks: _blocks, ...meta } = page;
        expect(clean.source).toEqual(meta);
        for (const a of clean.articles) {
          expect(typeof a.title).toBe('string');
          for (const b of a.body) {
            expect(['paragraph', 'subhead']).toContain(b.type);
            expect(b.text.trim()).not.toBe('');
          }
        }
        for (const r of clean.removed) expect(['duplicate', 'boilerplate', 'marker']).toContain(r.reason);
      }),
      { numRuns: 400 },
    );
  });

  it('every input sentence ends up in an article or in removed, whatever the hints say', () => {
    fc.assert(
      fc.property(sourcePage, (page) => {
        const out = outputKey(cleanBlocks(page));
        for (const b of page.blocks) {
          for (const k of sentenceKeys(b.text)) {
            if (!out.includes(k)) expect(out).toContain(k.replace(/(.{3,8})\1/u, '$1'));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and does not change its input', () => {
    fc.assert(
      fc.property(sourcePage, (page) => {
        const before = structuredClone(page);
        const a = cleanBlocks(page);
        expect(page).toEqual(before);
        expect(cleanBlocks(structuredClone(page))).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it('a paragraph hinted as title, kicker, subtitle, byline or caption is not trusted to be one', () => {
    const misHinted = fc.record({
      lead: fc.nat({ max: 5000 }),
      hint: fc.constantFrom<BlockHint>('title', 'kicker', 'subtitle', 'byline', 'caption'),
      rest: fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(misHinted, ({ lead, hint, rest }) => {
        // Three full sentences in one block: a paragraph, whatever the markup said.
        const long = `${paragraph(lead)}${paragraph(lead + 1)}${paragraph(lead + 2)}`;
        const clean = cleanBlocks({ blocks: [{ text: '城南公园改造完工', hint: 'title' }, { text: long, hint }, ...rest.map((i) => ({ text: paragraph(i), hint: 'text' as const }))] });
        const key = matchKey(long);
        for (const a of clean.articles) {
          for (const field of [a.title, a.kicker, a.subtitle, a.byline, a.credit]) if (field) expect(matchKey(field)).not.toBe(key);
        }
      }),
      { numRuns: 200 },
    );
  });
});

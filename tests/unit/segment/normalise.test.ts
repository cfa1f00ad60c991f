import { describe, expect, it } from 'vitest';
import { normalise } from '../../../lib/segment/stages/normalise';

const texts = (text: string) => normalise([{ text }]).map((i) => i.text);

describe('normalise', () => {
  it('joins wrapped CJK lines without a space', () => {
    expect(texts('今年以来，全市工会累计\n慰问困难群众。')).toEqual(['今年以来，全市工会累计慰问困难群众。']);
  });
  it('joins Latin lines with a space and undoes line-break hyphens', () => {
    expect(texts('It is only hard to start\nsaving, for exam-\nple today.')).toEqual(['It is only hard to start saving, for example today.']);
  });
  it('keeps a real hyphen at a line end when the page prints that word with its hyphen (and never without)', () => {
    expect(normalise([{ text: 'a well-\nknown fact' }, { text: 'The well-known case.' }]).map((i) => i.text)).toEqual(['a well-known fact', 'The well-known case.']);
    // Counter-cases: printed whole elsewhere, or never hyphenated: a line-break hyphen.
    expect(normalise([{ text: 'a well-\nknown fact' }, { text: 'The wellknown case, the well-known one.' }])[0]!.text).toBe('a wellknown fact');
    expect(normalise([{ text: 'for exam-\nple today' }, { text: 'The well-known case.' }])[0]!.text).toBe('for example today');
  });
  it('keeps a hyphen when the next line starts with a capital', () => {
    expect(texts('the Anglo-\nSaxon law')).toEqual(['the Anglo-Saxon law']);
  });
  it('removes full-width indentation, NBSP, zero-width characters and \\r', () => {
    expect(texts('\u3000\u3000近年来，\u200b该县\u00a0总工会\r\n坚持服务。\ufeff')).toEqual(['近年来，该县 总工会坚持服务。']);
  });
  it('treats a one-line block as the full whitespace rules do, whatever character it holds', () => {
    // The one-line fast path (nothing to tidy) must agree with tidying for every UTF-16 unit.
    const reference = (t: string) => [t.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/[\s\u3000\u00a0]+/g, ' ').trim()].filter(Boolean);
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c === 0x0a || c === 0x0d || (c >= 0xd800 && c <= 0xdfff)) continue;
      const ch = String.fromCharCode(c);
      for (const t of [`甲${ch}乙`, `${ch}甲`, `甲${ch}`, `甲 ${ch}乙`, ch]) {
        if (JSON.stringify(texts(t)) !== JSON.stringify(reference(t))) differing.push(c.toString(16));
      }
    }
    expect(differing).toEqual([]);
  });
  it('keeps the page punctuation as printed', () => {
    expect(texts('扬州:居民在“家门口”享法律服务,好。')).toEqual(['扬州:居民在“家门口”享法律服务,好。']);
  });
  it('keeps standalone lines apart: notice heading, masthead lines, byline', () => {
    expect(texts('遗失声明\n遗失某某公司公章，声明作废。')).toEqual(['遗失声明', '遗失某某公司公章，声明作废。']);
    expect(texts('某某日报\n电话:025-0000000\n邮编:210000')).toEqual(['某某日报', '电话:025-0000000', '邮编:210000']);
    expect(texts('本报记者 李明\n日前，某地举行活动。')).toEqual(['本报记者 李明', '日前，某地举行活动。']);
  });
  it('splits a short headline line from the long lines under it, and a dateline line from the line above', () => {
    expect(texts('春耕正忙\n本报讯（记者 李明）连日来，各地抓住晴好天气抢种。')).toEqual(['春耕正忙', '本报讯（记者 李明）连日来，各地抓住晴好天气抢种。']);
    expect(texts('城南公园改造完工\n连日来，城南公园改造工程进入收尾阶段，市民纷纷前来\n游览，交口称赞。')).toEqual([
      '城南公园改造完工',
      '连日来，城南公园改造工程进入收尾阶段，市民纷纷前来游览，交口称赞。',
    ]);
  });
  it('records the input block index and the language', () => {
    const items = normalise([{ text: '甲乙丙' }, { text: 'plain words' }]);
    expect(items.map((i) => [i.source, i.lang])).toEqual([
      [0, 'zh'],
      [1, 'en'],
    ]);
  });
});

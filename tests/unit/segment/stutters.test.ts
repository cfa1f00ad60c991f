import { describe, expect, it } from 'vitest';
import { stutters } from '../../../lib/segment/stages/stutters';
import { prepared, working } from './helpers';

const run = (text: string) => stutters(working(prepared(text)));

describe('stutters', () => {
  it('collapses identical adjacent enumeration items and reports each', () => {
    const w = run('他们坚持“落实到基层、落实到基层”理念。\n\n每次观看都让我热血沸腾、热血沸腾。');
    expect(w.items.map((i) => i.text)).toEqual(['他们坚持“落实到基层”理念。', '每次观看都让我热血沸腾。']);
    expect(w.extras.map((e) => [e.text, e.reason, e.detail, e.source])).toEqual([
      ['落实到基层', 'duplicate', 'stutter', 0],
      ['热血沸腾', 'duplicate', 'stutter', 1],
    ]);
  });
  it('collapses an item printed three times in one go', () => {
    const w = run('心里那个高兴、那个高兴、那个高兴。');
    expect(w.items[0]!.text).toBe('心里那个高兴。');
    expect(w.extras.map((e) => e.text)).toEqual(['那个高兴', '那个高兴']);
  });
  it('counter-case: different items, a longer word, or a two-character chant stay', () => {
    const text = '研究、研究生和教师参加。\n\n支持发展、支持发展中国家。\n\n大家齐喊加油、加油。';
    const w = run(text);
    expect(w.items.map((i) => i.text)).toEqual(text.split('\n\n'));
    expect(w.extras).toEqual([]);
  });
});

// Stage credits: a credit line (本报记者 曹继炜摄) makes the block printed right above it a caption
// with that credit; a credit with nothing that can take it becomes a caption of its own.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/segment/stages/classify';
import { credits } from '../../../lib/segment/stages/credits';
import { normalise } from '../../../lib/segment/stages/normalise';
import { splitText } from '../../../lib/segment/stages/split';

const run = (text: string) => credits(classify(normalise(splitText(text)))).map((i) => [i.kind, i.text, i.credit ?? null]);

describe('credits', () => {
  it('a credit line under a text block makes that block a caption with the credit', () => {
    expect(run('市民在新建成的滨江步道上散步。\n\n本报记者 曹继炜摄')).toEqual([['caption', '市民在新建成的滨江步道上散步。', '本报记者 曹继炜']]);
  });
  it('a credit with no text above it is a caption of its own (empty text)', () => {
    expect(run('（记者 王娜 摄）')).toEqual([['caption', '', '记者 王娜']]);
  });
  it('counter-case: a paragraph that opens with a dateline does not take the credit under it', () => {
    expect(run('本报讯（记者 李明）昨天，城南公园改造完工。\n\n记者 王娜 摄').map((r) => r[0])).toEqual(['paragraph', 'caption']);
  });
  it('counter-case: a block that already has a credit does not take a second one', () => {
    const out = run('日前，学员参观纪念馆。 章善玉 摄\n\n吴泽宁 摄');
    expect(out).toEqual([
      ['caption', '日前，学员参观纪念馆。', '章善玉'],
      ['caption', '', '吴泽宁'],
    ]);
  });
  it('counter-case: a byline above a credit is not made a caption', () => {
    expect(run('本报记者 张明\n\n本报记者 曹继炜摄').map((r) => r[0])).toEqual(['byline', 'caption']);
  });
});

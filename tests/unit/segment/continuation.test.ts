import { describe, expect, it } from 'vitest';
import { continuation } from '../../../lib/segment/stages/continuation';
import { join } from '../../../lib/segment/stages/join';
import { prepared, working } from './helpers';

const run = (text: string) =>
  continuation(join(working(prepared(text))))
    .items.filter((i) => !i.removed)
    .map((i) => i.text);

const HEAD = '宿城区推进工会加强年走深走实\n\n今年以来，区总工会高质量服务职工群众。';
const ORPHAN = '社区、站所等开展“双进”活动20余场、公益赠书20余场。';
const MIDDLE = '他们组织近百家企业开展劳动技能比武大赛，每年表彰先进集体10个。';
const LAST = '区总积极培育职工文化，他们结合区域实际，深入园区、企业、车间、班组、';

describe('continuation', () => {
  it('joins the one orphaned enumeration paragraph to the dangling last paragraph', () => {
    expect(run([HEAD, MIDDLE, ORPHAN, MIDDLE.replace('10', '12'), LAST].join('\n\n')).at(-1)).toBe(LAST + ORPHAN);
    expect(run([HEAD, MIDDLE, ORPHAN, MIDDLE.replace('10', '12'), LAST].join('\n\n')).filter((t) => t.startsWith('社区、'))).toEqual([]);
  });
  it('counter-case: two candidates is not strong evidence; nothing moves', () => {
    const other = '厂区、车间等开展培训30余场。';
    const out = run([HEAD, MIDDLE, ORPHAN, other, LAST].join('\n\n'));
    expect(out.at(-1)).toBe(LAST);
  });
  it('counter-case: numbered items are not orphans', () => {
    const numbered = '一、起点高、标准高。';
    expect(run([HEAD, MIDDLE, numbered, LAST].join('\n\n')).at(-1)).toBe(LAST);
  });
  it('counter-case: without a dangling enumeration nothing moves', () => {
    expect(run([HEAD, MIDDLE, ORPHAN, LAST.replace(/、$/, '。')].join('\n\n'))).toContain(ORPHAN);
  });
});

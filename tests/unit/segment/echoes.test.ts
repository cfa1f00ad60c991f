import { describe, expect, it } from 'vitest';
import { dedupe } from '../../../lib/segment/stages/dedupe';
import { echoes } from '../../../lib/segment/stages/echoes';
import { prepared, working } from './helpers';

const run = (text: string) => echoes(dedupe(working(prepared(text)))).items;

const A_TITLE = '高港区推进新就业群体关爱项目';
const A1 = '本报讯（通讯员 薛一）日前，高港区总工会联合举办新就业群体关爱项目推进会。';
const A2 = '据了解，本次推进会旨在联合各行业协会，进一步梳理工作思路，集成服务资源。';
const B_TITLE = '沭阳百部红色电影展映打动人心';
const B1 = '本报讯（通讯员 司二）8月22日晚，青年职工在沭阳县工人文化宫观看电影后深受感动。';
const B2 = '近年来，沭阳县总把党史学习教育与办实事结合起来，进学校进行红色电影公益展映，至今已展映红色电影近200部。';
const STRAY = '沭阳县工人文化宫副主任淳冬生把每次电影展映场面都拍成视频海报，引起社会关注。';

describe('echoes', () => {
  it('removes copies printed before a headline and keeps the in-place one', () => {
    const items = run([A_TITLE, A1, A2, B2, B_TITLE, B1, B2].join('\n\n'));
    const b2 = items.filter((i) => i.text === B2);
    expect(b2.map((i) => i.removed?.detail)).toEqual(['echo', undefined]);
    expect(items.findIndex((i) => i.text === B2 && !i.removed)).toBeGreaterThan(items.findIndex((i) => i.text === B_TITLE));
  });
  it('moves a stray paragraph of that run to the end of the following article', () => {
    const items = run([A_TITLE, A1, A2, B2, STRAY, B_TITLE, B1, B2].join('\n\n')).filter((i) => !i.removed);
    expect(items.map((i) => i.text)).toEqual([A_TITLE, A1.replace(/^本报讯（通讯员 薛一）/, ''), A2, B_TITLE, B1.replace(/^本报讯（通讯员 司二）/, ''), B2, STRAY]);
  });
  it('counter-case: without an echo, a paragraph before a headline stays where it is', () => {
    const items = run([A_TITLE, A1, A2, STRAY, B_TITLE, B1, B2].join('\n\n'));
    expect(items.map((i) => i.text).indexOf(STRAY)).toBe(3);
    expect(items.every((i) => !i.removed)).toBe(true);
  });
  it('counter-case: a paragraph of the current article next to an echo is not moved', () => {
    const items = run([A_TITLE, A1, A2, B2, B_TITLE, B1, B2].join('\n\n')).filter((i) => !i.removed);
    expect(items.map((i) => i.text).indexOf(A2)).toBe(2);
  });
  it('counter-case: a repeat inside the same article is not an echo of the next one', () => {
    const items = run([A_TITLE, A1, A2, A2, B_TITLE, B1, B2].join('\n\n'));
    expect(items.filter((i) => i.text === A2).map((i) => i.removed?.detail)).toEqual([undefined, 'repeat']);
  });
  it('counter-case: the tail of an article repeated inside the next one stays with its own article', () => {
    const tail = `${A_TITLE}推进会上，各协会负责人交流了服务新就业群体的经验做法。`;
    const items = run([A_TITLE, A1, tail, B_TITLE, B1, B2, tail].join('\n\n'));
    expect(items.filter((i) => i.text === tail).map((i) => i.removed?.detail)).toEqual([undefined, 'repeat']);
  });
});

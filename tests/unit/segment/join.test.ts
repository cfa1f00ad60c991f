import { describe, expect, it } from 'vitest';
import { join } from '../../../lib/segment/stages/join';
import { furniture } from '../../../lib/segment/stages/furniture';
import { prepared, working } from './helpers';

const run = (text: string) =>
  join(furniture(working(prepared(text))))
    .items.filter((i) => !i.removed)
    .map((i) => i.text);

describe('join', () => {
  it('joins CJK paragraphs broken mid-sentence without a space', () => {
    expect(run('同时，线上发布公众号版“企业职工组建流程”，线下精简制定并印发《企业工作组建手册》,服务企业建\n\n会“少跑路”。')).toEqual(['同时，线上发布公众号版“企业职工组建流程”，线下精简制定并印发《企业工作组建手册》,服务企业建会“少跑路”。']);
  });
  it('joins after a dangling comma or enumeration mark even when short', () => {
    expect(run('联合区委组织部选取试点镇,\n\n开展试点工作。')).toEqual(['联合区委组织部选取试点镇,开展试点工作。']);
  });
  it('joins Latin pieces with a space and undoes a line-break hyphen', () => {
    expect(run('Monday evening was the scene of great festivities in Masonic circles of\n\nthis city, where the members met for the exam-\n\nination of the candidates.')).toEqual([
      'Monday evening was the scene of great festivities in Masonic circles of this city, where the members met for the examination of the candidates.',
    ]);
  });
  it('passes over a caption and removed furniture between the two halves', () => {
    expect(run('沭阳县总每年清明节组织职工开展扫墓活动。同时利用报纸、电视、微信公众号等各种媒体刊发党史\n\n市民在公园晨练。 李明 摄\n\n责任编辑 王一\n\n教育系列宣传文章。')).toEqual([
      '沭阳县总每年清明节组织职工开展扫墓活动。同时利用报纸、电视、微信公众号等各种媒体刊发党史教育系列宣传文章。',
      '市民在公园晨练。',
    ]);
  });
  it('never joins across a title or byline', () => {
    expect(run('其中，《危险的电老虎》《缺钙的电杆》《倾斜的电线\n\n居民在家门口享法律服务\n\n本报讯(尤甲 丙乙)日前，居民来访。')).toEqual([
      '其中，《危险的电老虎》《缺钙的电杆》《倾斜的电线',
      '居民在家门口享法律服务',
      '日前，居民来访。',
    ]);
  });
  it('counter-case: a short paragraph that really ends without 。 is not joined', () => {
    expect(run('城南公园改造完工\n\n连日来，城南公园改造工程进入收尾阶段。\n\n附：参建单位名单\n\n城建集团、园林公司。')).toContain('附：参建单位名单');
  });
  it('counter-case: a paragraph ending after a closing quote is finished', () => {
    expect(run('他说：“每次观看这些影片，都让我热血沸腾。”\n\n国家要富强，民族要振兴。')).toHaveLength(2);
  });
  it('counter-case: a short note in brackets after the last sentence does not reopen it; the next headline stays one', () => {
    const text = '港口扩建工程通过验收\n\n本报讯 港口扩建工程昨日通过验收，新增泊位三个。（记者 王芳）\n\n城市绿道串起乡村\n\n连日来，城郊绿道建设进入收尾阶段。';
    expect(run(text)).toEqual(['港口扩建工程通过验收', '港口扩建工程昨日通过验收，新增泊位三个。（记者 王芳）', '城市绿道串起乡村', '连日来，城郊绿道建设进入收尾阶段。']);
    // A bracket inside a sentence still leaves it open: …同比增长（初步统计）, then the rest of it.
    expect(run('今年前三季度，全市工业产值同比增长（初步统计）\n\n百分之八点五，增速居全省前列。')).toHaveLength(1);
  });
});

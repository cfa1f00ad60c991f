import { describe, expect, it } from 'vitest';
import type { Item } from '../../../lib/segment/item';
import { classify } from '../../../lib/segment/stages/classify';
import { normalise } from '../../../lib/segment/stages/normalise';

const one = (text: string): Item => classify(normalise([{ text }]))[0]!;
const kind = (text: string) => one(text).kind;

describe('classify: bylines and datelines', () => {
  it.each([
    ['通讯员 王娜 记者 丁彬彬', '通讯员 王娜 记者 丁彬彬'],
    ['本报记者 张明', '本报记者 张明'],
    ['■ 记者 李华', '记者 李华'],
    ['通讯员 赵四', '通讯员 赵四'],
    ['□本报记者秦丽云 刘菁 唐迅', '本报记者秦丽云 刘菁 唐迅'],
    // Two-character names padded to three characters' width.
    ['本报记者 李 明', '本报记者 李 明'],
    ['本报记者  周小红  王  芳', '本报记者 周小红 王 芳'],
    // A commentary's author after a square, with or without the author's post in brackets.
    ['□钱小青', '钱小青'],
    ['□周立新（某市人民医院心内科）', '周立新（某市人民医院心内科）'],
    // City papers' roles, a writer's mark, a bracketed line under the headline, a paper's commentator.
    ['全媒体记者 王芳', '全媒体记者 王芳'],
    ['本报融媒体记者 赵刚', '本报融媒体记者 赵刚'],
    ['本报特派记者 王芳', '本报特派记者 王芳'],
    ['某某日报记者 王芳', '某某日报记者 王芳'],
    ['文/本报记者 王芳', '文/本报记者 王芳'],
    ['文/图 本报记者 王芳', '文/图 本报记者 王芳'],
    ['（记者 王芳）', '记者 王芳'],
    ['本报评论员', '本报评论员'],
  ])('byline block %s', (text, byline) => {
    expect(one(text)).toMatchObject({ kind: 'byline', byline });
  });
  it.each([
    ['本报讯(通讯员 蒋一 记者 秦二)日前，区总工会举行颁奖仪式。', '本报讯', '通讯员 蒋一 记者 秦二', '日前，区总工会举行颁奖仪式。'],
    ['本报讯(尤甲 丙乙)“感谢社区。”日前，居民来访。', '本报讯', '尤甲 丙乙', '“感谢社区。”日前，居民来访。'],
    ['【新华社延安十日电】边区各界集会。', '新华社延安十日电', undefined, '边区各界集会。'],
    ['新华社北京11月5日电(记者 王五)国务院日前印发通知。', '新华社北京11月5日电', '记者 王五', '国务院日前印发通知。'],
    ['扬子晚报讯 (记者 钱六)昨天，市区气温创新高。', '扬子晚报讯', '记者 钱六', '昨天，市区气温创新高。'],
    ['本报北京1月2日电  （记者王浩）全国铁路迎来客流高峰。', '本报北京1月2日电', '记者王浩', '全国铁路迎来客流高峰。'],
    // Agency forms without a month, urgent/special dispatches, a branch office, a city desk.
    ['新华社延安十日电 边区各界集会。', '新华社延安十日电', undefined, '边区各界集会。'],
    ['新华社荷泽十二日急电 军息：形势紧张。', '新华社荷泽十二日急电', undefined, '军息：形势紧张。'],
    ['新华社晋冀鲁豫总分社邯郸讯 代表团来电称。', '新华社晋冀鲁豫总分社邯郸讯', undefined, '代表团来电称。'],
    ['本市讯 为了纪念烈士，决定建陵园。', '本市讯', undefined, '为了纪念烈士，决定建陵园。'],
    ['【新华社北京电】（记者 王五）国务院日前印发通知。', '新华社北京电', '记者 王五', '国务院日前印发通知。'],
    // The paper's special, exclusive and round-up dispatches.
    ['本报特讯 边区救济会昨日通电全国。', '本报特讯', undefined, '边区救济会昨日通电全国。'],
    ['本报专讯（记者 李明）市区新开三条公交线路。', '本报专讯', '记者 李明', '市区新开三条公交线路。'],
    ['本报综合讯 各地春耕生产有序展开。', '本报综合讯', undefined, '各地春耕生产有序展开。'],
  ])('dateline paragraph %s', (text, dateline, byline, rest) => {
    const it = one(text);
    expect(it.kind).toBe('paragraph');
    expect(it.dateline).toBe(dateline);
    expect(it.byline).toBe(byline);
    expect(it.text).toBe(rest);
  });
  it.each(['记者手记', '（记者观察）', '◎产业兴旺', '□记者手记'])('counter-case: a column or a bulleted heading, not a byline: %s', (text) => {
    expect(kind(text)).not.toBe('byline');
  });
  it.each(['新华社发布通讯称，会议圆满结束。', '新华社记者今日电话采访了他。', '本市讯息发布平台今日上线。', '本报特讯息栏目今日改版。'])('counter-case: not a dateline: %s', (text) => {
    expect(one(text).dateline).toBeUndefined();
  });
  it('a dateline with nothing after it is a byline block', () => {
    expect(one('本报讯(通讯员 王娜 记者 丁彬彬)')).toMatchObject({ kind: 'byline', dateline: '本报讯', byline: '通讯员 王娜 记者 丁彬彬' });
  });
});

describe('classify: captions, markers, notices, furniture', () => {
  it.each([
    ['日前，学员参观纪念馆，厚植爱国情怀。 章善玉 吴泽宁 摄', '章善玉 吴泽宁', '日前，学员参观纪念馆，厚植爱国情怀。'],
    ['市民在公园晨练。(李明摄)', '李明', '市民在公园晨练。'],
    ['志愿者清理河道垃圾。 王芳/摄', '王芳', '志愿者清理河道垃圾。'],
    ['新建成的大桥正式通车。 本报记者 曹二 摄', '本报记者 曹二', '新建成的大桥正式通车。'],
    // The photo agency or column named after 摄, and a name padded to three characters' width.
    ['新建成的大桥正式通车。 王小川摄（影像中国）', '王小川', '新建成的大桥正式通车。'],
    ['市民在公园晨练。 李 红摄', '李 红', '市民在公园晨练。'],
  ])('caption with credit: %s', (text, credit, body) => {
    expect(one(text)).toMatchObject({ kind: 'caption', credit, text: body });
  });
  it.each(['王小川摄（影像中国）', '李 红摄'])('a credit alone: %s', (text) => {
    expect(kind(text)).toBe('credit');
  });
  it.each(['图为新建成的社区服务中心。', '图①：新建成的社区服务中心。', '上图：市民在公园晨练。', '（图片由受访者提供）'])('图为… / 图①：… is a caption without a credit: %s', (text) => {
    expect(one(text)).toMatchObject({ kind: 'caption' });
  });
  it.each(['某某村——', '春耕时节，记者再访山区种粮大户——'])('a kicker ending with a dash is headline-shaped: %s', (text) => {
    expect(kind(text)).toBe('heading');
  });
  // (A short one, 他说——, is headline-shaped here; context keeps it as text when no headline is under it.)
  it.each(['会议结束。他站起来说——', '记者走访了江边的茶园，两岸的茶农正忙着采摘春茶，合作社请来农技专家，手把手教大家科学管护——'])('counter-case: not a kicker: %s', (text) => {
    expect(kind(text)).toBe('paragraph');
  });
  it('counter-case: a sentence ending in 拍摄 is not a caption', () => {
    expect(kind('他把每次展映的场面都用手机进行了拍摄')).not.toBe('caption');
    expect(kind('工作人员正在现场进行拍摄。')).toBe('paragraph');
  });
  it.each([
    ['下转第2版', '第2版'],
    ['(转第3版)', '第3版'],
    ['（下转第A04版）', '第A04版'],
  ])('continuation marker %s', (text, page) => {
    expect(one(text)).toMatchObject({ kind: 'marker', continuedOn: page });
  });
  it('上接 marker has no continuedOn', () => {
    expect(one('上接第1版')).toMatchObject({ kind: 'marker' });
    expect(one('上接第1版').continuedOn).toBeUndefined();
  });
  it('notices: heading and body', () => {
    expect(kind('遗失声明')).toBe('notice-head');
    expect(kind('注销公告')).toBe('notice-head');
    expect(kind('公 告')).toBe('notice-head');
    expect(kind('遗失某某经营部公章，编号123，声明作废。')).toBe('notice');
  });
  it.each([
    ['投稿邮箱:abc@126.com', 'editor'],
    ['责任编辑 王一', 'editor'],
    ['本版责编：李二', 'editor'],
    ['校对：张三', 'editor'],
    ['电话:025-83279186', 'masthead'],
    ['地址:南京市中山北路202号', 'masthead'],
    ['网址:www.example.com', 'masthead'],
    ['第01版：要闻', 'page-header'],
    ['2023年8月30日 星期三', 'page-header'],
  ])('furniture %s', (text, furniture) => {
    expect(one(text)).toMatchObject({ kind: 'boilerplate', furniture });
  });
  it('a paper name alone is only a candidate masthead line', () => {
    expect(one('江苏工人报')).toMatchObject({ weakMasthead: true });
    expect(one('江苏工人报').kind).not.toBe('boilerplate');
  });
});

describe('classify: headline shape', () => {
  it('short unpunctuated blocks are headline-shaped, including ones with a comma inside', () => {
    expect(kind('工会“金秋助学”护航逐梦')).toBe('heading');
    expect(kind('多维深入复盘,促进应急抢险')).toBe('heading');
    expect(kind('谁来守护城市的夜？')).toBe('heading');
    // A question with the column's name after it.
    expect(kind('谁来守护城市的夜？（城市观察）')).toBe('heading');
  });
  it('counter-cases: sentences, dangling clauses and long blocks are paragraphs', () => {
    expect(kind('会“少跑路”。')).toBe('paragraph');
    expect(kind('联合区委组织部选取试点镇,')).toBe('paragraph');
    expect(kind('区总积极培育健康文明、昂扬向上的职工文化，“县级工会加强年”以来，他们结合区域实际深入园区企业车间班组')).toBe('paragraph');
    // An interview's question or answer is not a headline, however short.
    expect(kind('问：这项工作下一步怎么推进？')).toBe('paragraph');
    expect(kind('答：分三步走')).toBe('paragraph');
    // A question mark with more text after it than a column's name is a sentence inside.
    expect(kind('谁来守护？城市的夜很长')).toBe('paragraph');
  });
  it('English: Title Case and ALL CAPS lines are headline-shaped, wrapped lines are not', () => {
    expect(kind('City "Dads" Hold Meeting')).toBe('heading');
    expect(kind('It Isn\'t Hard To Save')).toBe('heading');
    expect(kind('of your money is guaranteed, not')).toBe('paragraph');
    expect(kind('Free and Accepted Masons tit Nebras')).toBe('paragraph');
  });
  it('English bylines and datelines', () => {
    expect(kind('By John Smith')).toBe('byline');
    expect(one('Red Cloud, Jan. 4, 1916.')).toMatchObject({ kind: 'byline', dateline: 'Red Cloud, Jan. 4, 1916.' });
  });
});

describe('classify: block hints are evidence, not orders', () => {
  const hinted = (text: string) => classify(normalise([{ text, hint: 'caption' }]))[0]!.kind;
  it('a caption hint on caption-sized text makes a caption', () => {
    expect(hinted('市民在新建成的滨江步道上散步。')).toBe('caption');
  });
  it('counter-case: a caption hint on a long block of article text is not believed', () => {
    const long = '今年以来，全市工会累计慰问帮扶困难职工一万余人次，发放慰问金三百余万元。'.repeat(6);
    expect(long.length).toBeGreaterThan(200);
    expect(hinted(long)).toBe('paragraph');
  });
});

// Golden test on the seed page (seeds/000_eb3ad0464bd81ecb.txt): every item of the page checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../../lib/segment';
import type { Article, CleanPage } from '../../../lib/types';
import { outputKey, sentenceKeys } from './helpers';

const seedText = readFileSync(join(__dirname, '../../../seeds/000_eb3ad0464bd81ecb.txt'), 'utf8');
let page: CleanPage;
let stories: Article[];
const byTitle = (t: string) => {
  const a = stories.find((s) => s.title.startsWith(t));
  if (!a) throw new Error(`no article ${t}`);
  return a;
};
const paragraphs = (a: Article) => a.body.filter((b) => b.type === 'paragraph').map((b) => b.text);
const allText = () => page.articles.flatMap((a) => [a.title, ...a.body.map((b) => b.text)]).join('\n');

beforeAll(() => {
  page = cleanText(seedText);
  stories = page.articles.filter((a) => a.kind === 'article');
});

describe('seed page: articles', () => {
  it('has the 8 articles in page order, with titles', () => {
    expect(stories.map((a) => a.title)).toEqual([
      '精心组织 精细谋划 精准发力 宿城区推进“县级工会加强年”走深走实',
      '工会“金秋助学”护航逐梦',
      '淮安区“安全隐患随手拍”显成效',
      '扬州:居民在“家门口”享法律服务',
      '多维深入复盘,促进应急抢险',
      '高港区推进新就业群体党建关爱凝聚项目',
      '沭阳百部红色电影展映打动人心',
      '中核华兴吹响劳模创新“集结号”',
    ]);
    for (const a of stories) {
      expect(a.kicker).toBeNull();
      expect(a.subtitle).toBeNull();
      expect(a.credit).toBeNull();
    }
  });

  it('attaches bylines and datelines; the body keeps the text after the dateline', () => {
    const expected: [string, string | null, string | null, string][] = [
      ['精心组织', null, '通讯员 王娜 记者 丁彬彬', '今年以来,宿州市宿城区总工会'],
      ['工会“金秋助学”', null, null, '困难职工和低保职工就读大学生'],
      ['淮安区', '本报讯', '通讯员 蒋渭清 秦志贵 卢克余', '日前,淮安区总工会举行'],
      ['扬州', '本报讯', '尤嘉 丙涛', '“感谢社区的职工法律援助中心'],
      ['多维深入复盘', null, null, '夏季多发强对流灾害性天气'],
      ['高港区', '本报讯', '通讯员 薛敏 韩青 记者 徐军霞', '日前,泰州市高港区党工委'],
      ['沭阳百部', '本报讯', '通讯员 司奋 记者 丁彬彬', '“今天的影片让我们'],
      ['中核华兴', '本报讯', '胡青青 王槐文', '8月25日,中核华兴公司召开'],
    ];
    for (const [title, dateline, byline, first] of expected) {
      const a = byTitle(title);
      expect([a.dateline, a.byline], title).toEqual([dateline, byline]);
      expect(a.body[0]!.text.startsWith(first), title).toBe(true);
      expect(a.body.some((b) => b.text.includes('本报讯'))).toBe(false);
    }
  });

  it('keeps the three section subheads of the first article as subheads, in place', () => {
    const a = byTitle('精心组织');
    expect(a.body.filter((b) => b.type === 'subhead').map((b) => b.text)).toEqual([
      '精心组织,突出面向基层“不走空”',
      '精细谋划,突出联系基层“不走虚”',
      '精准发力,突出服务基层“不走样”',
    ]);
    expect(a.body[1]).toEqual({ type: 'subhead', text: '精心组织,突出面向基层“不走空”' });
  });

  it('flags exactly the truncated articles', () => {
    expect(stories.filter((a) => a.truncated).map((a) => a.title)).toEqual(['淮安区“安全隐患随手拍”显成效', '中核华兴吹响劳模创新“集结号”']);
    expect(paragraphs(byTitle('淮安区')).at(-1)!.endsWith('《倾斜的电线')).toBe(true);
    expect(paragraphs(byTitle('中核华兴')).at(-1)!.endsWith('有完善的资')).toBe(true);
    for (const a of stories) expect(a.continuedOn).toBeNull();
  });
});

describe('seed page: captions, notice, advert, masthead', () => {
  it('has 3 captions with credits and an empty title; the one printed twice is kept once', () => {
    const caps = page.articles.filter((a) => a.kind === 'caption');
    expect(caps.map((c) => c.credit)).toEqual(['章善玉 吴泽宁', '刘保顺', '丁彬彬 李孝庭']);
    expect(caps.map((c) => c.title)).toEqual(['', '', '']);
    expect(caps[0]!.body).toEqual([
      { type: 'paragraph', text: '日前,江苏出入境边防检查总站轮训大队组织培训班学员民警到雨花烈士陵园江苏公安英烈纪念馆,开展“祭奠英烈 励志”主题党日活动,增强党性修养,厚植爱国情怀。' },
    ]);
    expect(caps[1]!.body[0]!.text.startsWith('全国劳模、中国好人')).toBe(true);
    expect(caps[2]!.body[0]!.text.endsWith('倾听企业发展需求。')).toBe(true);
    const dup = page.removed.filter((r) => r.text.startsWith('日前,江苏出入境'));
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ reason: 'duplicate', duplicateOf: expect.stringMatching(/^日前,江苏出入境/) });
    expect(dup[0]!.text.endsWith('章善玉 吴泽宁 摄')).toBe(true);
  });

  it('has the notice with its heading as title, and the slogan as an advert', () => {
    const notices = page.articles.filter((a) => a.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toBe('遗失声明');
    expect(notices[0]!.body).toEqual([{ type: 'paragraph', text: '遗失东台经济开发区永全建材经营部公章, 编号 3205061438974, 声明作废。' }]);
    const ads = page.articles.filter((a) => a.kind === 'advert');
    expect(ads.map((a) => a.title)).toEqual(['携手合作 共同发展']);
  });

  it('removes the masthead/footer lines and the 投稿邮箱 line as boilerplate', () => {
    const boiler = page.removed.filter((r) => r.reason === 'boilerplate');
    expect(boiler.filter((r) => r.detail === 'masthead').map((r) => r.text)).toEqual([
      '江苏工人报',
      '江苏工人报社广告部',
      '(江苏工人报发展有限公司)',
      '电话:025-83279186',
      '电子邮箱:83279186@126.com',
      '地址:南京市中山北路202号',
      '邮编:210003',
      '江苏工人报新闻网',
      '网址:www.jsgrb.com',
    ]);
    expect(boiler.filter((r) => r.detail === 'editor').map((r) => r.text)).toEqual(['投稿邮箱:jsgrbky@126.com']);
    expect(allText()).not.toMatch(/电话|邮编|网址|投稿邮箱|江苏工人报/);
  });
});

describe('seed page: duplicates, echoes, joins, stutters', () => {
  it('removes the near-duplicate whose first clause differs, keeping the in-place one', () => {
    const body = paragraphs(byTitle('高港区'));
    expect(body.filter((p) => p.includes('发布了《医药高新区'))).toHaveLength(1);
    expect(body.some((p) => p.startsWith('活动现场发布了'))).toBe(true);
    const r = page.removed.find((x) => x.text.startsWith('本次活动发布了'));
    expect(r).toMatchObject({ reason: 'duplicate', duplicateOf: expect.stringMatching(/^活动现场发布了/) });
  });

  it('removes the fragments printed again inside 中核华兴 (a suffix of one paragraph and the next one)', () => {
    const zh = paragraphs(byTitle('中核华兴')).join('');
    expect(zh).not.toContain('法润邗沟');
    expect(zh).not.toContain('法律援助服务中心');
    const yz = paragraphs(byTitle('扬州'));
    expect(yz).toHaveLength(3);
    expect(yz[1]!.endsWith('构建一站式“援法议事”服务平台。')).toBe(true);
    expect(yz[2]!.startsWith('据了解,该法律援助服务中心成立以来')).toBe(true);
    const frag = page.removed.filter((x) => x.text.startsWith('围绕“法润邗沟') || x.text.startsWith('据了解,该法律援助'));
    expect(frag.map((x) => x.reason)).toEqual(['duplicate', 'duplicate']);
    expect(frag[0]!.duplicateOf!.startsWith('邗沟社区总户数')).toBe(true);
  });

  it('removes the echoes before the 沭阳 headline and moves the stray paragraph to that article', () => {
    const gg = paragraphs(byTitle('高港区'));
    expect(gg.join('')).not.toMatch(/沭阳|淳冬生/);
    expect(gg.at(-1)!.startsWith('据了解,本次新就业群体')).toBe(true);
    const sy = paragraphs(byTitle('沭阳百部'));
    expect(sy).toHaveLength(3);
    expect(sy[1]).toBe(
      '近年来,为更好地服务大局、服务社会,沭阳县总把党史学习教育与开展“我为职工办实事”活动结合起来,下乡镇、到企业、进学校进行红色电影公益展映,丰富职工的业余生活,至今已展映《八佰》《长津湖》《我和我的祖国》等红色电影近200部。沭阳县总每年清明节组织职工开展扫墓活动,向英烈们表达敬意,“八一”“十一”等重大节日组织有针对性的纪念活动。同时利用报纸、电视、微信公众号等各种媒体刊发党史教育系列宣传文章等,促进党员干部和职工群众深入了解党的历史,增强爱国情感,培育民族精神。',
    );
    expect(sy[2]!.startsWith('沭阳县工人文化宫副主任淳冬生')).toBe(true);
    const echoes = page.removed.filter((r) => r.detail === 'echo');
    expect(echoes.map((r) => r.text.slice(0, 8))).toEqual(['近年来,为更好地', '教育系列宣传文章']);
  });

  it('makes the four column joins without a space', () => {
    const first = paragraphs(byTitle('精心组织'));
    expect(first.some((p) => p.includes('联合区委组织部选取试点镇,开展“有效发挥村级工会作用'))).toBe(true);
    expect(first.some((p) => p.endsWith('服务企业建会“少跑路”。'))).toBe(true);
    expect(paragraphs(byTitle('沭阳百部')).some((p) => p.includes('刊发党史教育系列宣传文章等'))).toBe(true);
    expect(paragraphs(byTitle('中核华兴')).some((p) => p.includes('同时明确要求、标准,确保创新工作扎实开展'))).toBe(true);
    expect(allText()).not.toMatch(/^会“少跑路”。$|^教育系列|^要求、标准/m);
  });

  it('joins the misplaced continuation to the dangling enumeration; the article is then complete', () => {
    const first = paragraphs(byTitle('精心组织'));
    expect(first.at(-1)).toBe(
      '区总积极培育健康文明、昂扬向上的职工文化。“县级工会加强年”以来,他们结合区域实际,深入园区、企业、车间、班组、社区、站所等开展“双进”活动20余场、公益赠书20余场、各类培训30余场。',
    );
    expect(first.filter((p) => p.includes('社区、站所'))).toHaveLength(1);
    expect(byTitle('精心组织').truncated).toBe(false);
  });

  it('collapses the two stutters and reports them', () => {
    expect(allText()).not.toMatch(/落实到基层、落实到基层|热血沸腾、热血沸腾/);
    expect(allText()).toContain('坚持“落实到基层”理念');
    expect(allText()).toContain('都让我热血沸腾。');
    const st = page.removed.filter((r) => r.detail === 'stutter');
    expect(st.map((r) => r.text)).toEqual(['落实到基层', '热血沸腾']);
  });

  it('leaves no paragraph printed twice', () => {
    const all = page.articles.flatMap((a) => a.body.map((b) => b.text));
    expect(new Set(all).size).toBe(all.length);
  });

  it('reports every removal with a reason and its block, and nothing else', () => {
    const count = (reason: string) => page.removed.filter((r) => r.reason === reason).length;
    expect(count('duplicate')).toBe(8); // caption, near-duplicate, 2 echoes, fragment, repeat, 2 stutters
    expect(count('boilerplate')).toBe(10);
    expect(count('marker')).toBe(0);
    for (const r of page.removed) expect(typeof r.source).toBe('number');
  });

  it('loses nothing: every input sentence is in an article or in removed', () => {
    const out = outputKey(page);
    const missing = sentenceKeys(seedText).filter((k) => !out.includes(k) && !out.includes(k.replace(/(.{3,8})\1/, '$1')));
    expect(missing).toEqual([]);
  });
});

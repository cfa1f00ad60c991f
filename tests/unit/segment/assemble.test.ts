import { describe, expect, it } from 'vitest';
import { cleanBlocks, cleanText } from '../../../lib/segment';

describe('assemble', () => {
  it('builds an article: kicker, title, subtitle, dateline/byline, body with subheads', () => {
    const page = cleanText(
      '春风吹绿千村万户\n\n乡村振兴开新局\n\n——来自基层的调查\n\n本报讯（通讯员 王一 记者 李二）近日，记者走访了多个村庄，乡村振兴开新局。\n\n新局面，振兴乡村开新局\n\n村民收入持续增长。',
    );
    expect(page.articles).toEqual([
      {
        kind: 'article',
        kicker: '春风吹绿千村万户',
        title: '乡村振兴开新局',
        subtitle: '——来自基层的调查',
        byline: '通讯员 王一 记者 李二',
        dateline: '本报讯',
        body: [
          { type: 'paragraph', text: '近日，记者走访了多个村庄，乡村振兴开新局。' },
          { type: 'subhead', text: '新局面，振兴乡村开新局' },
          { type: 'paragraph', text: '村民收入持续增长。' },
        ],
        credit: null,
        truncated: false,
        continuedOn: null,
      },
    ]);
  });
  it('a first paragraph that repeats the dateline (or the people) printed above it keeps its text once', () => {
    const bodies = (t: string) => cleanText(t).articles.map((a) => [a.dateline, a.byline, a.body.map((b) => b.text)]);
    expect(bodies('港口扩建工程通过验收\n\n新华社荷泽十一日电\n\n【新华社荷泽十一日电】港口扩建工程昨日通过验收。')).toEqual([['新华社荷泽十一日电', null, ['港口扩建工程昨日通过验收。']]]);
    expect(bodies('港口扩建工程通过验收\n\n记者 王娜\n\n本报讯（记者 王娜）港口扩建工程昨日通过验收。')).toEqual([['本报讯', '记者 王娜', ['港口扩建工程昨日通过验收。']]]);
    // Counter-case: other people named in the paragraph's lead keep the paragraph as printed.
    expect(bodies('港口扩建工程通过验收\n\n记者 王娜\n\n本报讯（通讯员 李四）港口扩建工程昨日通过验收。')).toEqual([
      ['本报讯', '记者 王娜', ['本报讯（通讯员 李四）港口扩建工程昨日通过验收。']],
    ]);
  });
  it('marks truncated articles, with continuedOn when the page says where', () => {
    const page = cleanText('城南公园改造完工\n\n连日来，城南公园改造工程进入收尾阶段，市民\n\n下转第2版\n\n城北新区规划发布\n\n新区规划面积三十平方公里，将建设');
    expect(page.articles.map((a) => [a.title, a.truncated, a.continuedOn])).toEqual([
      ['城南公园改造完工', true, '第2版'],
      ['城北新区规划发布', true, null],
    ]);
    expect(page.removed).toEqual([{ text: '下转第2版', reason: 'marker', detail: 'continuation', source: 2 }]);
  });
  it('an article ending in its closing line (a note in brackets, a sign-off) is whole, the line its last paragraph', () => {
    const page = cleanText('港口扩建工程通过验收\n\n本报记者 李 明\n\n港口扩建工程昨日通过验收。\n\n（张小川参与采写）\n\n致全市志愿者的一封信\n\n感谢大家一年来的付出。\n\n——编 者');
    expect(page.articles.map((a) => [a.title, a.truncated, a.body.map((b) => b.text)])).toEqual([
      ['港口扩建工程通过验收', false, ['港口扩建工程昨日通过验收。', '（张小川参与采写）']],
      ['致全市志愿者的一封信', false, ['感谢大家一年来的付出。', '——编 者']],
    ]);
    // Counter-case: text going on after a sign-off is the article's text again, and it may be cut off.
    const cut = '来信说，志愿者们每天清晨六点就来到社区服务站，帮助老人们量血压、测血糖，一直忙到';
    expect(cleanText(`致志愿者的一封信\n\n感谢大家的付出。\n\n——编 者\n\n${cut}`).articles.map((a) => [a.truncated, a.body.length])).toEqual([[true, 3]]);
  });
  it("a photo's title over its caption, with no text under them, is the caption's title (图片新闻)", () => {
    const page = cleanText('春耕备耕正当时\n\n4月10日，农民在田间驾驶农机进行春耕作业。 王小川 摄\n\n樱花盛开迎游客\n\n4月9日，游客在公园内赏樱拍照。 李 红摄\n\n全省秋粮收购进度过半\n\n本报讯（记者 周强）全省累计收购秋粮五百万吨。');
    expect(page.articles.map((a) => [a.kind, a.title, a.credit])).toEqual([
      ['caption', '春耕备耕正当时', '王小川'],
      ['caption', '樱花盛开迎游客', '李 红'],
      ['article', '全省秋粮收购进度过半', null],
    ]);
    // Counter-case: a photo between a headline and its text leaves the headline the article's.
    const inside = cleanText('春耕备耕正当时\n\n4月10日，农民在田间驾驶农机进行春耕作业。 王小川 摄\n\n连日来，各地抓住晴好天气抢种。');
    expect(inside.articles.map((a) => [a.kind, a.title])).toEqual([
      ['article', '春耕备耕正当时'],
      ['caption', ''],
    ]);
  });
  it('a caption does not close the article around it; notices and adverts are their own kinds', () => {
    const page = cleanText('城南公园改造完工\n\n连日来，改造工程进入收尾阶段。\n\n市民在公园晨练。 李明 摄\n\n游客纷纷前来。\n\n携手合作 共同发展\n\n遗失声明\n遗失某公司公章，声明作废。');
    expect(page.articles.map((a) => [a.kind, a.title, a.body.length, a.credit])).toEqual([
      ['article', '城南公园改造完工', 2, null],
      ['caption', '', 1, '李明'],
      ['advert', '携手合作 共同发展', 0, null],
      ['notice', '遗失声明', 1, null],
    ]);
  });
  it('text before any headline becomes an untitled article', () => {
    expect(cleanText('连日来，改造工程进入收尾阶段。').articles).toMatchObject([{ kind: 'article', title: '', body: [{ text: '连日来，改造工程进入收尾阶段。' }] }]);
  });
  it('cleanBlocks keeps the page metadata and uses block hints', () => {
    const page = cleanBlocks({
      url: 'http://example.com/a.htm',
      paper: '某某日报',
      date: '2024-01-01',
      blocks: [
        { text: '田间地头育新苗', hint: 'title' },
        { text: '本报记者 李明', hint: 'byline' },
        { text: '连日来，各地抓住晴好天气抢种。' },
      ],
    });
    expect(page.source).toEqual({ url: 'http://example.com/a.htm', paper: '某某日报', date: '2024-01-01' });
    expect(page.articles).toMatchObject([{ title: '田间地头育新苗', byline: '本报记者 李明', body: [{ text: '连日来，各地抓住晴好天气抢种。' }] }]);
  });
});

describe('assemble: single-article pages and roundups', () => {
  it('on an article page (pageType article) later headlines are subheads of the one article', () => {
    const page = cleanBlocks({
      pageType: 'article',
      blocks: [
        { text: '邯郸的贫民贷款', hint: 'title' },
        { text: '今年二月间，银行买了一根木梁放在商场，准备作建筑房屋之用。' },
        { text: '新的问题' },
        { text: '解放区的民主政府领导着全体人民，战胜了连续的严重灾荒。' },
        { text: '再进一步' },
        { text: '五月六日的晚上，银行业务处对贷款工作作了一次检讨。' },
      ],
    });
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]!.body.filter((b) => b.type === 'subhead').map((b) => b.text)).toEqual(['新的问题', '再进一步']);
  });
  it('counter-case: on a text page the same unrelated headlines open new articles', () => {
    const page = cleanText('邯郸的贫民贷款\n\n今年二月间，银行买了一根木梁放在商场，准备作建筑房屋之用。\n\n新的问题\n\n解放区的民主政府领导着全体人民，战胜了连续的严重灾荒。');
    expect(page.articles.map((a) => a.title)).toEqual(['邯郸的贫民贷款', '新的问题']);
  });
  it('a roundup keeps its second dispatch under the headline; untitled dispatches are split', () => {
    const roundup = cleanText('周徐白三氏飞南京\n\n【新华社延安十一日电】据报导，三方代表于十日飞抵南京。\n\n【新华社宣化店十一日电】新设立的小组已开始工作。');
    expect(roundup.articles).toHaveLength(1);
    expect(roundup.articles[0]!.body.map((b) => b.text)).toEqual(['据报导，三方代表于十日飞抵南京。', '【新华社宣化店十一日电】新设立的小组已开始工作。']);
    const dispatches = cleanText('【新华社延安十一日电】据报导，三方代表于十日飞抵南京。\n\n【新华社宣化店十一日电】新设立的小组已开始工作。');
    expect(dispatches.articles.map((a) => a.dateline)).toEqual(['新华社延安十一日电', '新华社宣化店十一日电']);
  });
});

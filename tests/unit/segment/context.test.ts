import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/segment/stages/classify';
import { context } from '../../../lib/segment/stages/context';
import { normalise } from '../../../lib/segment/stages/normalise';
import { prepared } from './helpers';

const kinds = (text: string) => prepared(text).map((i) => [i.kind, i.text]);

describe('context: headlines', () => {
  it('a headline before a byline or body is a title', () => {
    expect(kinds('城南公园改造完工\n\n本报记者 李明\n\n连日来，城南公园改造工程进入收尾阶段。').map((k) => k[0])).toEqual(['title', 'byline', 'paragraph']);
  });
  it('three headline lines are kicker, title, subtitle; two are title and subtitle', () => {
    expect(kinds('春风吹绿千村万户\n\n乡村振兴开新局\n\n——来自基层的调查\n\n本报讯（记者 李明）近日，记者走访多地。').map((k) => k[0])).toEqual([
      'kicker',
      'title',
      'subtitle',
      'paragraph',
    ]);
    expect(kinds('乡村振兴开新局\n\n——来自基层的调查\n\n近日，记者走访了多个村庄。').map((k) => k[0])).toEqual(['title', 'subtitle', 'paragraph']);
  });
  it('of two headline lines, the one carrying the column name is the title (the other its kicker)', () => {
    expect(kinds('乡村旅游风光好\n\n茶山深处的议事会（在现场）\n\n本报记者 李 明\n\n连日来，记者走访了茶山。').map((k) => k[0])).toEqual(['kicker', 'title', 'byline', 'paragraph']);
    // Counter-case: the column name on the first line: title and subtitle as before.
    expect(kinds('茶山深处的议事会（在现场）\n\n村民坐在一起商量大事\n\n本报记者 李 明\n\n连日来，记者走访了茶山。').map((k) => k[0])).toEqual(['title', 'subtitle', 'byline', 'paragraph']);
  });
  it("the author's name under a headline, padded to three characters' width, is a byline and ends the headline", () => {
    expect(kinds('茶山深处的议事会\n\n李  明\n\n连日来，记者走访了茶山，听村民们商量大事。').map((k) => k[0])).toEqual(['title', 'byline', 'paragraph']);
    expect(kinds('乡村旅游风光好\n\n茶山深处的议事会（在现场）\n\n李 明\n\n连日来，记者走访了茶山。').map((k) => k[0])).toEqual(['kicker', 'title', 'byline', 'paragraph']);
    // Counter-case: a padded name line alone (no headline above it) is left as it was.
    expect(kinds('连日来，记者走访了茶山。\n\n李  明').map((k) => k[0])).not.toContain('byline');
  });
  it('a headline inside an article that shares its terms is a subhead', () => {
    const text = '精心组织 精准发力 推进工会建设\n\n今年以来，区总工会精心组织，精准发力，推进工会建设走深走实。\n\n精心组织，突出面向基层\n\n区总注重党建引领，开展服务活动。';
    expect(kinds(text).map((k) => k[0])).toEqual(['title', 'paragraph', 'subhead', 'paragraph']);
  });
  it('a numbered headline inside an article is a subhead', () => {
    const text = '为七百万人民请命\n\n四月九日，勘察团从荷泽出发，沿着故道驶去。\n\n三、问题的焦点\n\n今年一年里就提出了这个问题。';
    expect(kinds(text).map((k) => k[0])).toEqual(['title', 'paragraph', 'subhead', 'paragraph']);
  });
  it('counter-case: a headline sharing nothing with the article is a new title', () => {
    const text = '居民在家门口享法律服务\n\n社区打造法律援助点，方便居民咨询。\n\n多维深入复盘，促进应急抢险\n\n夏季多发强对流天气，各项抢险增多。';
    expect(kinds(text).map((k) => k[0])).toEqual(['title', 'paragraph', 'title', 'paragraph']);
  });
  it('untitled sections of an article that opened with its lead are subheads: a series of headings without leads of their own', () => {
    const text = [
      '守护一方平安的人',
      '本报记者 李 明',
      '清晨六点，城东派出所社区民警老周已经走在巡逻路上。二十年来，他走遍了辖区的每一条小巷。',
      '扎根社区二十年',
      '老周在社区工作了二十年，谁家有难处他都知道。',
      '深夜里的求助电话',
      '去年冬天的一个深夜，老周接到求助电话，立即赶往现场。',
      '把经验传给年轻人',
      '如今，老周常给新来的民警讲社区工作的门道。',
    ].join('\n\n');
    expect(kinds(text).map((k) => k[0])).toEqual(['title', 'byline', 'paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph']);
    // The heading itself may carry the shared subject (生态好了 under …依托生态优势…), and a city paper's byline leads.
    const short = ['山村里的振兴路', '全媒体记者 李明', '近年来，某某村依托生态优势发展乡村旅游，村民收入逐年提高。', '生态好了', '村里关停了采石场，种上了果树。', '腰包鼓了', '去年，全村接待游客十万人次。'];
    expect(kinds(short.join('\n\n')).map((k) => k[0])).toEqual(['title', 'byline', 'paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph']);
    // A section's heading on two lines (the place, then the theme).
    const two = [
      '城市桥下空间焕新',
      '本报记者 王 芳',
      '立交桥、高架桥下的空间，正在变成市民运动、休闲的好去处。',
      '东郊立交桥下',
      '运动场地受欢迎',
      '傍晚，立交桥下的球场上满是打球的年轻人。',
      '西城高架桥下',
      '便民驿站方便多',
      '家长们在高架桥下的驿站等孩子放学。',
    ];
    expect(kinds(two.join('\n\n')).map((k) => k[0])).toEqual(['title', 'byline', 'paragraph', 'subhead', 'subhead', 'paragraph', 'subhead', 'subhead', 'paragraph']);
  });
  it('counter-cases: one heading without a lead after a led article starts a new article; so does every heading after a closing note', () => {
    // The next article has its own lead: the heading in between is alone, a new article's title.
    const one = ['港口扩建工程通过验收', '本报讯（记者 李明）港口扩建工程昨日通过验收。', '城市绿道串起乡村', '连日来，城郊绿道建设进入收尾阶段。', '社区食堂受欢迎', '本报讯（记者 王芳）社区食堂开业一个月。'];
    expect(kinds(one.join('\n\n')).map((k) => k[0])).toEqual(['title', 'paragraph', 'title', 'paragraph', 'title', 'paragraph']);
    // Short news items after an article with its lead: their text is about something else, so they are not its sections.
    const briefs = [
      '我市推进老旧小区改造',
      '本报记者 李明',
      '今年以来，我市加快推进老旧小区改造工作，累计完成改造项目一百二十个，惠及居民三万余户。',
      '城东新区新增公交线路',
      '为方便市民出行，城东新区近日新开通三条公交线路，覆盖沿线十余个社区。',
      '市图书馆延长开放时间',
      '即日起，市图书馆周末开放时间延长至晚上九点，方便读者借阅。',
    ];
    expect(kinds(briefs.join('\n\n')).map((k) => k[0])).toEqual(['title', 'byline', 'paragraph', 'title', 'paragraph', 'title', 'paragraph']);
    // An article without a lead: its headings are not taken for sections (no lead, no series).
    const unled = ['城市绿道串起乡村', '连日来，城郊绿道建设进入收尾阶段。', '社区食堂受欢迎', '社区食堂开业一个月，每天接待老人上百人。', '老街换新颜', '老街改造完工，商户陆续回迁。'];
    expect(kinds(unled.join('\n\n')).map((k) => k[0])).toEqual(['title', 'paragraph', 'title', 'paragraph', 'title', 'paragraph']);
    // A closing note ends the article: what follows is not its section.
    const closed = ['港口扩建工程通过验收', '本报记者 李 明', '港口扩建工程昨日通过验收。', '（张小川参与采写）', '城市绿道串起乡村', '连日来，城郊绿道建设进入收尾阶段。', '社区食堂受欢迎', '社区食堂开业一个月。'];
    expect(kinds(closed.join('\n\n')).map((k) => k[0])).toEqual(['title', 'byline', 'paragraph', 'closing', 'title', 'paragraph', 'title', 'paragraph']);
  });
  it('a note in brackets under the text is the closing line of the article; a column name over the text stays a headline line', () => {
    expect(kinds('港口扩建工程通过验收\n\n港口扩建工程昨日通过验收。\n\n（来源：《某某日报》）\n\n城市绿道串起乡村\n\n连日来，绿道建设进入收尾阶段。').map((k) => k[0])).toEqual([
      'title',
      'paragraph',
      'closing',
      'title',
      'paragraph',
    ]);
    // Two notes, the first too long for a headline (a paragraph to start with): both close the article.
    const bio = '（作者系某某大学马克思主义学院教授，某某省社会科学研究中心研究员，长期从事基层治理研究）';
    expect(kinds(`一座城市的细节\n\n城市的温度，藏在细节里。\n\n${bio}\n\n（来源：《某某日报》）`).map((k) => k[0])).toEqual(['title', 'paragraph', 'closing', 'closing']);
    expect(kinds('城市绿道串起乡村\n\n（记者手记）\n\n连日来，绿道建设进入收尾阶段。').slice(0, 2).map((k) => k[0])).toEqual(['title', 'subtitle']);
  });
  it("a letter's sign-off is its text: the sender over the closing note, a dash and a name, a sender and a date", () => {
    expect(kinds('致全市志愿者的一封信\n\n感谢大家一年来的付出。\n\n张大同\n\n（新华社某地1月2日电）').map((k) => k[0])).toEqual(['title', 'paragraph', 'closing', 'closing']);
    expect(kinds('编者按\n\n本期刊发读者来信。\n\n——编 者\n\n某某村通水了\n\n村民们终于用上了自来水。').map((k) => k[0])).toEqual(['title', 'paragraph', 'closing', 'title', 'paragraph']);
    expect(kinds('致本报的贺信\n\n祝贺贵报创刊五周年。\n\n某某书店五月九日\n\n城市绿道串起乡村\n\n连日来，绿道建设进入收尾阶段。').map((k) => k[0])).toEqual([
      'title',
      'paragraph',
      'closing',
      'title',
      'paragraph',
    ]);
  });
  it('a kicker ending with a dash is the kicker of the headline under it; over text it is text', () => {
    expect(kinds('某县某村——\n\n管网铺好了 水却没通\n\n本报记者 李 明\n\n村民老李家的水管一直没有水。').map((k) => k[0])).toEqual(['kicker', 'title', 'byline', 'paragraph']);
    expect(kinds('港口扩建工程通过验收\n\n港口扩建工程昨日通过验收。\n\n他说——\n\n“这是大家的功劳。”').map((k) => k[0])).toEqual(['title', 'paragraph', 'paragraph', 'paragraph']);
  });
  it("the author's name alone under a headline is a byline: a common surname and one or two characters, or with the author's post", () => {
    expect(kinds('一座城市的细节\n\n钱小青\n\n城市的温度，藏在细节里。').map((k) => k[0])).toEqual(['title', 'byline', 'paragraph']);
    expect(kinds('高血压怎样自我管理\n\n周立新（某市人民医院心内科）\n\n高血压是常见的慢性病。').map((k) => k[0])).toEqual(['title', 'byline', 'paragraph']);
    // Counter-cases: a short second line that is no name (专访 does not start with a surname), a name alone with no headline above it.
    expect(kinds('一座城市的细节\n\n专访\n\n城市的温度，藏在细节里。').map((k) => k[0])).toEqual(['title', 'subtitle', 'paragraph']);
    expect(kinds('城市的温度，藏在细节里。\n\n钱小青').map((k) => k[0])).not.toContain('byline');
  });
  it('counter-cases to names and signatures: things and events are no authors, a deadline is no signature, a label over a headline is its kicker', () => {
    expect(kinds('第十五届全运会\n\n金牌榜\n\n本报讯（记者 周强）截至昨日，我省代表团共获得金牌二十枚。').map((k) => k[0])).toEqual(['title', 'subtitle', 'paragraph']);
    expect(kinds('端午假期各地举办\n\n龙舟赛\n\n端午假期，多个区县举办龙舟赛，吸引大批市民观看。').map((k) => k[0])).toEqual(['title', 'subtitle', 'paragraph']);
    const deadline = '港口扩建工程通过验收\n\n港口扩建工程昨日通过验收。\n\n个税年度汇算将持续至6月30日\n\n本报记者 王芳\n\n记者从市税务局获悉，汇算清缴工作正在进行。';
    expect(kinds(deadline).map((k) => k[0])).toEqual(['title', 'paragraph', 'title', 'byline', 'paragraph']);
    expect(kinds('港口扩建工程通过验收\n\n港口扩建工程昨日通过验收。\n\n（人民时评）\n\n让城市更新更有温度\n\n城市更新要留住烟火气。').map((k) => k[0])).toEqual([
      'title',
      'paragraph',
      'kicker',
      'title',
      'paragraph',
    ]);
    expect(kinds('【简讯】\n\n城东新区新增公交线路\n\n城东新区近日新开通三条公交线路。').map((k) => k[0])).toEqual(['kicker', 'title', 'paragraph']);
    // Photo titles over their captions are no sign-off of the article above: they are the caption's title.
    const photos = '港口扩建工程通过验收\n\n港口扩建工程昨日通过验收。\n\n春耕备耕正当时\n\n4月10日，农民在田间驾驶农机进行春耕作业。 王小川 摄';
    expect(kinds(photos).map((k) => k[0])).toEqual(['title', 'paragraph', 'caption-title', 'caption']);
  });
  it('numbered and labelled headings inside an article are subheads, also on two lines', () => {
    const text = '永年城见闻\n\n方 德\n\n城里的情形一天比一天坏。\n\n三 抢救\n\n八路军为了抢救人民，抢堵了决口。\n\n四 他们需要什么？\n\n他们需要什么呢？\n\n一个老人说：“城里人需要出来！”\n\n【基层实践】\n\n社区办起了老年食堂。\n\n◎产业兴旺\n\n全县建成特色种植基地二十个。';
    expect(kinds(text).map((k) => k[0])).toEqual(['title', 'byline', 'paragraph', 'subhead', 'paragraph', 'subhead', 'subhead', 'paragraph', 'subhead', 'paragraph', 'subhead', 'paragraph']);
    // Counter-case: a column's name spaced out is not numbered (一 线 调 查).
    expect(kinds('港口扩建工程通过验收\n\n港口扩建工程昨日通过验收。\n\n一 线 调 查\n\n近日，记者走访了城郊多个村庄。').map((k) => k[0])).toEqual(['title', 'paragraph', 'title', 'paragraph']);
  });
  it('spaced slogans with no article after them are adverts', () => {
    expect(kinds('携手合作 共同发展\n\n遗失声明\n\n遗失某公司公章，声明作废。').map((k) => k[0])).toEqual(['advert', 'notice-head', 'notice']);
  });
  it('more than three headline-shaped lines in a row are a list, not a headline', () => {
    expect(kinds('Mrs. J. J. Garber\nMrs. C. H. Potter\nDave Kaley\nAl Turner').map((k) => k[0])).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });
  it('a headline with clause breaks is a title when the lead follows it; without a lead it is text', () => {
    expect(kinds('市财政局、应急管理局紧急下达3000万元防汛救灾资金\n\n本报讯（记者 李明）7月2日，资金已下达各区。').map((k) => k[0])).toEqual(['title', 'paragraph']);
    expect(kinds('同出一条江，为何两岸的茶叶味道如此不同？\n\n本报记者 李明\n\n春茶上市，记者走访了两岸茶园。').map((k) => k[0])).toEqual(['title', 'byline', 'paragraph']);
    // Counter-cases: no lead after it; a line that ends like a sentence; a long one.
    expect(kinds('记者走访了江边的茶园，两岸的茶叶味道如此不同\n\n春茶上市，茶农忙着采摘。').map((k) => k[0])).toEqual(['paragraph', 'paragraph']);
    expect(kinds('记者走访了江边的茶园，两岸的茶农正忙着采摘。\n\n本报讯（记者 李明）春茶上市。').map((k) => k[0])).toEqual(['paragraph', 'paragraph']);
    const long = '记者走访了江边的茶园，两岸的茶农正忙着采摘春茶，合作社请来农技专家，手把手教大家科学管护，茶叶品质逐年提升，销路也越来越广';
    expect(kinds(`${long}\n\n本报讯（记者 李明）春茶上市。`).map((k) => k[0])).toEqual(['paragraph', 'paragraph']);
  });
  it('counter-case: a short piece between two halves of a broken sentence is text', () => {
    expect(kinds('沭阳县总每年清明节组织职工开展扫墓活动，向英烈们表达敬意。同时利用报纸、电视、微信公众号等各种媒体刊发\n\n党史教育文章\n\n等，促进党员干部深入了解党的历史。').map((k) => k[0])).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });
  it('hints are used: DOM kicker/title hints set the roles a plain text could not', () => {
    const items = context(
      classify(
        normalise([
          { text: '春耕时节', hint: 'kicker' },
          { text: '田间地头育新苗', hint: 'title' },
          { text: '连日来，各地抓住晴好天气抢种。' },
        ]),
      ),
    );
    expect(items.map((i) => i.kind)).toEqual(['kicker', 'title', 'paragraph']);
  });
});

describe('context: captions and masthead', () => {
  it('a credit line makes the paragraph above it a caption', () => {
    expect(prepared('市民在公园晨练。\n\n本报记者 曹二 摄')).toMatchObject([{ kind: 'caption', text: '市民在公园晨练。', credit: '本报记者 曹二' }]);
  });
  it('paper names next to masthead lines are masthead; alone they are not', () => {
    expect(prepared('某某日报\n\n电话:010-1234567').map((i) => i.kind)).toEqual(['boilerplate', 'boilerplate']);
    expect(prepared('人民日报\n\n本报讯（记者 李明）近日，记者走访多地。').map((i) => i.kind)).not.toContain('boilerplate');
  });
});

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

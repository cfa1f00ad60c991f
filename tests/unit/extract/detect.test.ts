import { describe, expect, it } from 'vitest';
import { detect, extract, parseHtml } from '../../../lib/extract';
import { exists, matchingSelectors } from '../../../lib/extract/query';
import { fixtureDoc, fixtureUrl } from './helpers';

// [fixture, template, page type]: every template, article and layout.
const TABLE: Array<[string, string, string | null]> = [
  ['founder-classic-article', 'founder-classic', 'article'],
  ['founder-classic-article-br', 'founder-classic', 'article'],
  ['founder-classic-layout', 'founder-classic', 'layout'],
  ['people-old-article', 'people-old', 'article'],
  ['people-old-layout', 'people-old', 'layout'],
  ['founder-pc-article', 'founder-pc', 'article'],
  ['founder-pc-article-con', 'founder-pc', 'article'],
  ['founder-pc-layout-amucsite', 'founder-pc', 'layout'],
  ['rmrb-current-article', 'rmrb-current', 'article'],
  ['rmrb-current-article-gmrb', 'rmrb-current', 'article'],
  ['rmrb-current-layout', 'rmrb-current', 'layout'],
  ['paperindex-article', 'paperindex', 'article'],
  ['paperindex-layout', 'paperindex', 'layout'],
  ['generic-article', 'generic', null],
  ['generic-nothing', 'generic', null],
];

describe('detect', () => {
  it.each(TABLE)('%s at its URL → %s %s', (name, template, pageType) => {
    const d = detect(fixtureUrl(name), fixtureDoc(name));
    expect(d.template).toBe(template);
    expect(d.pageType).toBe(pageType);
  });

  it.each(TABLE)('%s without a URL (saved page) → %s %s', (name, template, pageType) => {
    const d = detect(undefined, fixtureDoc(name));
    expect(d.template).toBe(template);
    expect(d.pageType).toBe(pageType);
  });

  it.each(TABLE.filter(([, t]) => t !== 'generic'))('%s on a mirror host with another path keeps its template', (name, template, pageType) => {
    const d = detect('https://mirror.example.net/saved/page.html', fixtureDoc(name));
    expect([d.template, d.pageType]).toEqual([template, pageType]);
  });

  it('a URL pattern alone does not claim a page without the template markup', () => {
    const doc = parseHtml('<html><body><p>一段普通的文字。</p></body></html>');
    for (const url of [
      'http://x.cn/html/2024-01/01/node_2.htm',
      'http://x.cn/pc/layout/202408/19/node_A01.html',
      'http://x.cn/rmrb/pc/content/202503/13/content_1.html',
      'http://x.cn/content/20241011/Page01BC.htm',
      'http://x.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm',
    ])
      expect(detect(url, doc).template).toBe('generic');
  });

  it('the URL breaks ties: rmrb /pc/ paths are rmrb-current, not founder-pc', () => {
    const doc = parseHtml('<html><body><div class="paper-box"><map name="PagePicMap"><area href="../../../content/202503/13/content_1.html"></map></div><ul class="news-list"><li><a href="../../../content/202503/13/content_1.html">标题</a></li></ul></body></html>');
    expect(detect('http://paper.people.com.cn/rmrb/pc/layout/202503/13/node_01.html', doc)).toMatchObject({ template: 'rmrb-current', pageType: 'layout' });
  });

  it('the article DOM wins over a layout-looking URL (Founder article pages carry the page map too)', () => {
    const d = detect('http://epaper.jcrb.example.cn/jcrb/html/2025-03/08/node_2.htm', fixtureDoc('founder-classic-article'));
    expect(d).toMatchObject({ template: 'founder-classic', pageType: 'article' });
  });

  it('reports a confidence between 0 and 1 for templates', () => {
    const d = detect(fixtureUrl('founder-pc-article'), fixtureDoc('founder-pc-article'));
    expect(d.confidence).toBeGreaterThan(0);
    expect(d.confidence).toBeLessThanOrEqual(1);
  });

  it('detect and extract agree on template and page type', () => {
    for (const [name] of TABLE.filter(([, t]) => t !== 'generic')) {
      const doc = fixtureDoc(name);
      const d = detect(fixtureUrl(name), doc);
      const page = extract(doc, fixtureUrl(name));
      expect([page.template, page.pageType]).toEqual([d.template, d.pageType]);
    }
  });
});

describe('matchingSelectors (every signature in one pass)', () => {
  const selectors = ['p.a', 'div#z > span', 'td.none', 'p[data-x="1"]', 'p:unknown-pseudo'];
  const oneByOne = (doc: Document) => new Set(selectors.filter((s) => exists(doc, s)));
  it('finds what querying each selector on its own finds, in pages with few and with many matches', () => {
    const pages = [
      '<html><body><p class="a">x</p><div id="z"><span>y</span></div></body></html>',
      '<html><body><p>x</p></body></html>',
      // One selector matching more elements than are tested one by one, the others only at the end.
      `<html><body>${'<p class="a">x</p>'.repeat(700)}<p data-x="1">last</p><div id="z"><span>y</span></div></body></html>`,
    ];
    for (const html of pages) {
      const doc = parseHtml(html);
      expect(matchingSelectors(doc, selectors)).toEqual(oneByOne(doc));
    }
    expect(matchingSelectors(parseHtml(pages[2]!), selectors)).toEqual(new Set(['p.a', 'div#z > span', 'p[data-x="1"]']));
  });
});

// 人民日报 / 光明日报 current templates: /rmrb/pc/layout/YYYYMM/DD/node_01.html, /gmrb/html/layout/…;
// articles .article h3/h1/h2 with `.sec .date` = 《人民日报》（2025年03月13日 第 05 版）, body #ozoom;
// 光明: .m-article-content h1, .m-article-main.
import type { Profile } from '../profile';

export const rmrbCurrent: Profile = {
  id: 'rmrb-current',
  description: '人民日报 / 光明日报 current: /rmrb/pc/layout/YYYYMM/DD/node_01.html, /gmrb/html/layout/…; .article h3/h1/h2, .sec .date, #ozoom; 光明 .m-article-content',
  url: [
    { type: 'layout', re: /\/rmrb\/(?:pc\/|html\/)?layout\/\d{6}\/\d{2}\/node_\w+\.html?/i, weight: 4 },
    { type: 'article', re: /\/rmrb\/(?:pc\/|html\/)?content\/\d{6}\/\d{2}\/content_\d+\.html?/i, weight: 4 },
    { type: 'layout', re: /\/gmrb\/(?:html|pc)\/layout\/\d{6}\/\d{2}\/node_\w+\.html?/i, weight: 4 },
    { type: 'article', re: /\/gmrb\/(?:html|pc)\/content\/\d{6}\/\d{2}\/content_\d+\.html?/i, weight: 4 },
  ],
  signature: [
    { selector: '.article .sec .date, .sec .date', weight: 2 },
    { selector: '.m-article-content', weight: 2 },
    { selector: '.m-article-main', weight: 1 },
    { selector: '.paper-box', weight: 1 },
    { selector: '.news-list', weight: 1 },
    { selector: '.paper-bot', weight: 1 },
    { selector: '.article #ozoom', weight: 1 },
  ],
  articleSignature: ['.article h1', '.m-article-content h1', '#ozoom'],
  layoutSignature: ['.news-list a', 'area[href*="content_"]'],
  headings: {
    title: ['.article h1', '.m-article-content h1'],
    kicker: ['.article h3', '.m-article-content h3'],
    subtitle: ['.article h2', '.m-article-content h2'],
    byline: ['.article h4', '.m-article-content h4'],
  },
  body: ['#ozoom', '.m-article-content #articleContent', '.m-article-main'],
  caption: ['.pci_c', 'table#newspic'],
  skip: ['.sec', '.m-article-attr'],
  meta: {
    paper: [
      { from: 'text', selector: '.sec .date, .m-article-attr', pattern: /《([^》]+)》/ },
      { from: 'doctitle' },
    ],
    date: [
      { from: 'text', selector: '.sec .date, .m-article-attr', pattern: /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/ },
      { from: 'text', selector: '.date-box, .paper-date, .m-paper-date' },
      { from: 'url' },
    ],
    page: [
      { from: 'text', selector: '.sec .date, .m-article-attr', pattern: /(?:第\s*)?(?<num>[A-Za-z]?\d{1,3})\s*版/ },
      { from: 'text', selector: '.paper-bot .ban, .ban, .m-paper-name', pattern: /第?\s*(?<num>[A-Za-z]?\d{1,3})\s*版\s*[：:]\s*(?<name>.+)$/ },
      { from: 'url', pattern: /node_(?<num>[A-Za-z]?\d{1,3})\.html?/i },
    ],
  },
  links: { selector: 'area[href], a[href]', href: /^content_\d+\.html?$/i },
};

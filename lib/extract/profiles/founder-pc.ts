// Founder "PC" template (新华日报, 深圳特区报/晚报, 辽沈晚报 amucsite, 南方日报…): /pc/layout/YYYYMM/DD/node_A01.html,
// /pc/content/…/content_N.html or /pc/con/…; div.newsdetatit (h3 title, intro/sub, 版次：A02),
// body div.newsdetatext founder-content; <!--enpproperty <url>…<title>…<author>…-->.
import type { Profile } from '../profile';

export const founderPc: Profile = {
  id: 'founder-pc',
  description: 'Founder PC (新华日报, 深圳特区报/晚报, 辽沈晚报 amucsite, 南方日报): /pc/layout/YYYYMM/DD/node_A01.html, /pc/content|con/YYYYMM/DD/content_N.html; div.newsdetatit, div.newsdetatext',
  url: [
    { type: 'layout', re: /\/pc\/layout\/\d{6}\/\d{2}\/node_\w+\.html?/i },
    { type: 'article', re: /\/pc\/(?:content|con)\/\d{6}\/\d{2}\/content_\d+\.html?/i },
    { type: 'article', re: /\/con\/\d{6}\/\d{2}\/content_\d+\.html?/i, weight: 1 },
  ],
  signature: [
    { selector: '.newsdetatit', weight: 2 },
    { selector: '.newsdetatext', weight: 2 },
    { selector: '.newslisttit', weight: 2 },
    { selector: '.newslist', weight: 1 },
    { selector: '#paperImg', weight: 1 },
    { selector: '.layoutNum', weight: 1 },
    { selector: '.Chunkiconlist', weight: 1 },
    { enp: 'paperarticleid', weight: 1 },
  ],
  articleSignature: ['.newsdetatit h3', '.newsdetatext'],
  layoutSignature: ['.newslist a', 'area[href*="content_"]'],
  headings: {
    title: ['.newsdetatit h3', '.newsdetatit h1'],
    kicker: ['.newsdetatit p', '.newsdetatit h4'],
    subtitle: ['.newsdetatit p', '.newsdetatit h2'],
    skip: /^(版次|来源|作者|日期|发布时间|稿源)\s*[：:]/,
  },
  body: ['.newsdetatext founder-content', '.newsdetatext'],
  caption: ['.pci_c', 'table#newspic', '.newsdetatext .picture'],
  meta: {
    paper: [
      { from: 'enp', key: 'papername' },
      { from: 'text', selector: '.newsdetatit p', pattern: /来源\s*[：:]\s*([^\s\d]+)/ },
      { from: 'doctitle' },
    ],
    date: [
      { from: 'enp', key: 'date' },
      { from: 'text', selector: '.newsdetatit p, .newstime', pattern: /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/ },
      { from: 'url' },
    ],
    page: [
      { from: 'text', selector: '.newsdetatit p', pattern: /版次\s*[：:]\s*(?<num>[A-Za-z]?\d{1,3})/ },
      { from: 'text', selector: '.newslisttit em', pattern: /第?\s*(?<num>[A-Za-z]?\d{1,3})\s*版\s*[：:]\s*(?<name>.+)$/ },
      { from: 'url', pattern: /node_(?<num>[A-Za-z]?\d{1,3})\.html?/i },
    ],
    title: [{ from: 'enp', key: 'title' }],
    kicker: [{ from: 'enp', key: 'introtitle' }],
    subtitle: [{ from: 'enp', key: 'subtitle' }],
  },
  links: { selector: 'area[href], a[href]', href: /^content_\d+\.html?$/i },
};

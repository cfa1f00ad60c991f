// Founder (方正) classic e-paper: /html/YYYY-MM/DD/node_N.htm (版面) and content_N.htm (文章);
// headings in td.font02 / td.font01, body in #ozoom > founder-content, metadata in <!--enpproperty-->.
import type { Profile } from '../profile';

const PAGE_LABEL = /^第\s*(?<num>[A-Za-z]?\d{1,3})\s*版\s*[：:]\s*(?<name>.+)$/;

export const founderClassic: Profile = {
  id: 'founder-classic',
  description: 'Founder classic (方正): /html/YYYY-MM/DD/node_N.htm, content_N.htm; td.font01/font02, #ozoom founder-content',
  url: [
    { type: 'layout', re: /\/html\/\d{4}-\d{2}\/\d{2}\/node_\d+\.htm/i },
    { type: 'article', re: /\/html\/\d{4}-\d{2}\/\d{2}\/content_\d+(?:_\d+)?\.htm/i },
  ],
  signature: [
    { selector: 'td.font01', weight: 2 },
    { selector: '#btdh', weight: 2 },
    { selector: '#bmdh', weight: 1 },
    { selector: 'a#pageLink[href^="node_"], a#pageLink[href^="./node_"]', weight: 1 },
    { selector: 'area[href*="content_"]', weight: 1 },
    { selector: '#ozoom founder-content', weight: 1 },
    { enp: 'papername', weight: 1 },
    { enp: 'pagenum', weight: 1 },
  ],
  articleSignature: ['td.font01', '#ozoom founder-content', '#ozoom'],
  layoutSignature: ['area[href*="content_"]', 'a[href*="content_"]'],
  headings: { title: ['td.font01'], kicker: ['td.font02'], subtitle: ['td.font02'] },
  body: ['#ozoom', 'founder-content'],
  caption: ['table#newspic', '.pci_c'],
  meta: {
    paper: [{ from: 'enp', key: 'papername' }, { from: 'doctitle' }],
    date: [
      { from: 'enp', key: 'date' },
      { from: 'text', selector: 'span.default', pattern: /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/ },
      { from: 'url' },
    ],
    page: [
      { from: 'enp', key: 'pagenum' },
      { from: 'text', selector: 'td:not(:has(td))', pattern: PAGE_LABEL },
      { from: 'text', selector: 'a#pageLink', pattern: PAGE_LABEL },
    ],
    title: [{ from: 'enp', key: 'title' }],
    kicker: [{ from: 'enp', key: 'introtitle' }],
    subtitle: [{ from: 'enp', key: 'subtitle' }],
  },
  links: { selector: 'area[href], a[href]', href: /^content_\d+(?:_\d+)?\.htm$/i },
};

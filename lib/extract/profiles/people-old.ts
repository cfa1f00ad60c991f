// 人民网 variant of Founder (人民日报 ≤2020, 光明日报 old, 中国青年报): nbs.D110000renmrb_NN.htm (版面),
// nw.D110000renmrb_YYYYMMDD_K-NN.htm (文章); div.text_c h3/h1/h2, body #ozoom — which on a layout
// page is the title list, so the page type comes from div.text_c, not #ozoom.
import type { Profile } from '../profile';

const PAGE_LABEL = /^第?\s*(?<num>[A-Za-z]?\d{1,3})\s*版\s*[：:]\s*(?<name>\S.*?)(?:\s+PDF.*)?$/;

export const peopleOld: Profile = {
  id: 'people-old',
  description: '人民网 variant (人民日报 ≤2020, 光明日报, 中国青年报): nbs.D110000renmrb_NN.htm, nw.D110000renmrb_YYYYMMDD_K-NN.htm; div.text_c, #ozoom',
  url: [
    { type: 'layout', re: /\/nbs\.D\d+\w*?_\w+\.htm/i, weight: 3 },
    { type: 'article', re: /\/nw\.D\d+\w*?_\d{8}_\d+-\w+\.htm/i, weight: 3 },
  ],
  signature: [
    { selector: 'div.text_c', weight: 2 },
    { selector: 'a[href*="nw.D"], area[href*="nw.D"]', weight: 2 },
    { selector: 'a[href*="nbs.D"]', weight: 2 },
    { selector: '#riqi_', weight: 1 },
    { selector: '.list_l #titleList', weight: 1 },
    { selector: '#ozoom', weight: 1 },
  ],
  articleSignature: ['div.text_c'],
  layoutSignature: ['#titleList a', 'area[href*="nw.D"]'],
  headings: { title: ['.text_c h1'], kicker: ['.text_c h3'], subtitle: ['.text_c h2'], byline: ['.text_c h4'] },
  // The whole #ozoom: 人民网 sometimes prints the body twice in it; lib/segment removes the copy.
  body: ['.text_c #ozoom', '#ozoom'],
  caption: ['table#newspic', '.pci_c'],
  meta: {
    paper: [{ from: 'enp', key: 'papername' }, { from: 'text', selector: '#riqi_' }, { from: 'doctitle' }],
    date: [
      { from: 'enp', key: 'date' },
      { from: 'text', selector: '#riqi_, .riqi' },
      { from: 'url', pattern: /_(\d{8})_|\/(\d{4}-\d{2}\/\d{2})\// },
    ],
    page: [
      { from: 'enp', key: 'pagenum' },
      { from: 'text', selector: '.l_t', pattern: PAGE_LABEL },
      { from: 'text', selector: '.ban_t li', pattern: PAGE_LABEL },
      { from: 'url', pattern: /(?:nbs\.D\w+_|_\d{8}_\d+-)(?<num>[A-Za-z]?\d{1,3})\.htm/i },
    ],
    title: [{ from: 'enp', key: 'title' }],
  },
  links: { selector: 'area[href], a[href]', href: /^nw\.D\w+?_\d{8}_\d+-(?<page>\w+)\.htm$/i },
};

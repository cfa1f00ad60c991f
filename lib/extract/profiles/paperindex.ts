// "PaperIndex" system (大众日报, 新华每日电讯, 桂林日报; likely the 华光 vendor): /content/YYYYMMDD/PageNNXX.htm
// (版面, lists the whole issue: we keep the current 版's articles) and ArticelNNNNNXX.htm (文章).
// No real article page was available: the article selectors follow the layout page's own markup.
import type { Profile } from '../profile';

export const paperindex: Profile = {
  id: 'paperindex',
  description: 'PaperIndex (大众日报, 新华每日电讯, 桂林日报): /content/YYYYMMDD/PageNNXX.htm, ArticelNNNNNXX.htm; li a[href^=Articel]',
  url: [
    { type: 'layout', re: /\/Page\d{2,3}[A-Za-z]*\.htm/i, weight: 2 },
    { type: 'article', re: /\/Articel\d+[A-Za-z]*\.htm/i, weight: 3 },
  ],
  signature: [
    { selector: 'a[href^="Articel"]', weight: 2 },
    { selector: '.leftmenu a[href^="Page"], a[href^="Page"][href$="BC.htm"]', weight: 2 },
    { selector: '.rightmenu', weight: 1 },
    { selector: 'a.overlink', weight: 1 },
    { selector: '.neirong', weight: 1 },
    { selector: '.article-box .article-title', weight: 2 },
  ],
  articleSignature: ['.article-box .article-title h1', '.article-content'],
  layoutSignature: ['a.overlink', '.rightmenu a[href^="Articel"]'],
  headings: {
    title: ['.article-title h1'],
    kicker: ['.article-title .yinti', '.article-title h3'],
    subtitle: ['.article-title .futi', '.article-title h2'],
    byline: ['.article-title .author'],
  },
  body: ['.article-content'],
  caption: ['.pci_c', 'table#newspic', '.article-content .pic-title'],
  meta: {
    paper: [{ from: 'doctitle' }],
    date: [{ from: 'doctitle' }, { from: 'text', selector: 'h1, .article-date' }, { from: 'url' }],
    page: [
      { from: 'doctitle', pattern: /(?<num>[A-Za-z]?\d{1,3})\s*版\s*[：:]\s*(?<name>[^-－—]+)/ },
      { from: 'text', selector: '.article-page', pattern: /(?<num>[A-Za-z]?\d{1,3})\s*版\s*[：:]?\s*(?<name>[^-－—]*)/ },
      { from: 'url', pattern: /(?:Page|Articel)(?<num>\d{2})/i },
    ],
  },
  links: { selector: 'a[href]', href: /^Articel(?<page>\d{2})\d+[A-Za-z]*\.htm$/i, samePageOnly: true },
};

// Whole pages from ../shared/corpus (128 real articles, each laid out as a page's text: kicker,
// headline, subtitle, byline, paragraphs): the headline survives cleaning, and cleaning the plain
// text of the result gives the same articles. Counted over the corpus, with floors at what the rules
// reach now, so a change that loses headlines or idempotence shows here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../lib/segment';
import { pageToText } from './helpers';

interface CorpusArticle {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  paragraphs: string[];
}

const file = join(__dirname, '../../../../shared/corpus/articles.jsonl');
const articles: CorpusArticle[] = existsSync(file)
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as CorpusArticle)
  : [];

/** The article as a page's text (the byline as its own block unless the first paragraph opens with it). */
function pageOf(a: CorpusArticle): string {
  const paras = a.byline && a.paragraphs[0]?.startsWith(a.byline) ? a.paragraphs : [...(a.byline ? [a.byline] : []), ...a.paragraphs];
  return [a.kicker, a.title, a.subtitle, ...paras].filter(Boolean).join('\n\n');
}

const spaces = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe.runIf(articles.length > 0)('the corpus, page by page', () => {
  const pages = articles.map((a) => ({ a, page: cleanText(pageOf(a)) }));

  it('keeps the headline as a headline line (kicker, title or subtitle) on nearly every page', () => {
    const missing = pages.filter(({ a, page }) => !page.articles.some((x) => [x.kicker, x.title, x.subtitle].some((h) => spaces(h) === spaces(a.title))));
    // 128 pages: 4 miss it (a title printed with other spacing, a list of telegrams…); 7 did before a
    // headline that its lead restates word for word was kept and a question headline could carry
    // its column's name (…？（栏目）), 5 before an author's name alone under it was a byline.
    expect(missing.length, missing.map(({ a }) => a.title).join(' | ')).toBeLessThanOrEqual(4);
  });

  it('gives the headline lines their roles and finds the byline as the paper printed them, on most pages', () => {
    const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').replace(/\s+/g, '') === (b ?? '').replace(/\s+/g, '');
    const first = pages.map(({ a, page }) => ({ a, art: page.articles.find((x) => same(x.title, a.title)) ?? page.articles[0] }));
    const count = (f: (x: (typeof first)[number]) => boolean) => first.filter(f).length;
    // Floors at what the rules reach now (128 pages; 60 of them with a byline block, not an agency
    // dateline). Title, kicker and subtitle were 102, 98 and 93 before dash kickers (某某村——), bare
    // author names and □ bylines were read (2026-12-03); most misses left are two headline lines
    // whose order alone does not say which is the kicker.
    expect(count(({ a, art }) => same(art?.title, a.title))).toBeGreaterThanOrEqual(107);
    expect(count(({ a, art }) => same(art?.kicker, a.kicker))).toBeGreaterThanOrEqual(106);
    expect(count(({ a, art }) => same(art?.subtitle, a.subtitle))).toBeGreaterThanOrEqual(106);
    const bylined = first.filter(({ a }) => a.byline && !a.byline.startsWith('【'));
    expect(bylined.length).toBe(60);
    // Was 31 in the morning of 2026-12-03: names padded to three characters' width (本报记者 李 明,
    // or alone under the headline: 李  明) were not read as names; 43 before a name alone (吴象) and
    // □ before an author (□崔华前, □张三（某医院）) were.
    expect(bylined.filter(({ a, art }) => !!art?.byline && a.byline!.replace(/\s+/g, '').includes(art.byline.replace(/\s+/g, ''))).length).toBeGreaterThanOrEqual(58);
  });

  it('splits pages into the articles as printed: one article, or eight laid out one after another', () => {
    // An article is whole when every paragraph of it lands in one output article that holds no
    // paragraph of another (paragraphs found by their last 14 characters, spacing ignored: a dateline
    // opening a paragraph goes to the article's dateline field).
    const whole = (group: CorpusArticle[]) => {
      const outs = cleanText(group.map(pageOf).join('\n\n'))
        .articles.filter((x) => x.kind === 'article')
        .map((x) => [x.kicker, x.title, x.subtitle, ...x.body.map((b) => b.text)].join('').replace(/\s+/g, ''));
      const spans = group.map((a) => {
        const at = new Set<number>();
        for (const p of a.paragraphs) {
          const probe = p.replace(/\s+/g, '').slice(-14);
          const j = probe.length < 6 ? -1 : outs.findIndex((o) => o.includes(probe));
          if (j >= 0) at.add(j);
        }
        return at;
      });
      return spans.filter((at, k) => at.size === 1 && !spans.some((other, m) => m !== k && [...at].some((j) => other.has(j)))).length;
    };
    const alone = articles.reduce((n, a) => n + whole([a]), 0);
    let laidOut = 0;
    for (let i = 0; i < articles.length; i += 8) laidOut += whole(articles.slice(i, i + 8));
    // 125 and 124 of 128; 106 and 103 before an article's untitled sections, closing notes, dash
    // kickers and bare author names were read as such (2026-12-03): feature articles' sections
    // (潜心砺剑勇担当 / 向战精飞为打赢) were split off as articles of their own, and a closing
    // note (（某某参与采写）) became an empty article.
    expect(alone).toBeGreaterThanOrEqual(125);
    expect(laidOut).toBeGreaterThanOrEqual(124);
  });

  it('is idempotent on nearly every page: cleaning the plain text of the result gives the same articles', () => {
    const changed = pages.filter(({ page }) => JSON.stringify(cleanText(pageToText(page)).articles) !== JSON.stringify(page.articles));
    // None of 128 changes; 5 did before 本报特讯 was a dateline, an interview's 问：… line could no
    // longer be a headline and the other changes of 2026-12-03.
    expect(changed.length, changed.map(({ a }) => a.title).join(' | ')).toBe(0);
  });
});

// Every real e-paper page in ../shared/samples/epaper/: the right template and page type; on article
// pages the title equals the enpproperty/visible title and every body paragraph is in the blocks; on
// layout pages the article list has every <area>/list article once. Expectations are read from the raw
// HTML with regular expressions, independently of the DOM code under test.
import { describe, expect, it } from 'vitest';
import { detect, extract, parseHtml } from '../../../lib/extract';
import { isDroppedTitle } from '../../../lib/extract/links';
import { sampleFiles, sampleHtml, squash } from './helpers';

interface Case {
  template: string;
  pageType: 'article' | 'layout';
  /** Where the page was served (README; inferred ones marked there). */
  url?: string;
  /** Article URL file names as the page writes them. */
  articleHref?: RegExp;
}

const CASES: Record<string, Case> = {
  'founder-classic_article_sxjjrb_2024-11-06_content_279424.htm': {
    template: 'founder-classic', pageType: 'article', url: 'http://epaper.sxjjb.cn/sxjjrb/html/2024-11/06/content_279424.htm',
  },
  'founder-classic_layout_srrb_2024-01-01_node_2.htm': {
    template: 'founder-classic', pageType: 'layout', url: 'http://paper.srxww.com/srrb/html/2024-01/01/node_2.htm', articleHref: /^(?:\.\/)?content_\d+\.htm$/,
  },
  'founder-pc-amucsite_layout_lswb_2024-08-19_node_A01.html': {
    template: 'founder-pc', pageType: 'layout', url: 'https://epaper.lnd.com.cn/lswb/pc/layout/202408/19/node_A01.html', articleHref: /con\/\d{6}\/\d{2}\/content_\d+\.html$/,
  },
  'founder-pc_article_szwb_2024-08-30_content_3251363.html': {
    template: 'founder-pc', pageType: 'article', url: 'http://wb.sznews.com/PC/content/202408/30/content_3251363.html',
  },
  'paperindex_layout_glrb_2024-10-11_Page01BC.htm': {
    template: 'paperindex', pageType: 'layout', url: 'http://epaper.glrb.example.cn/content/20241011/Page01BC.htm', articleHref: /^Articel01\d+\w*\.htm$/,
  },
  'rmrb-old_layout_2017-10-16_nbs.D110000renmrb_01.htm': {
    template: 'people-old', pageType: 'layout', url: 'http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm', articleHref: /^nw\.D\w+_\d{8}_\d+-\d+\.htm$/,
  },
};

const stripTags = (s: string) => s.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ');
const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[1]!);

/** The article's title as the page shows it and as its enpproperty says. */
function expectedTitles(html: string): string[] {
  const visible = all(/class="?font01"?[^>]*>([\s\S]*?)<\/td>/gi, html).concat(all(/<div class="newsdetatit">[\s\S]*?<h3>([\s\S]*?)<\/h3>/gi, html));
  const enp = all(/<(?:founder-)?title>([\s\S]*?)<\/(?:founder-)?title>/gi, html.slice(html.indexOf('enpproperty')));
  return [...visible, ...enp].map(stripTags).map(squash).filter(Boolean);
}

/** The body paragraphs inside founder-content. */
function expectedParagraphs(html: string): string[] {
  const body = html.match(/<founder-content>([\s\S]*?)<\/founder-content>/i)?.[1] ?? '';
  return all(/<p[^>]*>([\s\S]*?)<\/p>/gi, body).map(stripTags).map(squash).filter(Boolean);
}

/** Article hrefs in <area> tags and in links, without the dropped titles. */
function expectedLinks(html: string, href: RegExp): Set<string> {
  const out = new Set<string>();
  for (const h of all(/<area\b[^>]*\bhref=["']?([^"' >]+)/gi, html)) if (href.test(h)) out.add(h.replace(/^\.\//, ''));
  for (const m of html.matchAll(/<a\b[^>]*\bhref=["']?([^"' >]+)[^>]*>([\s\S]*?)<\/a>/gi)) {
    const h = m[1]!;
    if (!href.test(h)) continue;
    const title = stripTags(m[2]!.replace(/<script[\s\S]*?<\/script>/gi, ''));
    if (title.trim() && isDroppedTitle(title)) out.delete(h.replace(/^\.\//, ''));
    else out.add(h.replace(/^\.\//, ''));
  }
  return out;
}

const files = sampleFiles();

describe('real e-paper samples', () => {
  it('are there', () => expect(files.length).toBeGreaterThanOrEqual(6));

  for (const [file, c] of Object.entries(CASES)) {
    describe(file, () => {
      const html = files.includes(file) ? sampleHtml(file) : '';

      it.each([
        ['at its URL', c.url],
        ['saved (no URL)', undefined],
      ])('%s: template %s and page type', (_label, url) => {
        const doc = parseHtml(html);
        expect(detect(url, doc)).toMatchObject({ template: c.template, pageType: c.pageType });
        const page = extract(doc, url);
        expect([page.template, page.pageType]).toEqual([c.template, c.pageType]);
        expect(page.paper).toMatch(/报$/);
        expect(page.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(page.page).toMatch(/^[A-Z]?\d{2}\b/);
      });

      if (c.pageType === 'article') {
        it('title equals the enpproperty/visible title; every body paragraph is in the blocks', () => {
          const page = extract(parseHtml(html), c.url);
          const titles = page.blocks.filter((b) => b.hint === 'title').map((b) => squash(b.text));
          expect(titles).toHaveLength(1);
          const expected = expectedTitles(html);
          expect(expected.length).toBeGreaterThan(0);
          for (const t of expected) expect(titles[0]).toBe(t);
          const texts = page.blocks.filter((b) => b.hint === 'text' || b.hint === 'heading').map((b) => squash(b.text));
          const paras = expectedParagraphs(html);
          expect(paras.length).toBeGreaterThan(2);
          for (const p of paras) expect(texts).toContain(p);
          expect(page.links).toBeUndefined();
        });
      } else {
        it('the article list has every <area>/list article once, absolute on the page origin', () => {
          const page = extract(parseHtml(html), c.url);
          const links = page.links ?? [];
          const want = expectedLinks(html, c.articleHref!);
          expect(want.size).toBeGreaterThan(3);
          const urls = links.map((l) => l.url);
          expect(new Set(urls).size).toBe(urls.length);
          expect(urls.map((u) => new URL(u).href)).toEqual(urls);
          expect(new Set(urls)).toEqual(new Set([...want].map((h) => new URL(h, c.url).href)));
          for (const l of links) {
            expect(l.title).not.toBe('');
            expect(isDroppedTitle(l.title)).toBe(false);
          }
          expect(page.blocks).toEqual([]);
        });
      }
    });
  }

  it('every sample page is in the table above (a new sample needs a row)', () => {
    for (const f of files) if (!f.startsWith('fragment_')) expect(Object.keys(CASES)).toContain(f);
  });

  it.each(files.filter((f) => f.startsWith('fragment_')))('fragment %s: every paragraph is read (generic)', (file) => {
    const html = sampleHtml(file);
    const page = extract(parseHtml(html));
    expect(page.template).toBe('generic');
    const texts = page.blocks.map((b) => squash(b.text));
    const paras = all(/<p[^>]*>([\s\S]*?)<\\?(?:\/|\\u002F)p>/gi, html).map((p) => squash(stripTags(p.replace(/\\u002F/g, '/').replace(/\\"/g, '"')))).filter(Boolean);
    expect(paras.length).toBeGreaterThan(3);
    for (const p of paras) expect(texts).toContain(p);
    for (const t of texts) expect(t).not.toMatch(/\\u002F|<\/?p>/);
  });
});

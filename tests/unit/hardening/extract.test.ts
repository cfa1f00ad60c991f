// Bad input to lib/extract (parseHtml → extract → cleanBlocks, as the CLI and the tests run it):
// huge pages, huge blocks, binary bytes, lone surrogates, deep nesting, frames, pages with no
// text. Each gives a SourcePage (and a CleanPage), never a throw, and does not change the DOM.
// Only generous test timeouts here; speed is measured by the badinput bench.
import { describe, expect, it } from 'vitest';
import { decodeHtml, extract, parseHtml } from '../../../lib/extract';
import { cleanBlocks } from '../../../lib/segment';
import type { SourcePage } from '../../../lib/types';
import { binaryBytes, htmlPage, LONE_SURROGATES, nested, noPunctuation, paragraph, paragraphNumbers, textOfSize } from './inputs';

const HEAVY = 120_000;
const FOUNDER_URL = 'http://epaper.example.cn/html/2024-01/01/content_1.htm';

function read(html: string, url?: string): SourcePage {
  const doc = parseHtml(html);
  const page = extract(doc, url);
  expect(Array.isArray(page.blocks)).toBe(true);
  for (const b of page.blocks) {
    expect(typeof b.text).toBe('string');
    expect(b.text.trim()).toBe(b.text);
  }
  const clean = cleanBlocks(page);
  expect(Array.isArray(clean.articles)).toBe(true);
  return page;
}

const blockText = (page: SourcePage) => page.blocks.map((b) => b.text).join('\n');

describe('extract on bad input', () => {
  it(
    'a 10 MB page of paragraphs (generic and a Founder template): every paragraph read',
    () => {
      const paras = textOfSize(10 * 1024 * 1024).split('\n\n');
      const body = paras.map((p) => `<p>${p}</p>`).join('\n');
      for (const [html, url, template] of [
        [htmlPage(`<div class="article">${body}</div>`), undefined, 'generic'],
        [htmlPage(`<table><tr><td class="font01">城南公园改造完工</td></tr></table><div id="ozoom"><founder-content>${body}</founder-content></div>`), FOUNDER_URL, 'founder-classic'],
      ] as const) {
        const page = read(html, url);
        expect(page.template).toBe(template);
        const got = new Set(paragraphNumbers(blockText(page)));
        expect(paras.length - got.size).toBe(0);
      }
    },
    HEAVY,
  );

  it(
    '100,000 one-character paragraphs: read as blocks, no throw',
    () => {
      const page = read(htmlPage(Array.from({ length: 100_000 }, (_, i) => `<p>${'的一是工会职工。'[i % 8]}</p>`).join('')));
      expect(page.blocks.length).toBeGreaterThan(0);
      expect(page.blocks.length).toBeLessThanOrEqual(100_001);
    },
    HEAVY,
  );

  it(
    'one 5 MB paragraph with no punctuation: kept whole',
    () => {
      const text = noPunctuation((5 * 1024 * 1024) / 3);
      const page = read(htmlPage(`<p>${text}</p>`));
      expect(page.blocks.map((b) => b.text)).toContain(text);
    },
    HEAVY,
  );

  it('binary bytes, decoded as the CLI and the fetcher decode them: a page, never a throw', () => {
    const html = decodeHtml(binaryBytes(300_000));
    expect(typeof html).toBe('string');
    read(html);
    read(`<html><body><p>${html.slice(0, 50_000)}</p></body></html>`);
  });

  it('lone UTF-16 surrogates in the title, the headings and the body: read through, not dropped', () => {
    const paras = LONE_SURROGATES.split('\n\n');
    const page = read(htmlPage(`<h1>\uD800城南公园改造完工</h1>${[...paras, paragraph(4), paragraph(5)].map((p) => `<p>${p}</p>`).join('')}`, '\uDC00测试'));
    const text = blockText(page);
    for (const n of [1, 2, 4, 5]) expect(text).toContain(paragraph(n));
  });

  it('the same paragraph 10,000 times: read, then cleaned to one paragraph', () => {
    const page = read(htmlPage(Array.from({ length: 10_000 }, () => `<p>${paragraph(7)}</p>`).join('')));
    const clean = cleanBlocks(page);
    expect(clean.articles.flatMap((a) => a.body.map((b) => b.text))).toEqual([paragraph(7)]);
  }, HEAVY);

  it('5,000-level nesting of tables, spans and a Founder container (divs are covered in extract/fallbacks)', () => {
    for (const [html, url] of [
      [nested(5000, '<table><tr><td>', '</td></tr></table>'), undefined],
      [nested(5000, '<span>', '</span>'), undefined],
      [nested(5000, '<blockquote>', '</blockquote>'), undefined],
      [htmlPage(`<div id="ozoom"><founder-content>${'<div>'.repeat(5000)}${[0, 1, 2, 3].map((i) => `<p>${paragraph(i)}</p>`).join('')}${'</div>'.repeat(5000)}</founder-content></div>`), FOUNDER_URL],
    ] as const) {
      const page = read(html, url);
      const text = blockText(page);
      for (const i of [0, 1, 2, 3]) expect(text).toContain(paragraph(i));
    }
  }, HEAVY);

  it('50,000 unclosed elements: no stack overflow', () => {
    read(htmlPage('<div><span><b>'.repeat(50_000 / 3) + `<p>${paragraph(1)}</p>`));
  }, HEAVY);

  it('frames and iframes: the frame documents are not read (nor their srcdoc), the page itself is', () => {
    const paras = [0, 1, 2, 3].map((i) => `<p>${paragraph(i)}</p>`).join('');
    const page = read(htmlPage(`<iframe src="node_2.htm"></iframe><iframe srcdoc="<p>${paragraph(99)}</p>"></iframe><div>${paras}</div><noframes>${paragraph(98)}</noframes>`));
    const text = blockText(page);
    for (const i of [0, 1, 2, 3]) expect(text).toContain(paragraph(i));
    expect(text).not.toContain(paragraph(99));
    const frameset = read(`<html><head><title>某某日报</title></head><frameset rows="20%,80%"><frame src="top.htm"><frameset cols="30%,70%"><frame src="a.htm"><frame src="b.htm"></frameset></frameset></html>`, FOUNDER_URL);
    expect(frameset.blocks).toEqual([]);
  });

  it('pages with no text (images, scripts, styles, forms, comments only): no blocks, no articles', () => {
    for (const body of [
      '',
      '<img src="a.jpg"><img src="b.jpg"><br><hr>',
      `<script>document.title = "${paragraph(1)}"</script><style>p::after{content:"${paragraph(2)}"}</style>`,
      `<!-- ${paragraph(3)} --><template><p>${paragraph(4)}</p></template>`,
      '<form><input value="登录"><select><option>一</option></select></form>',
    ]) {
      for (const url of [undefined, FOUNDER_URL]) {
        const page = read(htmlPage(body, ''), url);
        expect(page.blocks.filter((b) => b.hint !== 'title')).toEqual([]);
        expect(cleanBlocks(page).articles.filter((a) => a.body.length > 0)).toEqual([]);
      }
    }
  });
});

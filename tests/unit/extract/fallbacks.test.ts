import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, extract, parseHtml } from '../../../lib/extract';
import { fixtureDoc, fixtureNames, fixtureUrl } from './helpers';

const para = (i: number) => `第${i}段：这是一段足够长的正文，用来说明通用读取器能够找到文章的主体内容，而不会把导航和页脚当成正文。`;

describe('generic fallback (Readability on a clone)', () => {
  it('reads an ordinary news page into a title and paragraphs', () => {
    const doc = parseHtml(`<html><head><title>某地举办读书节 - 某某网</title></head><body><nav><a href="/">首页</a><a href="/a">新闻</a></nav>
      <div class="main"><h1>某地举办读书节</h1>${[1, 2, 3, 4].map((i) => `<p>${para(i)}</p>`).join('')}</div><footer>版权所有</footer></body></html>`);
    const page = extract(doc, 'https://news.example.org/a/1.html');
    expect(page.template).toBe('generic');
    expect(page.pageType).toBe('article');
    expect(page.blocks[0]).toMatchObject({ text: '某地举办读书节', hint: 'title' });
    expect(page.blocks.filter((b) => b.hint === 'text').map((b) => b.text)).toEqual([1, 2, 3, 4].map(para));
    expect(page.blocks.map((b) => b.source)).toEqual(page.blocks.map((_, i) => i));
  });

  it.each(fixtureNames())('extract(%s) does not change the document', (name) => {
    const doc = fixtureDoc(name);
    const before = doc.documentElement.outerHTML;
    extract(doc, fixtureUrl(name));
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('a page that is no newspaper and has no readable text: blocks [] and no exception', () => {
    for (const html of [
      '',
      '<html><body></body></html>',
      '<html><head><title>登录</title></head><body><form><input name="u"><button>登录</button></form><a href="/r">注册</a></body></html>',
      '<html><body><script>var a = "很长的脚本文字".repeat(100);</script><style>p{}</style></body></html>',
      '<html><body><img src="a.jpg"><img src="b.jpg"></body></html>',
    ]) {
      const page = extract(parseHtml(html));
      expect(page.blocks).toEqual([]);
      expect(page.template).toBe('generic');
    }
  });

  it('a frameset page: no text here (the frames are other documents), never an exception', () => {
    const doc = parseHtml('<html><head><title>某某日报</title></head><frameset cols="30%,70%"><frame src="left.htm"><frame src="node_2.htm"></frameset></html>');
    expect(() => extract(doc)).not.toThrow();
    expect(extract(doc).blocks).toEqual([]);
    expect(detect(undefined, doc).template).toBe('generic');
  });

  it('a 5,000-level nested DOM is read without a stack overflow', () => {
    const depth = 5000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${para(1)}</p><p>${para(2)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const doc = parseHtml(html);
    const page = extract(doc);
    expect(page.blocks.map((b) => b.text)).toEqual(expect.arrayContaining([para(1), para(2)]));
    expect(() => detect(undefined, doc)).not.toThrow();
  });

  it('never throws on arbitrary markup', () => {
    const tag = fc.constantFrom('div', 'p', 'td', 'table', 'span', 'br', 'pre', 'founder-content', 'map', 'area', 'a', 'script', 'h1', 'frame');
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      tag.map((t) => `<${t}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom('<td class="font01">', '<div id="ozoom">', '<div class="newsdetatit"><h3>', '<!--enpproperty <title>x</title>/enpproperty-->', '<a href="content_1.htm">', '&nbsp;', '\u3000'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.option(fc.webUrl(), { nil: undefined }), (parts, url) => {
        const doc = parseHtml(parts.join(''));
        const page = extract(doc, url);
        expect(Array.isArray(page.blocks)).toBe(true);
        for (const b of page.blocks) expect(b.text.trim()).toBe(b.text);
        detect(url, doc);
      }),
      { numRuns: 150 },
    );
  });
});

describe('template page with an unknown body container', () => {
  it('keeps the template headings and metadata, and reads the body with the generic reader', () => {
    const doc = parseHtml(`<html><head><title>某某日报</title></head><body><div id="btdh"></div>
      <table><tr><td class="font02">引题文字</td></tr><tr><td class="font01">标题文字</td></tr></table>
      <div class="article-body">${[1, 2, 3, 4].map((i) => `<p>${para(i)}</p>`).join('')}</div></body></html>
      <!--enpproperty <founder-date>2025-02-03</founder-date><founder-papername>某某日报</founder-papername><founder-pagenum>02</founder-pagenum> /enpproperty-->`);
    const page = extract(doc, 'http://e.example.cn/html/2025-02/03/content_7.htm');
    expect(page).toMatchObject({ template: 'founder-classic', pageType: 'article', paper: '某某日报', date: '2025-02-03', page: '02' });
    expect(page.blocks.slice(0, 2)).toEqual([
      { text: '引题文字', hint: 'kicker', source: 0 },
      { text: '标题文字', hint: 'title', source: 1 },
    ]);
    expect(page.blocks.filter((b) => b.hint === 'text').map((b) => b.text)).toEqual([1, 2, 3, 4].map(para));
    expect(page.blocks.filter((b) => b.hint === 'title')).toHaveLength(1);
  });
});

describe('text dump fallback', () => {
  const lines = ['第一段文字，写在一个大的预格式文本块里，这是从PDF文字层复制出来的内容。', '第二段文字，继续讲述同一件事情，并且补充了更多的细节和背景材料。', '第三段文字，说明了事情的结果，以及有关部门下一步的打算和安排。'];

  it('a <pre> dump is split at blank lines', () => {
    const doc = parseHtml(`<html><body><pre>${lines.join('\n\n')}\n\n${lines.join('\n\n')}</pre></body></html>`);
    const page = extract(doc);
    expect(page).toMatchObject({ template: 'text-dump', pageType: 'text' });
    expect(page.blocks.map((b) => b.text)).toEqual([...lines, ...lines]);
    expect(detect(undefined, doc)).toEqual({ template: 'text-dump', pageType: 'text' });
  });

  it('one big container with <br> lines is split at the empty lines', () => {
    const all = [...lines, ...lines];
    const doc = parseHtml(`<html><body><div>${all.join('<br>\n<br>')}<br><br>${lines[0]!.slice(0, 10)}<br>${lines[1]!.slice(0, 10)}</div></body></html>`);
    const page = extract(doc);
    expect(page.template).toBe('text-dump');
    expect(page.blocks.slice(0, 6).map((b) => b.text)).toEqual(all);
    expect(page.blocks[6]!.text).toBe(`${lines[0]!.slice(0, 10)} ${lines[1]!.slice(0, 10)}`);
    expect(page.blocks).toHaveLength(7);
  });

  it('a dump without blank lines gives one block per line', () => {
    const doc = parseHtml(`<html><body><pre>${lines.join('\n')}\n${lines.join('\n')}</pre></body></html>`);
    expect(extract(doc).blocks.map((b) => b.text)).toEqual([...lines, ...lines]);
  });
});

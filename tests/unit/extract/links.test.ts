import { describe, expect, it } from 'vitest';
import { extract, parseHtml } from '../../../lib/extract';
import { baseOf, collectLinks, isDroppedTitle } from '../../../lib/extract/links';

const PAGE = `<html><head><title>某某日报</title></head><body>
<map name="PagePicMap"><area href="./content_1.htm"><area href="content_2.htm"><area href="content_3.htm"><area href="content_9.htm"><area href="../../../page/1.pdf"></map>
<table><tr><td><a href="content_1.htm">第一篇  标题</a></td></tr>
<tr><td><a href="content_2.htm"><script>document.write(view("第二篇<br>标题  "))</script></a></td></tr>
<tr><td><a href="content_3.htm">本版责编：某某</a></td></tr>
<tr><td><a href="content_4.htm">导 读</a></td></tr>
<tr><td><a href="content_5.htm">广告</a></td></tr>
<tr><td><a href="node_3.htm">第02版：要闻</a></td><td><a href="javascript:void(0)">x</a></td></tr></table>
</body></html>`;

describe('layout links', () => {
  const rule = { selector: 'area[href], a[href]', href: /^content_\d+\.htm$/ };

  it('one entry per URL across map and list, absolute, in page order, without 责编/导读/广告', () => {
    const links = collectLinks(parseHtml(PAGE), rule, 'http://e.example.cn/html/2025-01/02/node_2.htm');
    expect(links).toEqual([
      { title: '第一篇 标题', url: 'http://e.example.cn/html/2025-01/02/content_1.htm' },
      { title: '第二篇 标题', url: 'http://e.example.cn/html/2025-01/02/content_2.htm' },
      { title: '', url: 'http://e.example.cn/html/2025-01/02/content_9.htm' },
    ]);
  });

  it('keeps hrefs relative (normalized) when there is no base URL', () => {
    const links = collectLinks(parseHtml(PAGE), rule, undefined);
    expect(links.map((l) => l.url)).toEqual(['content_1.htm', 'content_2.htm', 'content_9.htm']);
  });

  it('resolves against <base href>', () => {
    const doc = parseHtml('<html><head><base href="http://b.example.cn/x/y/"></head><body><a href="content_7.htm">题</a></body></html>');
    expect(collectLinks(doc, rule, baseOf(doc, 'http://a.example.cn/z/node_1.htm'))[0]!.url).toBe('http://b.example.cn/x/y/content_7.htm');
  });

  it('keeps only the current page when the layout lists the whole issue', () => {
    const doc = parseHtml('<html><body><a href="Articel01001NR.htm">一版稿</a><a href="Articel02001NR.htm">二版稿</a><a class="overlink" href="Articel02001NR.htm" title="二版稿"></a></body></html>');
    const r = { selector: 'a[href]', href: /^Articel(?<page>\d{2})\d+\w*\.htm$/, samePageOnly: true };
    expect(collectLinks(doc, r, 'http://p.example.cn/content/20241011/Page02BC.htm', '02').map((l) => l.title)).toEqual(['二版稿']);
  });

  it.each(['本版责编：张三', '责任编辑 李四', '导读', '导 读', '本版导读', '广告', '广告：某楼盘'])('drops %s', (t) => expect(isDroppedTitle(t)).toBe(true));
  it.each(['广告业发展迅速', '读书导读会举行', '公告'])('keeps %s', (t) => expect(isDroppedTitle(t)).toBe(false));

  it('extract() of a layout page carries the links; title list entries that only the map has are kept', () => {
    const page = extract(parseHtml(PAGE.replace('<title>', '<title>').replace('</body>', '<div id="btdh"></div><td class="font01"></td></body>')), 'http://e.example.cn/html/2025-01/02/node_2.htm');
    expect(page.template).toBe('founder-classic');
    expect(page.pageType).toBe('layout');
    expect(page.links?.map((l) => l.url.replace(/^.*\//, ''))).toEqual(['content_1.htm', 'content_2.htm', 'content_9.htm']);
    expect(page.blocks).toEqual([]);
  });
});

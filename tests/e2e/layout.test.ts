// "Clip all articles on this page" on a real layout (版面) page: the 上饶日报 node_2 sample from
// ../shared is served at its e-paper path, and each article it links to is served as an article
// page of our own (generated here, Founder-classic shaped, our own titles and text); one click
// saves every article.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from '../harness/chromium';
import { openReader } from '../harness/demo';
import { serve, type StaticServer } from '../harness/server';
import { EXTENSION } from './env';
import type { Store } from '../../lib/store';

const SAMPLE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'samples', 'epaper', 'founder-classic_layout_srrb_2024-01-01_node_2.htm');
const DIR = '/srrb/html/2024-01/01/';

/** The article pages the sample links to (file names, read at run time), each given a title of ours. */
function sampleLinks(): { file: string; title: string }[] {
  const html = readFileSync(SAMPLE, 'utf8');
  const files = [...new Set([...html.matchAll(/href=["']?(?:\.\/)?(content_\d+\.htm)/gi)].map((m) => m[1]!))];
  return files.map((file, i) => ({ file, title: `批量剪辑测试文章第${i + 1}篇` }));
}

function articlePage(title: string, n: number): string {
  return `<html><head><meta charset="utf-8"><title>上饶日报-第01版</title></head><body>
<table><tr><td class="font02"></td></tr><tr><td class="font01">${title}</td></tr><tr><td class="font02"></td></tr></table>
<div id="ozoom"><founder-content>
<p>　　本报讯(记者 测试${n})这是为端到端测试写的第${n}篇文章的第一段，内容由测试生成，用来检验批量剪辑。</p>
<p>　　第二段写明了更多细节：活动共有${n * 10}人参加，持续两个小时，气氛热烈。</p>
</founder-content></div></body></html>
<!--enpproperty <founder-date>2024-01-01</founder-date><founder-papername>上饶日报</founder-papername><founder-pagenum>01</founder-pagenum><founder-title>${title}</founder-title>/enpproperty-->`;
}

let session: Session;
let server: StaticServer;
let links: { file: string; title: string }[];

beforeAll(async () => {
  links = sampleLinks();
  server = await serve({ [DIR + 'node_2.htm']: { file: SAMPLE, type: 'text/html; charset=utf-8' } });
  links.forEach((l, i) => server.set(DIR + l.file, { body: articlePage(l.title, i + 1), type: 'text/html; charset=utf-8' }));
  session = await launch({ extension: EXTENSION });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('layout page', () => {
  it('lists the page articles and clips all of them with one click', async () => {
    expect(links.length).toBeGreaterThanOrEqual(5);
    const page = await session.context.newPage();
    await page.goto(server.url(DIR + 'node_2.htm'));
    const root = await openReader(session, page);
    await expect(root.locator('[data-testid="reader-links"] li').count()).resolves.toBe(links.length);
    const btn = root.locator('[data-testid="reader-clip-all"]');
    await expect(btn.textContent()).resolves.toContain(String(links.length));
    await btn.click();
    const batch = root.locator('[data-testid="reader-batch"]');
    await expect.poll(() => batch.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`(已保存 ${links.length} 篇，失败 0 篇|Saved ${links.length} articles, 0 failed)`));

    const kit = await session.openExtensionPage('testkit.html');
    await kit.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const saved = await kit.evaluate(async () => {
      const s = (window as unknown as { erStore: Store }).erStore;
      const list = await s.listRecent({ limit: 100 });
      return list.clips.map((c) => ({ title: c.title, url: c.url, paper: c.paper, date: c.date, byline: c.byline }));
    });
    expect(saved.map((c) => c.title).sort()).toEqual(links.map((l) => l.title).sort());
    for (const c of saved) {
      expect(c.url).toMatch(/\/srrb\/html\/2024-01\/01\/content_\d+\.htm$/);
      expect(c.paper).toBe('上饶日报');
      expect(c.date).toBe('2024-01-01');
    }
  });
});

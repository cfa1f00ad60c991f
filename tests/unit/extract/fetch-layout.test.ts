import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, fetchLayoutArticles } from '../../../lib/extract';
import type { CleanPage, PageLink, SourcePage } from '../../../lib/types';
import { FIXTURES, fixtureDoc, fixtureUrl } from './helpers';

const ORIGIN = 'https://epaper.byw.example.com.cn';
const articleBytes = new Uint8Array(readFileSync(join(FIXTURES, 'founder-pc-article-con', 'input.html')));

/** A stand-in for lib/segment: the source page's metadata and one "article" per title block. */
function fakeClean(page: SourcePage): CleanPage {
  const { blocks, ...source } = page;
  const articles = blocks
    .filter((b) => b.hint === 'title')
    .map((b) => ({ kind: 'article' as const, kicker: null, title: b.text, subtitle: null, byline: null, dateline: null, body: [], credit: null, truncated: false, continuedOn: null }));
  return { source, articles, removed: [] };
}

/** GBK bytes of a tiny Founder PC article: title "中文新闻" (D6D0 CEC4 D0C2 CEC5). */
function gbkArticle(): Uint8Array {
  const enc = new TextEncoder();
  const parts: number[] = [];
  const push = (s: string) => parts.push(...enc.encode(s));
  push('<html><head><meta charset="gbk"></head><body><div class="newsdetatit"><h3>');
  parts.push(0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5);
  push('</h3></div><div class="newsdetatext"><founder-content><p>');
  parts.push(0xd6, 0xd0, 0xce, 0xc4);
  push('</p></founder-content></div></body></html>');
  return new Uint8Array(parts);
}

interface FakeServer {
  fetch: typeof fetch;
  maxInFlight: () => number;
  requested: string[];
}

function fakeServer(routes: Record<string, { body: Uint8Array; type?: string; status?: number }>, delayMs = 5): FakeServer {
  let inFlight = 0;
  let max = 0;
  const requested: string[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requested.push(url);
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, delayMs);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(t);
          reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }));
        });
      });
      const r = routes[url];
      if (!r) return new Response('not found', { status: 404 });
      return new Response(r.body as unknown as BodyInit, { status: r.status ?? 200, headers: { 'content-type': r.type ?? 'text/html' } });
    } finally {
      inFlight--;
    }
  }) as typeof fetch;
  return { fetch: f, maxInFlight: () => max, requested };
}

const link = (n: number, title = `稿件${n}`): PageLink => ({ title, url: `${ORIGIN}/bywb/pc/con/202408/20/content_${n}.html` });

describe('fetchLayoutArticles', () => {
  it('fetches the links of a real layout fixture, decodes, extracts and cleans each, in order', async () => {
    const layout = extract(fixtureDoc('founder-pc-layout-amucsite'), fixtureUrl('founder-pc-layout-amucsite'));
    const links = layout.links!;
    expect(links).toHaveLength(2);
    const server = fakeServer({
      [links[0]!.url]: { body: gbkArticle(), type: 'text/html; charset=GBK' },
      [links[1]!.url]: { body: articleBytes, type: 'text/html; charset=gb2312' }, // lies: the bytes are UTF-8
    });
    const progress: Array<[number, number, string | undefined, string | undefined]> = [];
    const results = await fetchLayoutArticles(links, {
      fetch: server.fetch,
      origin: ORIGIN,
      clean: fakeClean,
      onProgress: (done, total, item) => progress.push([done, total, item.page?.template, item.error]),
    });
    expect(results.map((r) => r.link)).toEqual(links);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(results[0]!.page!.articles[0]!.title).toBe('中文新闻');
    expect(results[1]!.page!.articles[0]!.title).toBe('社区食堂开进老旧小区');
    expect(results[1]!.page!.source).toMatchObject({ template: 'founder-pc', pageType: 'article', url: links[1]!.url, page: 'A02 要闻' });
    expect(progress.map((p) => p.slice(0, 3))).toEqual([
      [1, 2, 'founder-pc'],
      [2, 2, 'founder-pc'],
    ]);
  });

  it('runs at most 2 fetches at a time, also when asked for more', async () => {
    const routes = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [link(i).url, { body: articleBytes }]));
    for (const concurrency of [undefined, 2, 8]) {
      const server = fakeServer(routes);
      const results = await fetchLayoutArticles(Array.from({ length: 7 }, (_, i) => link(i)), { fetch: server.fetch, origin: ORIGIN, clean: fakeClean, concurrency });
      expect(server.maxInFlight()).toBe(2);
      expect(results.every((r) => r.page)).toBe(true);
    }
    const one = fakeServer(routes);
    await fetchLayoutArticles([link(0), link(1), link(2)], { fetch: one.fetch, origin: ORIGIN, clean: fakeClean, concurrency: 1 });
    expect(one.maxInFlight()).toBe(1);
  });

  it('refuses other origins without fetching them', async () => {
    const server = fakeServer({ [link(1).url]: { body: articleBytes } });
    const evil = { title: '别处', url: 'https://evil.example.com/bywb/pc/con/202408/20/content_9.html' };
    const results = await fetchLayoutArticles([evil, link(1)], { fetch: server.fetch, origin: ORIGIN, clean: fakeClean });
    expect(results[0]!.error).toMatch(/origin/);
    expect(results[0]!.page).toBeUndefined();
    expect(results[1]!.page).toBeDefined();
    expect(server.requested).toEqual([link(1).url]);
  });

  it('defaults the origin to the first link when there is no page location', async () => {
    const server = fakeServer({ [link(1).url]: { body: articleBytes } });
    const results = await fetchLayoutArticles([link(1), { title: 'x', url: 'http://other.example.org/a.html' }], { fetch: server.fetch, clean: fakeClean });
    expect(results.map((r) => !!r.page)).toEqual([true, false]);
  });

  it('reports HTTP errors per article and keeps going', async () => {
    const server = fakeServer({ [link(2).url]: { body: articleBytes } });
    const results = await fetchLayoutArticles([link(1), link(2)], { fetch: server.fetch, origin: ORIGIN, clean: fakeClean });
    expect(results[0]!.error).toBe('HTTP 404');
    expect(results[1]!.page).toBeDefined();
  });

  it('cancels: no new fetches after abort, unfinished ones say cancelled, never rejects', async () => {
    const routes = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [link(i).url, { body: articleBytes }]));
    const server = fakeServer(routes, 20);
    const ctrl = new AbortController();
    const results = await fetchLayoutArticles(Array.from({ length: 6 }, (_, i) => link(i)), {
      fetch: server.fetch,
      origin: ORIGIN,
      clean: fakeClean,
      signal: ctrl.signal,
      onProgress: (done) => {
        if (done === 1) ctrl.abort();
      },
    });
    expect(results).toHaveLength(6);
    expect(results.filter((r) => r.page).length).toBe(1);
    expect(results.filter((r) => r.error === 'cancelled').length).toBe(5);
    expect(server.requested.length).toBeLessThanOrEqual(3);
  });

  it('an article page with nothing readable still resolves (empty blocks, cleaned)', async () => {
    const server = fakeServer({ [link(3).url]: { body: new TextEncoder().encode('<html><body></body></html>') } });
    const seen: SourcePage[] = [];
    const results = await fetchLayoutArticles([link(3)], { fetch: server.fetch, origin: ORIGIN, clean: (p) => (seen.push(p), fakeClean(p)) });
    expect(results[0]!.error).toBeUndefined();
    expect(seen[0]!.blocks).toEqual([]);
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderApp, type ReaderApi } from '../../../components/reader/ReaderApp';
import { articleSignature, placeRemoved } from '../../../components/reader/placement';
import type { ClipInput } from '../../../lib/store/types';
import type { Article, CleanPage } from '../../../lib/types';

afterEach(cleanup);

const art = (over: Partial<Article>): Article => ({
  kind: 'article',
  kicker: null,
  title: '',
  subtitle: null,
  byline: null,
  dateline: null,
  body: [],
  credit: null,
  truncated: false,
  continuedOn: null,
  ...over,
});

const page = (): CleanPage => ({
  source: { url: 'http://x.test/html/2024-01/01/content_1.htm', paper: '测试日报', date: '2024-01-01', page: '01 要闻', template: 'founder-classic', pageType: 'article' },
  articles: [
    art({ kicker: '引题在此', title: '河边新建了一座桥', byline: '记者 张三', dateline: '本报讯', body: [{ type: 'paragraph', text: '桥长三百米，明年通车。' }], truncated: true, continuedOn: '第2版' }),
    art({ kind: 'caption', body: [{ type: 'paragraph', text: '工人在桥上作业。' }], credit: '李四' }),
    art({ kind: 'advert', title: '欢迎订阅' }),
  ],
  removed: [
    { text: '桥长三百米，明年通车。', reason: 'duplicate', duplicateOf: '桥长三百米，明年通车。' },
    { text: '电话:025-00000000', reason: 'boilerplate', detail: 'masthead' },
  ],
});

function fakeApi(over: Partial<ReaderApi> = {}) {
  const saved: ClipInput[][] = [];
  const api: ReaderApi = {
    save: vi.fn(async (inputs: ClipInput[]) => {
      saved.push(inputs);
      return { ok: true as const, value: { results: inputs.map((_, i) => ({ id: String(i), status: 'added' as const })) } };
    }),
    savedOnPage: vi.fn(async () => ({ ok: true as const, value: { signatures: [], count: 0 } })),
    openClippings: vi.fn(async () => null),
    ...over,
  };
  return { api, saved };
}

describe('ReaderApp', () => {
  it('shows the page metadata and each article as a card with its fields', async () => {
    const { api } = fakeApi();
    render(<ReaderApp page={page()} api={api} onClose={() => {}} />);
    expect(screen.getByTestId('reader-root').textContent).toContain('测试日报 · 2024-01-01 · 01 要闻');
    const cards = screen.getAllByTestId('reader-article');
    expect(cards).toHaveLength(3);
    expect(within(cards[0]!).getByTestId('reader-article-title').textContent).toBe('河边新建了一座桥');
    expect(cards[0]!.textContent).toContain('引题在此');
    expect(cards[0]!.textContent).toContain('本报讯');
    expect(cards[0]!.textContent).toContain('记者 张三');
    expect(cards[0]!.textContent).toMatch(/第2版/);
    expect(cards[1]!.className).toContain('er-kind-caption');
    expect(cards[1]!.textContent).toContain('李四');
    // adverts cannot be saved; articles and captions can
    expect(within(cards[2]!).queryByTestId('reader-save')).toBeNull();
    expect(screen.getAllByTestId('reader-save')).toHaveLength(2);
  });

  it('saves one article with the page metadata, then marks it saved', async () => {
    const { api, saved } = fakeApi();
    render(<ReaderApp page={page()} api={api} onClose={() => {}} />);
    await act(async () => fireEvent.click(screen.getAllByTestId('reader-save')[0]!));
    expect(saved).toHaveLength(1);
    expect(saved[0]![0]).toMatchObject({ title: '河边新建了一座桥', paper: '测试日报', date: '2024-01-01', page: '01 要闻', url: 'http://x.test/html/2024-01/01/content_1.htm' });
    expect(screen.getAllByTestId('reader-save')[0]!.getAttribute('data-state')).toBe('saved');
    // save all saves only what is left
    await act(async () => fireEvent.click(screen.getByTestId('reader-save-all')));
    expect(saved[1]).toHaveLength(1);
    expect(saved[1]![0]!.kind).toBe('caption');
  });

  it('keeps the article and offers a retry when saving fails', async () => {
    const { api } = fakeApi({ save: vi.fn(async () => ({ ok: false as const, error: { code: 'quota', message: 'disk full' } })) });
    render(<ReaderApp page={page()} api={api} onClose={() => {}} />);
    await act(async () => fireEvent.click(screen.getAllByTestId('reader-save')[0]!));
    // a known code is explained in the UI language; an unknown one shows the store's words
    expect(screen.getByTestId('reader-error').textContent).toMatch(/no storage space|没有存放剪报的空间/);
    const btn = screen.getAllByTestId('reader-save')[0]!;
    expect(btn.getAttribute('data-state')).toBe('error');
    expect(screen.getAllByTestId('reader-article')).toHaveLength(3);
  });

  it('shows the store message for an error code the UI does not know', async () => {
    const { api } = fakeApi({ save: vi.fn(async () => ({ ok: false as const, error: { code: 'unknown', message: 'disk on fire' } })) });
    render(<ReaderApp page={page()} api={api} onClose={() => {}} />);
    await act(async () => fireEvent.click(screen.getAllByTestId('reader-save')[0]!));
    expect(screen.getByTestId('reader-error').textContent).toContain('disk on fire');
  });

  it('shows articles already saved from this page as saved', async () => {
    const sig = articleSignature(page().articles[0]!);
    const { api } = fakeApi({ savedOnPage: vi.fn(async () => ({ ok: true as const, value: { signatures: [sig], count: 1 } })) });
    await act(async () => void render(<ReaderApp page={page()} api={api} onClose={() => {}} />));
    expect(screen.getAllByTestId('reader-save')[0]!.getAttribute('data-state')).toBe('saved');
    expect(screen.getAllByTestId('reader-save')[1]!.getAttribute('data-state')).toBe('idle');
  });

  it('shows removed items in place with reasons, and restores one into the saved article', async () => {
    const { api, saved } = fakeApi();
    render(<ReaderApp page={page()} api={api} onClose={() => {}} />);
    expect(screen.queryAllByTestId('reader-removed-item')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('reader-removed-toggle'));
    const items = screen.getAllByTestId('reader-removed-item');
    expect(items).toHaveLength(2);
    const cards = screen.getAllByTestId('reader-article');
    const dup = within(cards[0]!).getByTestId('reader-removed-item');
    expect(dup.getAttribute('data-reason')).toBe('duplicate');
    fireEvent.click(within(dup).getByTestId('reader-restore'));
    await act(async () => fireEvent.click(screen.getAllByTestId('reader-save')[0]!));
    expect(saved[0]![0]!.body.map((b) => b.text)).toEqual(['桥长三百米，明年通车。', '桥长三百米，明年通车。']);
  });

  it('closes on Esc and on the close button', () => {
    const onClose = vi.fn();
    const { api } = fakeApi();
    render(<ReaderApp page={page()} api={api} onClose={onClose} />);
    fireEvent.keyDown(window, { key: 'Escape' });
    fireEvent.click(screen.getByTestId('reader-close'));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('says plainly when there is nothing to clean', () => {
    const { api } = fakeApi();
    render(<ReaderApp page={{ source: {}, articles: [], removed: [] }} api={api} onClose={() => {}} />);
    expect(screen.getByTestId('reader-empty').textContent).toMatch(/Nothing to clean|没有可整理/);
    expect(screen.queryByTestId('reader-save-all')).toBeNull();
  });

  it('renders hostile page text literally, never as markup', () => {
    (globalThis as { __pwned?: boolean }).__pwned = false;
    const evil = '<img src=x onerror="globalThis.__pwned=true"><script>globalThis.__pwned=true</script>';
    const p: CleanPage = { source: { paper: evil }, articles: [art({ title: evil, byline: evil, body: [{ type: 'paragraph', text: evil }] })], removed: [{ text: evil, reason: 'boilerplate' }] };
    const { api } = fakeApi();
    const { container } = render(<ReaderApp page={p} api={api} onClose={() => {}} />);
    fireEvent.click(screen.getByTestId('reader-removed-toggle'));
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByTestId('reader-article-title').textContent).toBe(evil);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBe(false);
  });

  it('clips every article of a layout page with progress, and can be cancelled', async () => {
    const links = [1, 2, 3].map((i) => ({ title: `文章${i}`, url: `http://x.test/html/2024-01/01/content_${i}.htm` }));
    const { api, saved } = fakeApi({
      clipLinks: vi.fn(async (ls, { onProgress }) => {
        onProgress(ls.length, ls.length);
        return ls.map((link: { title: string; url: string }, i: number) =>
          i === 2 ? { link, error: 'HTTP 404' } : { link, page: { source: { paper: '测试日报' }, articles: [art({ title: link.title, body: [{ type: 'paragraph', text: '正文。' }] })], removed: [] } },
        );
      }),
    });
    const p: CleanPage = { source: { url: 'http://x.test/html/2024-01/01/node_1.htm', pageType: 'layout', links }, articles: [], removed: [] };
    render(<ReaderApp page={p} api={api} onClose={() => {}} />);
    await act(async () => fireEvent.click(screen.getByTestId('reader-clip-all')));
    expect(saved.map((s) => s[0]!.title)).toEqual(['文章1', '文章2']);
    expect(saved[0]![0]!.url).toBe(links[0]!.url);
    expect(screen.getByTestId('reader-batch').textContent).toMatch(/2.*1/);
  });
});

describe('placeRemoved', () => {
  it('puts duplicates under the article holding the kept text, furniture on the page', () => {
    const p = page();
    const { byArticle, page: top } = placeRemoved(p.articles, p.removed);
    expect(byArticle.get(0)?.map((x) => x.index)).toEqual([0]);
    expect(top.map((x) => x.index)).toEqual([1]);
  });
});

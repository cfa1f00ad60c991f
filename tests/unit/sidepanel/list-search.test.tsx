// @vitest-environment jsdom
// The panel's list and search over a real store on fake-indexeddb: empty state, live updates,
// newest-first order and counts, search with <mark> highlights, filters, grouping, keyboard.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App, firstListOrder } from '../../../components/sidepanel/App';
import { describe, expect, it, vi } from 'vitest';
import { panelData, type PanelData } from '../../../components/sidepanel/data';
import { article, fakeLayout, freshStore, renderPanel, seed } from './helpers';

fakeLayout();

const titles = () => screen.queryAllByTestId('clip-title').map((el) => el.textContent);

/** The panel over the three seeded clips, with `嫁接` typed and its one result shown. */
async function seededPanelSearching() {
  const store = freshStore();
  await seed(store);
  renderPanel(store);
  await waitFor(() => expect(titles()).toHaveLength(3));
  fireEvent.change(screen.getByTestId('search-input'), { target: { value: '嫁接' } });
  await waitFor(() => expect(titles()).toEqual(['桃溪村果农忙嫁接']));
  return store;
}

describe('side panel list', () => {
  it('teaches the product when empty, then shows a clip saved elsewhere without reload', async () => {
    const store = freshStore();
    renderPanel(store);
    const empty = await screen.findByTestId('empty-state');
    expect(within(empty).getAllByRole('listitem')).toHaveLength(3);
    // A save from "the background" (same database, another caller) shows up live.
    await act(async () => {
      await store.saveClips([article('春耕时节农机忙', ['田间地头,拖拉机来回穿梭。'])]);
    });
    await waitFor(() => expect(titles()).toEqual(['春耕时节农机忙']));
    expect(screen.queryByTestId('empty-state')).toBeNull();
  });

  it('lists newest first with paper · date · 版次 and the count', async () => {
    const store = freshStore();
    await seed(store);
    renderPanel(store);
    await waitFor(() => expect(titles()).toEqual(['老街换新颜', '社区夜校开课了', '桃溪村果农忙嫁接']));
    await waitFor(() => expect(screen.getByTestId('clip-count').textContent).toMatch(/3/));
    const first = screen.getAllByTestId('clip-item')[0]!;
    expect(first.textContent).toContain('滨海晚报 · 2025-03-10 · B02 城事');
  });

  it('searches as you type and marks the matched word in the snippet', async () => {
    await seededPanelSearching();
    const item = screen.getByTestId('clip-item');
    const marks = [...item.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === '嫁接')).toBe(true);
    expect(within(item).getByTestId('search-snippet').textContent).toContain('嫁接');
    expect(screen.getByTestId('clip-count').textContent).toMatch(/1/);

    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '没有这个词汇' } });
    await screen.findByTestId('no-results');
    // Esc clears the query and the whole list is back.
    fireEvent.keyDown(screen.getByTestId('search-input'), { key: 'Escape' });
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('');
  });

  it('search results follow saves, edits and deletes made while they are shown', async () => {
    const store = await seededPanelSearching();
    // Saved elsewhere (the worker, from a tab's overlay): the shown results read again.
    let id = '';
    await act(async () => {
      id = (await store.saveClips([article('嫁接技术进田间', ['农技站讲解嫁接要点。'])])).results[0]!.id;
    });
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(titles()).toContain('嫁接技术进田间');
    await waitFor(() => expect(screen.getByTestId('clip-count').textContent).toMatch(/2/));
    await act(async () => {
      await store.updateClip(id, { tags: ['农技'] });
    });
    await waitFor(() => expect(screen.getAllByTestId('clip-item').some((el) => el.textContent?.includes('#农技'))).toBe(true));
    await act(async () => {
      await store.deleteClip(id);
    });
    await waitFor(() => expect(titles()).toEqual(['桃溪村果农忙嫁接']));
  });

  it('waits for an IME composition to end before searching', async () => {
    const store = freshStore();
    await seed(store);
    renderPanel(store);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const input = screen.getByTestId('search-input');
    fireEvent.compositionStart(input);
    fireEvent.change(input, { target: { value: 'laojie' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(titles()).toHaveLength(3);
    fireEvent.change(input, { target: { value: '老街' } });
    fireEvent.compositionEnd(input, { data: '老街' });
    await waitFor(() => expect(titles()).toEqual(['老街换新颜']));
  });

  it('shows the syntax help in one click', async () => {
    renderPanel(freshStore());
    expect(screen.queryByTestId('search-help')).toBeNull();
    fireEvent.click(screen.getByTestId('search-help-toggle'));
    expect(screen.getByTestId('search-help').textContent).toMatch(/"/);
  });

  it('filters by paper, kind and date range', async () => {
    const store = freshStore();
    await seed(store);
    renderPanel(store);
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('filters-toggle'));
    const paper = screen.getByTestId('filter-paper') as HTMLSelectElement;
    await waitFor(() => expect([...paper.options].map((o) => o.value)).toContain('滨海晚报'));
    fireEvent.change(paper, { target: { value: '滨海晚报' } });
    await waitFor(() => expect(titles()).toEqual(['老街换新颜', '社区夜校开课了']));
    fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'notice' } });
    await waitFor(() => expect(titles()).toEqual(['老街换新颜']));
    fireEvent.click(screen.getByTestId('filters-clear'));
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('filter-date-from'), { target: { value: '2025-03-11' } });
    await waitFor(() => expect(titles()).toEqual(['桃溪村果农忙嫁接']));
    // Filters apply to searches too.
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '老街' } });
    await screen.findByTestId('no-results');
  });

  it('groups by issue: newest issue first, each paper · date one group, however the saves were interleaved', async () => {
    const store = freshStore();
    // Saved back and forth between two issues: newest first, they alternate.
    await seed(store, [
      article('桃溪村果农忙嫁接', ['漫山果树抽出新芽。']),
      article('社区夜校开课了', ['社区夜校开课。'], { paper: '滨海晚报', date: '2025-03-10', page: 'B02 城事' }),
      article('老街换新颜', ['老街重新铺好。']),
      article('海边栈道开放', ['栈道开放。'], { paper: '滨海晚报', date: '2025-03-10', page: 'B03 城事' }),
    ]);
    renderPanel(store);
    await waitFor(() => expect(titles()).toEqual(['海边栈道开放', '老街换新颜', '社区夜校开课了', '桃溪村果农忙嫁接']));
    expect(screen.queryAllByTestId('clip-group')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('group-toggle'));
    await waitFor(() => expect(screen.queryAllByTestId('clip-group').map((g) => g.textContent)).toEqual(['江东日报 · 2025-03-12', '滨海晚报 · 2025-03-10']));
    // Within an issue, the order they were clipped in.
    expect(titles()).toEqual(['桃溪村果农忙嫁接', '老街换新颜', '社区夜校开课了', '海边栈道开放']);
    // Live: a clip saved now joins its issue's group.
    await act(async () => {
      await store.saveClips([article('港口夜景', ['港口灯火。'], { paper: '滨海晚报', date: '2025-03-10' })]);
    });
    await waitFor(() => expect(titles()).toEqual(['桃溪村果农忙嫁接', '老街换新颜', '社区夜校开课了', '海边栈道开放', '港口夜景']));
    expect(screen.queryAllByTestId('clip-group')).toHaveLength(2);
    // Back to newest first.
    fireEvent.click(screen.getByTestId('group-toggle'));
    await waitFor(() => expect(titles()).toEqual(['港口夜景', '海边栈道开放', '老街换新颜', '社区夜校开课了', '桃溪村果农忙嫁接']));
    expect(screen.queryAllByTestId('clip-group')).toHaveLength(0);
  });

  it('moves with ↑ ↓, opens with Enter, goes back with Esc, and focuses search with /', async () => {
    const store = freshStore();
    await seed(store);
    renderPanel(store);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const search = screen.getByTestId('search-input');
    search.blur();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    const selected = () => screen.getAllByTestId('clip-item').findIndex((el) => el.getAttribute('aria-selected') === 'true');
    expect(selected()).toBe(0);
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(selected()).toBe(1));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(selected()).toBe(2));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(selected()).toBe(2));
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    await waitFor(() => expect(selected()).toBe(1));
    fireEvent.keyDown(search, { key: 'Enter' });
    const reader = await screen.findByTestId('clip-reader');
    await waitFor(() => expect(within(reader).getByTestId('reader-title').textContent).toBe('社区夜校开课了'));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(screen.queryByTestId('clip-reader')).toBeNull();
  });

  it('reads a new query\'s rows that fit first, and its scroll window only once those are painted', async () => {
    const store = freshStore();
    await store.saveClips(Array.from({ length: 30 }, (_, i) => article(`堤防巡查纪要${i}`, [`今天巡查了第${i}段堤防。`])));
    const reads: [number, number][] = [];
    const data = panelData(store);
    const counted: PanelData = { ...data, search: (q, f, page) => (reads.push([page?.offset ?? 0, page?.limit ?? 0]), data.search(q, f, page)) };
    // Frames run by hand: nothing is painted until the test says so.
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    try {
      renderPanel(counted);
      await waitFor(() => expect(titles().length).toBeGreaterThan(0));
      fireEvent.change(screen.getByTestId('search-input'), { target: { value: '巡查' } });
      await waitFor(() => expect(screen.getByTestId('clip-list').getAttribute('data-results-for')).toBe('巡查'));
      await new Promise((r) => setTimeout(r, 50));
      // Only the rows that fit (11–12 in an 800 px list) until a frame has shown them.
      expect(reads).toHaveLength(1);
      const [offset, fit] = reads[0]!;
      expect(offset).toBe(0);
      expect(fit).toBeLessThanOrEqual(12);
      act(() => frames.splice(0).forEach((cb) => cb(performance.now())));
      await waitFor(() => expect(reads.length).toBe(2));
      expect(reads[1]![0]).toBe(0);
      expect(reads[1]![1]).toBeGreaterThan(fit);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads ahead for the query typed on once a query\'s results are shown', async () => {
    const store = freshStore();
    await seed(store);
    const asked: string[] = [];
    const data = panelData(store);
    renderPanel({ ...data, readAhead: (q) => (asked.push(q), data.readAhead!(q)) });
    await waitFor(() => expect(titles()).toHaveLength(3));
    expect(asked).toEqual([]);
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '嫁接' } });
    await waitFor(() => expect(titles()).toEqual(['桃溪村果农忙嫁接']));
    await waitFor(() => expect(asked).toEqual(['嫁接']));
  });

  it('shows the newest clips before a slow count answers', async () => {
    const store = freshStore();
    await seed(store);
    let answer: ((n: number) => void) | null = null;
    const slow: PanelData = { ...panelData(store), countClips: (trash) => (trash ? Promise.resolve(0) : new Promise<number>((r) => (answer = r))) };
    renderPanel(slow);
    await waitFor(() => expect(titles()).toEqual(['老街换新颜', '社区夜校开课了', '桃溪村果农忙嫁接']));
    expect(screen.getByTestId('clip-count').textContent).not.toMatch(/3/);
    // ↓ moves through the rows shown while the count is still out (it did nothing: total 0).
    const selected = () => screen.getAllByTestId('clip-item').findIndex((el) => el.getAttribute('aria-selected') === 'true');
    const search = screen.getByTestId('search-input');
    act(() => search.focus());
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(selected()).toBe(1));
    await waitFor(() => expect(answer).not.toBeNull());
    act(() => answer!(3));
    await waitFor(() => expect(screen.getByTestId('clip-count').textContent).toMatch(/3/));
  });

  it('opens grouped when the user last grouped: the rows read before it mounted are by issue, under their headers', async () => {
    const store = freshStore();
    await seed(store);
    localStorage.setItem('er-panel-grouped', '1');
    try {
      expect(firstListOrder()).toBe('issue');
      let release: (() => void) | null = null;
      const gate = new Promise<void>((r) => (release = r));
      const data: PanelData = {
        ...panelData(store),
        listPage: async (o, l, t, order) => {
          await gate;
          return store.listPage(o, l, t, order);
        },
      };
      render(<App data={data} debounceMs={0} undoMs={60_000} firstRows={store.listPage(0, 3, false, firstListOrder())} />);
      // Before the live query answers: the early rows, by issue.
      await waitFor(() => expect(titles()).toEqual(['桃溪村果农忙嫁接', '社区夜校开课了', '老街换新颜']));
      expect(screen.getAllByTestId('clip-group').map((g) => g.textContent)).toEqual(['江东日报 · 2025-03-12', '滨海晚报 · 2025-03-10']);
      act(() => release!());
      await waitFor(() => expect(screen.getByTestId('group-toggle').getAttribute('aria-pressed')).toBe('true'));
      expect(titles()).toEqual(['桃溪村果农忙嫁接', '社区夜校开课了', '老街换新颜']);
    } finally {
      localStorage.removeItem('er-panel-grouped');
    }
    expect(firstListOrder()).toBe('saved');
  });

  it('shows rows read before it mounted until its live query answers, then the live rows', async () => {
    const store = freshStore();
    await seed(store);
    // The entry's early read, held back here: it answers first with an older view (one clip), the live query with all three.
    let release: (() => void) | null = null;
    const gate = new Promise<void>((r) => (release = r));
    let listed = 0;
    const data: PanelData = {
      ...panelData(store),
      listPage: async (o, l, t) => {
        listed++;
        await gate;
        return store.listPage(o, l, t);
      },
    };
    const early = (await store.listPage(0, 3)).slice(1, 2);
    render(<App data={data} debounceMs={0} undoMs={60_000} firstRows={Promise.resolve(early)} />);
    await waitFor(() => expect(titles()).toEqual(['社区夜校开课了']));
    await waitFor(() => expect(listed).toBeGreaterThan(0));
    act(() => release!());
    await waitFor(() => expect(titles()).toEqual(['老街换新颜', '社区夜校开课了', '桃溪村果农忙嫁接']));
    // And it stays live: a clip saved elsewhere shows up.
    await act(async () => {
      await store.saveClips([article('新建的图书馆开放', ['图书馆今天开放。'])]);
    });
    await waitFor(() => expect(titles()[0]).toBe('新建的图书馆开放'));
  });

  it('renders 100,000 rows virtually: only the visible few are in the DOM', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => i);
    const store = freshStore();
    // A PanelData with only the store's paged listRecent (no fast paths): 100k rows, made on demand.
    const fake: PanelData = {
      ...panelData(store),
      listPage: undefined,
      countClips: undefined,
      listRecent: async (page: { offset?: number; limit?: number } = {}) => {
        const from = page.offset ?? 0;
        const slice = rows.slice(from, from + (page.limit ?? 20));
        return {
          total: rows.length,
          clips: slice.map((i) => ({ ...article(`第${i}篇`, ['正文']), id: `v${i}`, savedAt: i, updatedAt: i, tags: [], note: '', key: `k${i}`, deletedAt: null, url: null, paper: null, date: null, page: null })),
        };
      },
    };
    renderPanel(fake);
    await waitFor(() => expect(titles()[0]).toBe('第0篇'));
    expect(screen.getAllByTestId('clip-item').length).toBeLessThan(40);
    expect(screen.getByTestId('clip-count').textContent).toMatch(/100,?000/);
  });
});

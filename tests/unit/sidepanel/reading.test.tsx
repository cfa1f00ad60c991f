// @vitest-environment jsdom
// The reading view and the trash: open a clip, copy it, edit tags and note, delete with undo,
// restore from and empty the trash; and a hostile clip whose text looks like HTML stays text.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { article, fakeLayout, freshStore, renderPanel, seed } from './helpers';

fakeLayout();

const titles = () => screen.queryAllByTestId('clip-title').map((el) => el.textContent);

async function openFirst(title: string) {
  await waitFor(() => expect(titles()).toContain(title));
  const item = screen.getAllByTestId('clip-item').find((el) => el.textContent?.includes(title))!;
  fireEvent.click(within(item).getByTestId('clip-open'));
  return screen.findByTestId('clip-reader');
}

describe('reading view', () => {
  it('shows the article with where it was printed, and copies Markdown and plain text', async () => {
    const store = freshStore();
    await seed(store, [article('桃溪村果农忙嫁接', ['三月的桃溪村,漫山果树抽出新芽。', '合作社请来农技专家。'], { kicker: '春风里的果园', subtitle: '新品种明年挂果' })]);
    const writeText = vi.fn(async (_: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderPanel(store);
    const reader = await openFirst('桃溪村果农忙嫁接');
    await waitFor(() => expect(within(reader).getByTestId('reader-title').textContent).toBe('桃溪村果农忙嫁接'));
    expect(reader.textContent).toContain('春风里的果园');
    expect(reader.textContent).toContain('新品种明年挂果');
    expect(reader.textContent).toContain('本报讯');
    expect(reader.textContent).toContain('江东日报 · 2025-03-12 · A03 要闻');
    expect(reader.querySelectorAll('.er-body p')).toHaveLength(2);
    const source = within(reader).getByTestId('clip-source') as HTMLAnchorElement;
    expect(source.href).toBe('http://epaper.example.cn/html/2025-03/12/content_1.htm');
    expect(source.rel).toContain('noopener');

    fireEvent.click(within(reader).getByTestId('copy-markdown'));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]![0]).toMatch(/^# 桃溪村果农忙嫁接\n/);
    expect(writeText.mock.calls[0]![0]).toContain('source: 江东日报 · 2025-03-12 · A03 要闻');
    fireEvent.click(within(reader).getByTestId('copy-text'));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[1]![0]).toBe('春风里的果园\n\n桃溪村果农忙嫁接\n\n新品种明年挂果\n\n本报讯(记者 周文)\n\n三月的桃溪村,漫山果树抽出新芽。\n\n合作社请来农技专家。');
    expect(screen.getByTestId('reader-status').textContent).toBeTruthy();
  });

  it('saves tags and a note to the store, and the list shows the tags', async () => {
    const store = freshStore();
    await seed(store);
    renderPanel(store);
    const reader = await openFirst('社区夜校开课了');
    const tags = await within(reader).findByTestId('clip-tags');
    fireEvent.change(tags, { target: { value: '社区、教育 #夜校 教育' } });
    fireEvent.change(within(reader).getByTestId('clip-note'), { target: { value: '下周去问问报名方式' } });
    fireEvent.click(within(reader).getByTestId('clip-meta-save'));
    const id = (await store.listRecent({ limit: 5 })).clips.find((c) => c.title === '社区夜校开课了')!.id;
    await waitFor(async () => {
      const clip = await store.getClip(id);
      expect(clip?.tags).toEqual(['社区', '教育', '夜校']);
      expect(clip?.note).toBe('下周去问问报名方式');
    });
    await waitFor(() => expect((within(reader).getByTestId('clip-tags') as HTMLInputElement).value).toBe('社区, 教育, 夜校'));
    fireEvent.click(within(reader).getByTestId('reader-back'));
    await waitFor(() => expect(screen.getAllByTestId('clip-item').find((el) => el.textContent?.includes('社区夜校'))!.textContent).toContain('#社区 #教育 #夜校'));
  });

  it('deletes to the trash with undo', async () => {
    const store = freshStore();
    await seed(store);
    renderPanel(store);
    const reader = await openFirst('老街换新颜');
    fireEvent.click(within(reader).getByTestId('clip-delete'));
    await waitFor(() => expect(titles()).toEqual(['社区夜校开课了', '桃溪村果农忙嫁接']));
    expect(screen.getByTestId('undo-toast').textContent).toContain('老街换新颜');
    fireEvent.click(screen.getByTestId('clip-undo'));
    await waitFor(() => expect(titles()).toEqual(['老街换新颜', '社区夜校开课了', '桃溪村果农忙嫁接']));
    expect(screen.queryByTestId('undo-toast')).toBeNull();

    // Delete from the list row too.
    const row = screen.getAllByTestId('clip-item').find((el) => el.textContent?.includes('桃溪村'))!;
    fireEvent.click(within(row).getByTestId('clip-delete'));
    await waitFor(() => expect(titles()).toEqual(['老街换新颜', '社区夜校开课了']));
    expect(screen.queryByTestId('clip-reader')).toBeNull();
    expect((await store.stats()).trash).toBe(1);
  });

  it('restores from the trash view and empties it after a confirm', async () => {
    const store = freshStore();
    await seed(store);
    const ids = (await store.listRecent()).clips.map((c) => c.id);
    await store.deleteClip(ids[0]!);
    await store.deleteClip(ids[1]!);
    renderPanel(store);
    await waitFor(() => expect(titles()).toEqual(['桃溪村果农忙嫁接']));
    await waitFor(() => expect(screen.getByTestId('trash-open').textContent).toContain('2'));
    fireEvent.click(screen.getByTestId('trash-open'));
    const trash = await screen.findByTestId('trash-view');
    await waitFor(() => expect(within(trash).getAllByTestId('trash-item')).toHaveLength(2));
    const row = within(trash).getAllByTestId('trash-item').find((el) => el.textContent?.includes('老街换新颜'))!;
    fireEvent.click(within(row).getByTestId('trash-restore'));
    await waitFor(() => expect(within(trash).getAllByTestId('trash-item')).toHaveLength(1));
    fireEvent.click(within(trash).getByTestId('trash-empty'));
    fireEvent.click(within(trash).getByTestId('trash-empty-confirm'));
    await waitFor(() => expect(within(trash).queryAllByTestId('trash-item')).toHaveLength(0));
    expect((await store.stats()).trash).toBe(0);
    fireEvent.click(within(trash).getByTestId('trash-back'));
    await waitFor(() => expect(titles()).toEqual(['老街换新颜', '桃溪村果农忙嫁接']));
  });

  it('renders a hostile clip literally: markup in page text stays text', async () => {
    const store = freshStore();
    const evil = '<img src=x onerror="window.__pwned=1">';
    await seed(store, [
      article(evil, ['<script>window.__pwned=2</script>正文 <b>粗体</b>'], { kicker: '<iframe src="javascript:alert(1)">', url: 'javascript:alert(1)', paper: '<svg onload=alert(1)>' }),
    ]);
    const { container } = renderPanel(store);
    await waitFor(() => expect(titles()).toEqual([evil]));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '正文' } });
    await waitFor(() => expect(screen.getByTestId('search-snippet').textContent).toContain('</script>'));
    const reader = await openFirst(evil);
    await waitFor(() => expect(within(reader).getByTestId('reader-title').textContent).toBe(evil));
    expect(reader.textContent).toContain('<script>window.__pwned=2</script>正文 <b>粗体</b>');
    // Opened from the search: its word is marked, and the text around the mark stays text.
    expect([...reader.querySelectorAll('.er-body mark')].map((m) => m.textContent)).toEqual(['正文']);
    expect(container.querySelector('img, script, iframe, svg, b')).toBeNull();
    // A javascript: source URL gets no link at all.
    expect(within(reader).queryByTestId('clip-source')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('marks the words of the search a clip was opened from, and steps through them (buttons, N / Shift+N)', async () => {
    const store = freshStore();
    await seed(store, [
      article('黄河滩区果农忙', ['黄河岸边,果农在滩区嫁接果树。', '果树新品种明年挂果,滩区果农盼丰收。', '专家说,果树要科学管护。'], { kicker: '春到黄河' }),
      article('社区夜校开课了', ['城东街道的社区夜校开课。']),
    ]);
    renderPanel(store);
    // A 繁体 query: the folded words are marked in the simplified text.
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '果樹 -夜校' } });
    await waitFor(() => expect(titles()).toEqual(['黄河滩区果农忙']));
    const reader = await openFirst('黄河滩区果农忙');
    const marks = () => [...reader.querySelectorAll('mark')];
    await waitFor(() => expect(marks().map((m) => m.textContent)).toEqual(['果树', '果树', '果树']));
    const bar = within(reader).getByTestId('reader-matches');
    const current = () => marks().findIndex((m) => m.classList.contains('ep-mark-current'));
    expect(bar.textContent).toContain('1');
    expect(bar.textContent).toContain('3');
    expect(current()).toBe(0);
    fireEvent.click(within(bar).getByTestId('reader-match-next'));
    await waitFor(() => expect(current()).toBe(1));
    expect(bar.textContent).toContain('2');
    // Focus is on the opened clip: N and Shift+N step, wrapping around.
    expect(document.activeElement).toBe(reader);
    fireEvent.keyDown(reader, { key: 'n' });
    await waitFor(() => expect(current()).toBe(2));
    fireEvent.keyDown(reader, { key: 'n' });
    await waitFor(() => expect(current()).toBe(0));
    fireEvent.keyDown(reader, { key: 'N', shiftKey: true });
    await waitFor(() => expect(current()).toBe(2));
    fireEvent.click(within(bar).getByTestId('reader-match-prev'));
    await waitFor(() => expect(current()).toBe(1));

    // A phrase marks the phrase only; the kicker and title are marked too.
    fireEvent.click(within(reader).getByTestId('reader-back'));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '"黄河" 滩区' } });
    await waitFor(() => expect(screen.getByTestId('clip-list').getAttribute('data-results-for')).toBe('"黄河" 滩区'));
    const again = await openFirst('黄河滩区果农忙');
    await waitFor(() => expect([...again.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['黄河', '黄河滩区', '黄河', '滩区', '滩区']));
    expect(again.querySelector('.er-kicker mark')?.textContent).toBe('黄河');
    expect(again.querySelector('.er-title mark')?.textContent).toBe('黄河滩区');

    // Opened from the plain list: nothing marked, no match bar.
    fireEvent.click(within(again).getByTestId('reader-back'));
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '' } });
    const plain = await openFirst('黄河滩区果农忙');
    await waitFor(() => expect(within(plain).getByTestId('reader-title').textContent).toBe('黄河滩区果农忙'));
    expect(plain.querySelector('mark')).toBeNull();
    expect(within(plain).queryByTestId('reader-matches')).toBeNull();
  });

  it('keeps the reading view live: an edit made elsewhere shows at once', async () => {
    const store = freshStore();
    await seed(store);
    renderPanel(store);
    const reader = await openFirst('老街换新颜');
    const id = (await store.listRecent({ limit: 1 })).clips[0]!.id;
    await act(async () => {
      await store.updateClip(id, { title: '老街换了新颜' });
    });
    await waitFor(() => expect(within(reader).getByTestId('reader-title').textContent).toBe('老街换了新颜'));
  });
});

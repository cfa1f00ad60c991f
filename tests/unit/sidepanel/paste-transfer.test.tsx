// @vitest-environment jsdom
// "Paste text" (lib/segment's cleanText → articles → save) and export/import: the JSON download
// through a Blob link, and the import summary (added / updated / skipped).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileText } from '../../../components/sidepanel/readFile';
import { cleanText } from '../../../lib/segment';
import { fakeLayout, freshStore, renderPanel, seed } from './helpers';

fakeLayout();

const PAGE = [
  '2025年3月12日 星期三',
  '',
  '春风里的果园',
  '',
  '桃溪村果农忙嫁接',
  '',
  '本报讯(通讯员 李青 记者 周文)三月的桃溪村,漫山果树抽出新芽。村民们趁着晴好天气,忙着给果树嫁接新品种。',
  '',
  '“今年换了三个新品种,预计明年就能挂果。”果农陈大伯一边修剪枝条一边说。',
  '',
  '夜校开进社区',
  '',
  '本报讯(记者 孙明)近日,城东街道的社区夜校开课了,书法、舞蹈、手机摄影等课程吸引了不少居民报名。',
  '',
  '街道负责人介绍,夜校课程全部免费,每期八周。',
].join('\n');

const titles = () => screen.queryAllByTestId('clip-title').map((el) => el.textContent);

afterEach(() => vi.restoreAllMocks());

describe('paste text', () => {
  it('shows the articles the segment rules find and saves one, then the rest', async () => {
    const expected = cleanText(PAGE).articles.filter((a) => a.kind !== 'advert');
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const store = freshStore();
    renderPanel(store);
    fireEvent.click(await screen.findByTestId('empty-paste'));
    fireEvent.change(await screen.findByTestId('paste-input'), { target: { value: PAGE } });
    fireEvent.click(screen.getByTestId('paste-clean'));
    const shown = screen.getAllByTestId('paste-article-title').map((el) => el.textContent);
    expect(shown).toEqual(expected.map((a) => a.title).filter(Boolean));
    fireEvent.change(screen.getByTestId('paste-paper'), { target: { value: '江东日报' } });
    fireEvent.change(screen.getByTestId('paste-date'), { target: { value: '2025-03-12' } });

    fireEvent.click(screen.getAllByTestId('paste-save')[1]!);
    await waitFor(() => expect(screen.getAllByTestId('paste-save')[1]!.hasAttribute('disabled')).toBe(true));
    let saved = await store.listRecent();
    expect(saved.clips.map((c) => c.title)).toEqual([expected[1]!.title]);
    expect(saved.clips[0]).toMatchObject({ paper: '江东日报', date: '2025-03-12', url: null });

    fireEvent.click(screen.getByTestId('paste-save-all'));
    await waitFor(() => expect(screen.getByTestId('paste-save-all').hasAttribute('disabled')).toBe(true));
    saved = await store.listRecent({ limit: 50 });
    expect(saved.total).toBe(expected.length);

    fireEvent.click(screen.getByTestId('paste-back'));
    await waitFor(() => expect(titles()).toHaveLength(expected.length));
  });
});

describe('export and import', () => {
  it('downloads the JSON export through a Blob link', async () => {
    const store = freshStore();
    await seed(store);
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test/1';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^clippings-\d{4}-\d{2}-\d{2}\.json$/);
      expect(this.href).toBe('blob:test/1');
    });
    renderPanel(store);
    await waitFor(() => expect(titles()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const env = JSON.parse(await readFileText(blobs[0]!));
    expect(env.format).toBe('epaper-reader-clips');
    expect(env.clips).toHaveLength(3);
    expect(document.querySelector('a[download]')).toBeNull();

    fireEvent.click(screen.getByTestId('export-markdown'));
    await waitFor(() => expect(blobs).toHaveLength(2));
    expect(await readFileText(blobs[1]!)).toContain('老街换新颜');
  });

  it('imports a file and reports added, updated and skipped', async () => {
    const source = freshStore();
    await seed(source);
    const json = await source.exportJson();
    const target = freshStore();
    renderPanel(target);
    await screen.findByTestId('empty-state');
    const input = screen.getByTestId('import-input') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([json], 'clippings.json', { type: 'application/json' })] } });
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toMatch(/3\D+0\D+0/);
    await waitFor(() => expect(titles()).toHaveLength(3));

    // The same file again: nothing new, all three skipped, with reasons listed.
    fireEvent.change(input, { target: { files: [new File([json], 'clippings.json', { type: 'application/json' })] } });
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toMatch(/0\D+0\D+3/));
    expect(screen.getByTestId('import-summary').querySelectorAll('li')).toHaveLength(3);
  });

  it('says what is wrong with a file that is not an export', async () => {
    renderPanel(freshStore());
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [new File(['{"hello":1}'], 'x.json')] } });
    const err = await screen.findByTestId('panel-notice-error');
    expect(err.textContent).toMatch(/\S/);
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });
});

describe('import of a damaged export', () => {
  it('imports nothing and lists the bad records', async () => {
    const source = freshStore();
    await seed(source);
    const env = JSON.parse(await source.exportJson());
    env.clips[1].title = 42;
    const target = freshStore();
    renderPanel(target);
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [new File([JSON.stringify(env)], 'bad.json')] } });
    const summary = await screen.findByTestId('import-summary');
    expect(summary.querySelector('.ep-error')?.textContent).toMatch(/\S/);
    expect(summary.textContent).toMatch(/0\D+0\D+1/);
    expect(within(summary).getAllByRole('listitem')[0]!.textContent).toMatch(/2/);
    expect((await target.stats()).clips).toBe(0);
  });
});

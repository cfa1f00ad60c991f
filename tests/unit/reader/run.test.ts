// @vitest-environment jsdom
// One injection of the reader script: toggle open/close across injections, a fresh read of the
// page on every open, and "save selection as a clip" through the same rules.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderApi } from '../../../components/reader/ReaderApp';
import { runReader } from '../../../components/reader/run';
import type { ClipInput } from '../../../lib/store/types';

const saved: ClipInput[][] = [];
const api: ReaderApi = {
  save: async (inputs) => {
    saved.push(inputs);
    return { ok: true, value: { results: inputs.map((_, i) => ({ id: String(i), status: 'added' as const })) } };
  },
  savedOnPage: async () => ({ ok: true, value: { signatures: [], count: 0 } }),
  openClippings: async () => null,
};
const w = window as unknown as { __erCommand?: string; __erOpen?: boolean; __erRemove?: () => void };

beforeEach(() => {
  saved.length = 0;
  delete w.__erCommand;
  delete w.__erOpen;
  delete w.__erRemove;
  // Our own fixture markup, parsed like a page would be (never page text into our UI).
  document.body.replaceChildren(...new DOMParser().parseFromString(`<div id="ozoom"><p>河边新建了一座桥</p><p>本报讯(记者 张三)桥长三百米，明年通车，市民出行更方便了。大桥连接城东和城西两个片区，过去绕行需要半小时，今后只要五分钟。</p>
    <p>施工单位介绍，大桥采用钢结构，施工期间没有中断河道通航，周边居民的生活也没有受到影响。</p></div>`, 'text/html').body.childNodes);
});

describe('runReader', () => {
  it('opens, then a second injection closes, then a third opens on the current page', async () => {
    const removes: number[] = [];
    const mount = vi.fn(async () => () => void removes.push(1));
    expect((await runReader({ mount, api })).action).toBe('opened');
    expect(w.__erOpen).toBe(true);
    expect((await runReader({ mount, api })).action).toBe('closed');
    expect(removes).toHaveLength(1);
    expect(w.__erOpen).toBe(false);
    const p = document.createElement('p');
    p.textContent = '新加的一段正文，检验再次打开时读到的是新内容。';
    document.querySelector('#ozoom')!.append(p);
    const third = await runReader({ mount, api });
    expect(third.action).toBe('opened');
    expect(JSON.stringify(third.page)).toContain('新加的一段正文');
    expect(mount).toHaveBeenCalledTimes(2);
  });

  it('"clean" always shows a fresh overlay, even over an open one', async () => {
    const mount = vi.fn(async () => () => {});
    await runReader({ mount, api });
    w.__erCommand = 'clean';
    expect((await runReader({ mount, api })).action).toBe('opened');
    expect(mount).toHaveBeenCalledTimes(2);
  });

  it('saves the selected text, cleaned by the same rules, with the page metadata', async () => {
    w.__erCommand = 'save-selection';
    const sel = '桥的故事\n\n本报讯(记者 李四)这是一段被选中的文字，它应当成为一篇剪报。';
    vi.spyOn(window, 'getSelection').mockReturnValue({ toString: () => sel } as Selection);
    const mount = vi.fn(async () => () => {});
    const res = await runReader({ mount, api });
    expect(res.action).toBe('saved-selection');
    expect(mount).not.toHaveBeenCalled();
    expect(saved).toHaveLength(1);
    expect(saved[0]![0]).toMatchObject({ title: '桥的故事', dateline: '本报讯', byline: '记者 李四', url: window.location.href });
  });

  it('an empty selection saves nothing', async () => {
    w.__erCommand = 'save-selection';
    vi.spyOn(window, 'getSelection').mockReturnValue({ toString: () => '  ' } as Selection);
    expect((await runReader({ mount: vi.fn(), api })).action).toBe('empty-selection');
    expect(saved).toHaveLength(0);
  });
});

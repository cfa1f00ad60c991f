// Shared set-up for the side-panel component tests: a store on a fresh fake-indexeddb database per
// test, a layout for the virtualiser (jsdom has none), articles written for these tests, and render.
import { cleanup, configure, render } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { App } from '../../../components/sidepanel/App';
import { panelData, type PanelData } from '../../../components/sidepanel/data';
import { createStore, openClipDB, type ClipInput, type Store } from '../../../lib/store';

// The machine is shared and IndexedDB is emulated: give async expectations room before they fail.
configure({ asyncUtilTimeout: 5000 });

let dbCount = 0;
let clock = Date.UTC(2025, 2, 1);

/** A store over a database no other test uses, with a clock that moves 1 s per save. */
export function freshStore(): Store {
  let id = 0;
  return createStore(openClipDB(`panel-test-${Date.now()}-${dbCount++}`), {
    now: () => (clock += 1000),
    newId: () => `c${dbCount}-${++id}`,
    persist: async () => false,
  });
}

/** jsdom lays nothing out: give scroll containers and rows a size so the virtualiser renders rows. */
export function fakeLayout(height = 800) {
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 360 });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 84 });
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 360 });
  });
  afterEach(() => cleanup());
}

export function article(title: string, paragraphs: string[], extra: Partial<ClipInput> = {}): ClipInput {
  return {
    kind: 'article',
    kicker: null,
    title,
    subtitle: null,
    byline: '记者 周文',
    dateline: '本报讯',
    body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    credit: null,
    truncated: false,
    continuedOn: null,
    paper: '江东日报',
    date: '2025-03-12',
    page: 'A03 要闻',
    url: 'http://epaper.example.cn/html/2025-03/12/content_1.htm',
    ...extra,
  };
}

/** Three clips from two papers, saved oldest first (so the list shows them in reverse). */
export const THREE: ClipInput[] = [
  article('桃溪村果农忙嫁接', ['三月的桃溪村,漫山果树抽出新芽,果农忙着嫁接新品种。', '合作社请来农技专家,手把手教大家科学管护。']),
  article('社区夜校开课了', ['城东街道的社区夜校开课,书法、舞蹈、手机摄影课程吸引居民报名。'], { paper: '滨海晚报', date: '2025-03-10', page: 'B02 城事' }),
  article('老街换新颜', ['经过半年改造,老街的青石板路重新铺好,沿街商铺陆续开门迎客。'], { kind: 'notice', paper: '滨海晚报', date: '2025-03-10', page: 'B02 城事' }),
];

export async function seed(store: Store, inputs: ClipInput[] = THREE) {
  // One save per clip so each has its own savedAt (the list is newest first).
  for (const input of inputs) await store.saveClips([input]);
}

/** The panel over this store, through the same adapter the extension page uses (or a given PanelData). */
export function renderPanel(store: Store | PanelData) {
  const data = 'db' in store ? panelData(store) : store;
  return render(<App data={data} debounceMs={0} undoMs={60_000} />);
}

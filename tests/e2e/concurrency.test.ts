// Concurrency in real Chromium: five tabs press "save all" at once while the extension's own page
// saves clips and an import runs; in the end every clip is there exactly once and the search
// index matches the clips (the store's consistency check recomputes it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from '../harness/chromium';
import { DEMO_FILE, readOverlay, openReader } from '../harness/demo';
import { serve, type StaticServer } from '../harness/server';
import { EXTENSION } from './env';
import type { Store } from '../../lib/store';

type KitWindow = { erStore: Store; erStoreLib: typeof import('../../lib/store') };
const paths = [1, 2, 3, 4, 5].map((i) => `/jsgrb/html/2023-09/14/content_${i}.htm`);
let session: Session;
let server: StaticServer;

beforeAll(async () => {
  server = await serve(Object.fromEntries(paths.map((p) => [p, { file: DEMO_FILE, type: 'text/html; charset=utf-8' }])));
  session = await launch({ extension: EXTENSION });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

const allSaved = (page: Page) =>
  page.waitForFunction(
    () => {
      const btns = [...(document.querySelector('epaper-reader')?.shadowRoot?.querySelectorAll('[data-testid="reader-save"]') ?? [])];
      return btns.length > 0 && btns.every((b) => b.getAttribute('data-state') === 'saved');
    },
    undefined,
    { timeout: 30_000 },
  );

describe('concurrent saves', () => {
  it('five tabs, the extension page and an import at once: every clip once, index consistent', async () => {
    const tabs: Page[] = [];
    for (const p of paths) {
      const page = await session.context.newPage();
      await page.goto(server.url(p));
      await openReader(session, page);
      tabs.push(page);
    }
    const perPage = (await readOverlay(tabs[0]!)).filter((r) => r.saveState != null).length;
    const kit = await session.openExtensionPage('testkit.html');
    await kit.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    // An export of 40 clips of our own, made in a scratch database of the same page.
    const envelope = await kit.evaluate(async () => {
      const { createStore, openClipDB } = (window as unknown as KitWindow).erStoreLib;
      const scratch = createStore(openClipDB('scratch'));
      await scratch.saveClips(
        Array.from({ length: 40 }, (_, i) => ({
          kind: 'article' as const, kicker: null, title: `导入测试文章${i}`, subtitle: null, byline: null, dateline: null,
          body: [{ type: 'paragraph' as const, text: `第${i}篇导入的正文，内容各不相同：${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}。` }],
          credit: null, truncated: false, continuedOn: null, paper: '导入日报', date: '2024-02-01', url: `http://import.test/${i}`,
        })),
      );
      const json = await scratch.exportJson();
      scratch.db.close();
      return json;
    });

    await Promise.all([
      ...tabs.map((t) => t.locator('[data-testid="reader-save-all"]').click()),
      kit.evaluate(async (json) => {
        const s = (window as unknown as KitWindow).erStore;
        const saves = Array.from({ length: 5 }, (_, i) =>
          s.saveClips([{ kind: 'article', kicker: null, title: `面板保存${i}`, subtitle: null, byline: null, dateline: null,
            body: [{ type: 'paragraph', text: `从侧栏保存的第${i}段文字。` }], credit: null, truncated: false, continuedOn: null }]),
        );
        await Promise.all([s.importAll(JSON.parse(json)), ...saves]);
      }, envelope),
    ]);
    await Promise.all(tabs.map(allSaved));

    const result = await kit.evaluate(async () => {
      const s = (window as unknown as KitWindow).erStore;
      const stats = await s.stats();
      const consistency = await s.checkConsistency();
      const hit = await s.search('导入测试文章7');
      return { clips: stats.clips, consistency, hits: hit.total };
    });
    expect(result.consistency).toEqual({ ok: true, problems: [] });
    expect(result.clips).toBe(perPage + 40 + 5);
    expect(result.hits).toBe(1);
  });
});

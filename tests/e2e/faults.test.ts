// Store faults in real Chromium: the extension's service worker is stopped while it saves a page of
// many articles. Afterwards the database is consistent (clips and index together or neither), the
// overlay still shows every article with an error and a retry, and the retry saves them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from '../harness/chromium';
import { waitForOverlay } from '../harness/demo';
import { serve, type StaticServer } from '../harness/server';
import { saveDeadlineMs } from '../../lib/messages';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../lib/store';
import { EXTENSION } from './env';

type KitWindow = { erStore: Store };

/** Our own text-dump page of `n` short articles (title, byline, three paragraphs each), numbered from `from`. */
function manyArticlesPage(n: number, from = 0): string {
  const places = ['城南公园', '乡村道路', '社区食堂', '职工书屋', '农贸市场', '文化广场', '养老驿站', '体育公园'];
  const acts = ['改造完工', '正式开放', '通过验收', '投入使用'];
  const blocks: string[] = [];
  for (let i = from; i < from + n; i++) {
    const title = `${places[i % places.length]}第${i + 1}期${acts[i % acts.length]}`;
    blocks.push(title);
    for (let k = 0; k < 3; k++) {
      const lead = k === 0 ? `本报讯（记者 王${'一二三四五'[i % 5]}）` : '';
      blocks.push(`${lead}第${i + 1}篇第${k + 1}段：${title}，工程历时${i + k + 3}个月，周边居民${((i * 37 + k) % 900) + 100}户直接受益。据了解，项目共投入资金${i + 10}万元，下一步将继续完善配套设施。`);
    }
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>故障测试日报</title></head><body><pre>${blocks.join('\n\n')}</pre></body></html>`;
}

const ARTICLES = 400;
const PATH = '/faults/html/2024-03/05/content_9.htm';
const PATH2 = '/faults/html/2024-03/06/content_3.htm';
let session: Session;
let server: StaticServer;

beforeAll(async () => {
  server = await serve({
    [PATH]: { body: manyArticlesPage(ARTICLES), type: 'text/html; charset=utf-8' },
    [PATH2]: { body: manyArticlesPage(ARTICLES, ARTICLES), type: 'text/html; charset=utf-8' },
  });
  session = await launch({ extension: EXTENSION });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Stop the extension's service worker the way the browser does when it reclaims it: close its target. */
async function stopServiceWorker(s: Session): Promise<number> {
  type Info = { targetId: string; type: string; url: string };
  const { targetInfos } = (await s.cdp.send('Target.getTargets', { filter: [{}] } as never)) as { targetInfos: Info[] };
  const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${s.extensionId}/`));
  for (const w of workers) await s.cdp.send('Target.closeTarget', { targetId: w.targetId } as never);
  return workers.length;
}

/** data-state of every article's save button, counted. */
const saveStates = (page: Page) =>
  page.locator('[data-testid="reader-save"]').evaluateAll((els) => {
    const count: Record<string, number> = {};
    for (const el of els) {
      const s = el.getAttribute('data-state') ?? 'none';
      count[s] = (count[s] ?? 0) + 1;
    }
    return count;
  });

async function storeState(kit: Page, title: string) {
  return kit.evaluate(async (t) => {
    const s = (window as unknown as KitWindow).erStore;
    const [stats, consistency, hit] = await Promise.all([s.stats(), s.checkConsistency(), s.search(`"${t}"`)]);
    return { clips: stats.clips, consistency, hits: hit.total };
  }, title);
}

async function openOverlay(path: string): Promise<{ page: Page; lastTitle: string }> {
  const page = await session.context.newPage();
  await page.goto(server.url(path));
  // About one click in eight, headless Chromium refuses the injection ("Cannot access contents of
  // the page", activeTab not granted for the CDP-triggered click): click again, as a user would.
  for (let attempt = 1; ; attempt++) {
    await session.clickAction(page);
    const shown = await waitForOverlay(page, 10_000).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt === 3) await waitForOverlay(page, 1);
  }
  expect(await page.locator('[data-testid="reader-article"]').count()).toBe(ARTICLES);
  const lastTitle = (await page.locator('[data-testid="reader-article-title"]').last().textContent()) ?? '';
  expect(lastTitle).toMatch(/第\d+期/);
  return { page, lastTitle };
}

const waitSaving = (page: Page) =>
  page
    .waitForFunction(
      () => document.querySelector('epaper-reader')?.shadowRoot?.querySelector('[data-testid="reader-save"][data-state="saving"]') != null,
      undefined,
      { timeout: 10_000, polling: 5 },
    )
    .catch(async (e: Error) => {
      throw new Error(`${e.message}; save buttons: ${JSON.stringify(await saveStates(page))}`);
    });

/** The overlay shows a failed save in the browser's UI language: accept the words of either locale we ship. */
const FAULT_MESSAGES = ['en', 'zh_CN'].flatMap((locale) => {
  const messages = JSON.parse(readFileSync(join(EXTENSION, '_locales', locale, 'messages.json'), 'utf8')) as { errorInterrupted: { message: string }; errorTimeout: { message: string } };
  return [messages.errorInterrupted.message, messages.errorTimeout.message];
});

/** After the fault: a clear error, every article still on screen, each with a retry. */
async function expectErrorWithRetry(page: Page) {
  await page.locator('[data-testid="reader-error"]').waitFor({ state: 'visible', timeout: saveDeadlineMs(ARTICLES) + 15_000 });
  const banner = (await page.locator('[data-testid="reader-error"]').textContent()) ?? '';
  expect(FAULT_MESSAGES.some((m) => banner.includes(m)), banner).toBe(true);
  expect(await page.locator('[data-testid="reader-article"]').count()).toBe(ARTICLES);
  expect(await saveStates(page)).toEqual({ error: ARTICLES });
  expect(await page.locator('[data-testid="reader-save-all"]').isEnabled()).toBe(true);
}

/** Retry with "save all": the browser starts the worker again for the message; every article ends saved. */
async function retryAll(page: Page) {
  await page.locator('[data-testid="reader-save-all"]').click();
  await page.waitForFunction(
    (n) => {
      const btns = [...(document.querySelector('epaper-reader')?.shadowRoot?.querySelectorAll('[data-testid="reader-save"]') ?? [])];
      return btns.length === n && btns.every((b) => b.getAttribute('data-state') === 'saved');
    },
    ARTICLES,
    { timeout: 60_000 },
  );
  expect(await page.locator('[data-testid="reader-error"]').count()).toBe(0);
}

describe('service worker stopped during a save', () => {
  let kit: Page;
  beforeAll(async () => {
    kit = await session.openExtensionPage('testkit.html');
    await kit.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  });

  it('stopped as the save starts: DB consistent, articles kept with an error and a retry, the retry saves them', async () => {
    const { page, lastTitle } = await openOverlay(PATH);
    await page.locator('[data-testid="reader-save-all"]').click();
    await waitSaving(page);
    expect(await stopServiceWorker(session)).toBe(1);
    await expectErrorWithRetry(page);

    // The interrupted transaction left clips and index together or neither.
    const after = await storeState(kit, lastTitle);
    expect(after.consistency).toEqual({ ok: true, problems: [] });
    expect([0, ARTICLES]).toContain(after.clips);
    expect(after.hits).toBe(after.clips === 0 ? 0 : 1);

    await retryAll(page);
    expect(await storeState(kit, lastTitle)).toEqual({ clips: ARTICLES, consistency: { ok: true, problems: [] }, hits: 1 });
  });

  it('stopped while its save is inside the database: the unanswered message ends in an error, nothing half-written', async () => {
    const { page, lastTitle } = await openOverlay(PATH2);
    // Another extension page holds a write transaction, so the worker's save is queued inside
    // IndexedDB (message received, handler running) when the worker is stopped.
    await kit.evaluate(() => {
      const w = window as unknown as KitWindow & { erRelease?: boolean; erHeld?: Promise<number> };
      const db = w.erStore.db;
      w.erRelease = false;
      w.erHeld = db.transaction('rw', db.table('meta'), async () => {
        let reads = 0;
        while (!w.erRelease) {
          await db.table('meta').get('seq');
          reads++;
        }
        return reads;
      });
    });
    await page.locator('[data-testid="reader-save-all"]').click();
    await waitSaving(page);
    await page.waitForTimeout(500);
    expect(await stopServiceWorker(session)).toBe(1);
    const reads = await kit.evaluate(() => {
      const w = window as unknown as { erRelease?: boolean; erHeld?: Promise<number> };
      w.erRelease = true;
      return w.erHeld;
    });
    expect(reads).toBeGreaterThan(0);
    await expectErrorWithRetry(page);

    const after = await storeState(kit, lastTitle);
    expect(after).toEqual({ clips: ARTICLES, consistency: { ok: true, problems: [] }, hits: 0 });

    await retryAll(page);
    expect(await storeState(kit, lastTitle)).toEqual({ clips: 2 * ARTICLES, consistency: { ok: true, problems: [] }, hits: 1 });
  });
});

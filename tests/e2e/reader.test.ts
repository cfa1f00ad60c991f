// The user's path in real Chromium: click the toolbar on the demo e-paper page → the overlay
// lists the seed's articles → save → the clips are in the extension's store; close restores the page.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from '../harness/chromium';
import { DEMO_PATH, overlay, readOverlay, serveDemo, waitForOverlay, openReader } from '../harness/demo';
import type { StaticServer } from '../harness/server';
import { EXTENSION } from './env';

let session: Session;
let server: StaticServer;

beforeAll(async () => {
  server = await serveDemo();
  session = await launch({ extension: EXTENSION });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

const bodyHash = (page: Page) => page.evaluate(() => document.body.outerHTML).then((h) => createHash('sha256').update(h).digest('hex'));

async function openDemo(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(server.url(DEMO_PATH));
  return page;
}

describe('reader overlay on the demo page', () => {
  it('installs the e-paper hint rules (declarativeContent) for the templates\' URL patterns', async () => {
    const worker = session.context.serviceWorkers().find((w) => w.url().includes(session.extensionId!))!;
    const rules = () =>
      worker.evaluate(
        () =>
          new Promise<string[]>((r) =>
            chrome.declarativeContent.onPageChanged.getRules((rules) =>
              r(rules.flatMap((rule) => rule.conditions.map((c) => (c as unknown as { pageUrl?: { urlMatches?: string } }).pageUrl?.urlMatches ?? ''))),
            ),
          ),
      );
    // The worker installs them on install/startup, asynchronously (it draws the icon first): wait.
    let patterns = await rules();
    for (const until = Date.now() + 10_000; patterns.length === 0 && Date.now() < until; patterns = await rules()) await new Promise((r) => setTimeout(r, 100));
    expect(patterns.length).toBeGreaterThanOrEqual(5);
    const demoUrl = server.url(DEMO_PATH);
    // RE2 and JS agree on these simple patterns: the demo's Founder-classic article URL is matched.
    expect(patterns.some((p) => new RegExp(p.replace(/^\(\?i\)/, ''), 'i').test(demoUrl))).toBe(true);
  });

  it('a toolbar click shows the seed page as clean articles', async () => {
    const page = await openDemo();
    const root = await openReader(session, page);
    const rows = await readOverlay(page);
    const titles = rows.filter((r) => r.kind === 'article').map((r) => r.title);
    expect(titles).toHaveLength(8);
    expect(titles[0]).toContain('宿城区推进“县级工会加强年”走深走实');
    expect(titles).toContain('工会“金秋助学”护航逐梦');
    expect(titles).toContain('淮安区“安全隐患随手拍”显成效');
    expect(titles).toContain('沭阳百部红色电影展映打动人心');
    expect(rows.filter((r) => r.kind === 'caption')).toHaveLength(3);
    await expect(root.locator('.er-meta').innerText()).resolves.toContain('江苏工人报');
    await page.close();
  });

  it('the removed toggle shows the twice-printed caption as a duplicate', async () => {
    const page = await openDemo();
    const root = await openReader(session, page);
    await root.locator('[data-testid="reader-removed-toggle"]').click();
    const dup = root.locator('[data-testid="reader-removed-item"][data-reason="duplicate"]', { hasText: '江苏出入境边防检查总站轮训大队' });
    await expect(dup.count()).resolves.toBeGreaterThanOrEqual(1);
    const masthead = root.locator('[data-testid="reader-removed-item"]', { hasText: '江苏工人报社广告部' });
    await expect(masthead.count()).resolves.toBe(1);
    await page.close();
  });

  it('close, Esc and a second click each leave the page exactly as it was', async () => {
    const page = await openDemo();
    const before = await bodyHash(page);
    const htmlBefore = await page.evaluate(() => document.documentElement.outerHTML.length);
    // close button
    await session.clickAction(page);
    await (await waitForOverlay(page)).locator('[data-testid="reader-close"]').click();
    await overlay(page).waitFor({ state: 'detached' });
    expect(await bodyHash(page)).toBe(before);
    // second click toggles it off
    await openReader(session, page);
    await session.clickAction(page);
    await overlay(page).waitFor({ state: 'detached' });
    // Esc
    await openReader(session, page);
    await page.keyboard.press('Escape');
    await overlay(page).waitFor({ state: 'detached' });
    expect(await bodyHash(page)).toBe(before);
    expect(await page.evaluate(() => document.documentElement.outerHTML.length)).toBe(htmlBefore);
    await page.close();
  });

  it('a click after the page changed cleans the new content', async () => {
    const page = await openDemo();
    await openReader(session, page);
    await session.clickAction(page);
    await overlay(page).waitFor({ state: 'detached' });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '　　本报讯(记者 李明)新增的一段正文,用来检验再次点击时读到的是新内容。';
      const h = document.createElement('p');
      h.textContent = '页面更新后的新标题';
      const body = document.querySelector('founder-content')!;
      body.append(h, p);
    });
    await openReader(session, page);
    const text = await overlay(page).innerText();
    expect(text).toContain('新增的一段正文');
    await page.close();
  });

  it('saves two articles, then all, and saving again updates instead of duplicating', async () => {
    const page = await openDemo();
    const root = await openReader(session, page);
    for (const n of [0, 2]) {
      const card = root.locator('[data-testid="reader-article"]').nth(n);
      await card.locator('[data-testid="reader-save"]').click();
      await card.locator('[data-testid="reader-save"][data-state="saved"]').waitFor();
    }
    const savable = (await readOverlay(page)).filter((r) => r.saveState != null).length;
    await expect(root.locator('[data-testid="reader-save-all"]').textContent()).resolves.toContain(String(savable - 2));
    await root.locator('[data-testid="reader-save-all"]').click();
    await page.waitForFunction(() => {
      const btns = [...(document.querySelector('epaper-reader')?.shadowRoot?.querySelectorAll('[data-testid="reader-save"]') ?? [])];
      return btns.length > 0 && btns.every((b) => b.getAttribute('data-state') === 'saved');
    });
    const saved = (await readOverlay(page)).filter((r) => r.saveState != null).length;
    // The toolbar badge counts this page's saved articles.
    const worker = session.context.serviceWorkers().find((w) => w.url().includes(session.extensionId!))!;
    const badge = () =>
      worker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.action.getBadgeText({ tabId: tab!.id! });
      }, page.url());
    await expect.poll(badge, { timeout: 5000 }).toBe(String(saved));
    // Reopen: every article shows as saved (the background knows this page's clips).
    await root.locator('[data-testid="reader-close"]').click();
    const again = await openReader(session, page);
    await page.waitForFunction(() => {
      const btns = [...(document.querySelector('epaper-reader')?.shadowRoot?.querySelectorAll('[data-testid="reader-save"]') ?? [])];
      return btns.length > 0 && btns.every((b) => b.getAttribute('data-state') === 'saved');
    });
    // Save everything again: still one clip per article.
    await again.locator('[data-testid="reader-save"]').first().click();
    const panel = await session.openExtensionPage('sidepanel.html');
    await panel.locator('[data-testid="clip-item"]').first().waitFor();
    await expect.poll(() => panel.locator('[data-testid="clip-item"]').count(), { timeout: 10_000 }).toBe(saved);
    await panel.close();
    await page.close();
  });
});

// The clippings panel in real Chromium: clean and save from the demo page, then in the panel
// search a Chinese word, see it highlighted, open it, delete and undo, export and re-import into
// a fresh profile. Screenshots of list, search and reading view go to .output/e2e/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from '../harness/chromium';
import { DEMO_PATH, ROOT, serveDemo, openReader } from '../harness/demo';
import type { StaticServer } from '../harness/server';
import { EXTENSION } from './env';

const shots = join(ROOT, '.output', 'e2e');
mkdirSync(shots, { recursive: true });
let session: Session;
let server: StaticServer;

beforeAll(async () => {
  server = await serveDemo();
  session = await launch({ extension: EXTENSION });
  const page = await session.context.newPage();
  await page.goto(server.url(DEMO_PATH));
  const root = await openReader(session, page);
  await root.locator('[data-testid="reader-save-all"]').click();
  await page.waitForFunction(() => {
    const btns = [...(document.querySelector('epaper-reader')?.shadowRoot?.querySelectorAll('[data-testid="reader-save"]') ?? [])];
    return btns.length > 0 && btns.every((b) => b.getAttribute('data-state') === 'saved');
  });
  await page.close();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('side panel', () => {
  it('lists, searches with highlights, opens, deletes with undo, and round-trips an export', async () => {
    const panel = await session.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.locator('[data-testid="clip-item"]').first().waitFor();
    // The first rows to show are those that fit; the count line gives the whole list once counted.
    const counted = async () => Number(/\d+/.exec((await panel.locator('[data-testid="clip-count"]').textContent()) ?? '')?.[0] ?? NaN);
    await expect.poll(counted, { timeout: 5000 }).toBeGreaterThanOrEqual(10);
    const total = await counted();
    await expect.poll(() => panel.locator('[data-testid="clip-item"]').count(), { timeout: 5000 }).toBe(total);
    await panel.screenshot({ path: join(shots, 'sidepanel-list.png') });

    await panel.locator('[data-testid="search-input"]').fill('沭阳');
    await expect.poll(() => panel.locator('[data-testid="clip-item"]').count(), { timeout: 5000 }).toBeLessThan(total);
    const hit = panel.locator('[data-testid="clip-item"]').first();
    await expect(hit.locator('mark').first().textContent()).resolves.toBe('沭阳');
    await panel.screenshot({ path: join(shots, 'sidepanel-search.png') });

    await hit.locator('[data-testid="clip-open"]').click();
    const reader = panel.locator('[data-testid="clip-reader"]');
    await reader.waitFor();
    await expect(reader.innerText()).resolves.toContain('沭阳');
    // Opened from the search: its word is marked in the text, and the bar steps through the marks.
    const marks = reader.locator('.er-article mark');
    await expect.poll(() => marks.count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(new Set(await marks.allTextContents())).toEqual(new Set(['沭阳']));
    const count = await marks.count();
    await expect(reader.locator('[data-testid="reader-matches"]').innerText()).resolves.toContain(String(count));
    await expect.poll(() => reader.locator('mark.ep-mark-current').count()).toBe(1);
    // The seed's article names 沭阳 in its title and four times in its body.
    expect(count).toBeGreaterThan(1);
    await panel.keyboard.press('n');
    await expect.poll(() => marks.nth(1).getAttribute('class')).toContain('ep-mark-current');
    await panel.keyboard.press('Shift+N');
    await expect.poll(() => marks.nth(0).getAttribute('class')).toContain('ep-mark-current');
    await panel.screenshot({ path: join(shots, 'sidepanel-reading.png') });

    await reader.locator('[data-testid="clip-delete"]').click();
    await panel.locator('[data-testid="clip-undo"]').click();
    await panel.locator('[data-testid="search-input"]').fill('');
    await expect.poll(() => panel.locator('[data-testid="clip-item"]').count(), { timeout: 5000 }).toBe(total);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator('[data-testid="export-button"]').first().click()]);
    const file = join(shots, 'export.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.clips).toHaveLength(total);

    // A fresh profile: import the file, every clip is back.
    const fresh = await launch({ extension: EXTENSION });
    try {
      const p2 = await fresh.openExtensionPage('sidepanel.html');
      await p2.locator('[data-testid="import-input"]').setInputFiles(file);
      await expect.poll(() => p2.locator('[data-testid="clip-item"]').count(), { timeout: 10_000 }).toBe(total);
    } finally {
      await fresh.close();
    }
  });
});

// No script from a page ever runs in our UI: a page whose title, kicker, byline, body and caption
// carry script/markup payloads (as text) is cleaned, saved, shown in the side panel, exported and
// re-imported; the global flag the payloads would set stays unset, and the text is shown literally.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from '../harness/chromium';
import { openReader } from '../harness/demo';
import { serve, type StaticServer } from '../harness/server';
import { EXTENSION } from './env';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'hostile', 'founder-hostile.htm');
const PATH = '/wb/html/2024-03/05/content_666.htm';
let session: Session;
let server: StaticServer;

beforeAll(async () => {
  // The fixture plus a 1 MB single "word" (made here so the repo does not carry a 1 MB file).
  const word = 'W'.repeat(1 << 20);
  const html = readFileSync(FIXTURE, 'utf8').replace('</founder-content>', `<P>　　${word}</P>\n</founder-content>`);
  server = await serve({ [PATH]: { body: html, type: 'text/html; charset=utf-8' } });
  session = await launch({ extension: EXTENSION });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('hostile page text', () => {
  it('is shown literally in the overlay and the side panel, and never executes', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url(PATH));
    const root = await openReader(session, page);
    const text = await root.innerText();
    expect(text).toContain('<img src=x onerror=');
    expect(text).toContain('<script>');
    expect(await root.locator('img, script, svg, iframe, a[href^="javascript"]').count()).toBe(0);
    // The 1 MB word is there, whole, as text.
    expect(await root.evaluate((el) => el.textContent!.includes('W'.repeat(1 << 20)))).toBe(true);
    const toggle = root.locator('[data-testid="reader-removed-toggle"]');
    if (await toggle.count()) await toggle.click(); // removed items are page text too
    await root.locator('[data-testid="reader-save-all"]').click();
    await page.waitForFunction(() => {
      const btns = [...(document.querySelector('epaper-reader')?.shadowRoot?.querySelectorAll('[data-testid="reader-save"]') ?? [])];
      return btns.length > 0 && btns.every((b) => b.getAttribute('data-state') === 'saved');
    });
    await page.mouse.move(300, 300);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();

    const panel = await session.openExtensionPage('sidepanel.html');
    await panel.locator('[data-testid="clip-item"]').first().waitFor();
    await panel.locator('[data-testid="search-input"]').fill('网络安全');
    await panel.locator('[data-testid="clip-open"]').first().click();
    const reader = panel.locator('[data-testid="clip-reader"]');
    await reader.waitFor();
    expect(await reader.innerText()).toContain('<script>');
    expect(await panel.locator('[data-testid="clip-reader"] img, [data-testid="clip-reader"] script, [data-testid="clip-reader"] iframe').count()).toBe(0);
    expect(await panel.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();

    // Export, then import into an empty database of the extension's own page: every byte comes back.
    const kit = await session.openExtensionPage('testkit.html');
    await kit.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const roundTrip = await kit.evaluate(async () => {
      const w = window as unknown as { erStore: import('../../lib/store').Store; erStoreLib: typeof import('../../lib/store') };
      const json = await w.erStore.exportJson();
      const empty = w.erStoreLib.createStore(w.erStoreLib.openClipDB('hostile-roundtrip'));
      const report = await empty.importAll(JSON.parse(json));
      const again = await empty.exportJson();
      return { json, report, same: JSON.stringify(JSON.parse(json).clips) === JSON.stringify(JSON.parse(again).clips) };
    });
    expect(roundTrip.json).toContain('<img src=x onerror=');
    expect(roundTrip.report.skipped).toEqual([]);
    expect(roundTrip.same).toBe(true);
    expect(await kit.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    await page.close();
  });
});


// `npm start`: the main job on the bundled demo. Serves the demo e-paper page, launches Chromium
// with the built extension, clicks the toolbar on the page, saves the articles and opens the
// clippings panel. Headless (no $DISPLAY, or --headless): prints what the extension produced,
// writes screenshots to .output/demo/ and exits 0. With a display: leaves the browser open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type Session } from '../harness/chromium';
import { DEMO_PATH, ROOT, readOverlay, serveDemo, openReader } from '../harness/demo';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const outDir = join(ROOT, '.output', 'demo');
mkdirSync(outDir, { recursive: true });

let session: Session | undefined;
const server = await serveDemo(headless ? 0 : 8317).catch(() => serveDemo(0));
try {
  session = await launch({ headless, keepProfile: !headless });
  const { context } = session;
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const url = server.url(DEMO_PATH);
  await page.goto(url);
  console.log(`demo page: ${url}`);
  await page.screenshot({ path: join(outDir, 'page.png') });

  const root = await openReader(session, page);
  const rows = await readOverlay(page);
  const meta = (await root.locator('.er-meta').innerText()).replace(/\s+/g, ' ');
  console.log(`\nThe reader ran on the page (${meta}) and found ${rows.length} items:\n`);
  console.table(rows.map((r) => ({ kind: r.kind, 'title (or text)': r.title || `${r.first}…`, byline: r.byline })));
  const removed = await root.locator('[data-testid="reader-removed-toggle"]').textContent().catch(() => null);
  if (removed) console.log(`removed from the page: ${removed}`);
  await page.screenshot({ path: join(outDir, 'overlay.png') });

  await root.locator('[data-testid="reader-save-all"]').click();
  await page.waitForFunction(
    () => {
      const host = document.querySelector('epaper-reader');
      const btns = [...(host?.shadowRoot?.querySelectorAll('[data-testid="reader-save"]') ?? [])];
      return btns.length > 0 && btns.every((b) => b.getAttribute('data-state') === 'saved');
    },
    undefined,
    { timeout: 15_000 },
  );
  console.log('saved every article with "save all"');

  const panel = await session.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.locator('[data-testid="clip-item"]').first().waitFor({ timeout: 15_000 });
  const clips = await panel.locator('[data-testid="clip-title"]').allTextContents();
  console.log(`\nclippings panel lists ${clips.length} clips:`);
  for (const c of clips) console.log(`  · ${c}`);
  await panel.screenshot({ path: join(outDir, 'sidepanel.png') });
  await panel.locator('[data-testid="search-input"]').fill('工会');
  await panel.waitForTimeout(600);
  const hits = await panel.locator('[data-testid="clip-item"]').count();
  console.log(`search 工会 → ${hits} results`);
  await panel.screenshot({ path: join(outDir, 'search.png') });
  console.log(`\nscreenshots: ${outDir}/{page,overlay,sidepanel,search}.png`);

  if (!headless) {
    await page.bringToFront();
    console.log('\nThe browser stays open: try the toolbar button on the page. Close the browser window to exit.');
    await new Promise<void>((r) => session!.browser.on('disconnected', () => r()));
  }
} catch (e) {
  console.error(`npm start failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await session?.close();
  await server.close();
}

// The bundled demo: the seed page as a Founder-classic e-paper article page, served at an
// e-paper-like path so template detection runs as it would on the real site.
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Session } from './chromium';
import { serve, type StaticServer } from './server';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DEMO_FILE = resolve(ROOT, 'seeds', 'demo_content_1.htm');
export const DEMO_PATH = '/jsgrb/html/2023-09/14/content_1.htm';

export async function serveDemo(port = 0): Promise<StaticServer> {
  return serve({ [DEMO_PATH]: { file: DEMO_FILE, type: 'text/html; charset=utf-8' } }, port);
}

/** The overlay's root inside its (open) shadow root; Playwright CSS selectors pierce it. */
export function overlay(page: Page): Locator {
  return page.locator('[data-testid="reader-root"]');
}

export async function waitForOverlay(page: Page, timeout = 30_000): Promise<Locator> {
  const root = overlay(page);
  await root.waitFor({ state: 'visible', timeout });
  return root;
}

export interface ArticleRow {
  kind: string;
  title: string;
  byline: string;
  /** The first body paragraph's start (names captions, which have no title). */
  first: string;
  saveState: string | null;
}

/** What the overlay shows, read from the DOM as a user sees it. */
export async function readOverlay(page: Page): Promise<ArticleRow[]> {
  return page.locator('[data-testid="reader-article"]').evaluateAll((els) =>
    els.map((el) => ({
      kind: (el.className.match(/er-kind-(\w+)/) ?? [])[1] ?? '',
      title: el.querySelector('[data-testid="reader-article-title"]')?.textContent ?? '',
      byline: el.querySelector('.er-byline')?.textContent ?? '',
      first: [...(el.querySelector('.er-body p')?.textContent ?? '')].slice(0, 24).join(''),
      saveState: el.querySelector('[data-testid="reader-save"]')?.getAttribute('data-state') ?? null,
    })),
  );
}

/**
 * Click the toolbar and wait for the overlay. Under heavy load (2 shared cores) Chromium now and
 * then drops the very first action click of a fresh profile: nothing is injected at all. When no
 * overlay host exists after 10 s the click is repeated once (a slow first click would have
 * created the host, so this cannot toggle an overlay off), with a warning in the log.
 */
export async function openReader(session: Session, page: Page): Promise<Locator> {
  await session.clickAction(page);
  const host = page.locator('epaper-reader');
  const appeared = await host.waitFor({ state: 'attached', timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!appeared) {
    console.warn(`[harness] no overlay 10 s after the toolbar click on ${page.url()}; clicking again`);
    await session.clickAction(page);
  }
  return waitForOverlay(page);
}

// The bundled demo: the seed page as a Founder-classic e-paper article page, served at an
// e-paper-like path so template detection runs as it would on the real site.
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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
  saveState: string | null;
}

/** What the overlay shows, read from the DOM as a user sees it. */
export async function readOverlay(page: Page): Promise<ArticleRow[]> {
  return page.locator('[data-testid="reader-article"]').evaluateAll((els) =>
    els.map((el) => ({
      kind: (el.className.match(/er-kind-(\w+)/) ?? [])[1] ?? '',
      title: el.querySelector('[data-testid="reader-article-title"]')?.textContent ?? '',
      saveState: el.querySelector('[data-testid="reader-save"]')?.getAttribute('data-state') ?? null,
    })),
  );
}

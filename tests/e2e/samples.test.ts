// Real e-paper pages (../shared/samples, read at run time, never copied into the repo) served at
// their e-paper paths: a toolbar click finds the right template, paper and title, in real Chromium.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from '../harness/chromium';
import { openReader } from '../harness/demo';
import { serve, type StaticServer } from '../harness/server';
import { EXTENSION } from './env';

const SAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'samples', 'epaper');
const cases = [
  {
    file: 'founder-classic_article_sxjjrb_2024-11-06_content_279424.htm',
    path: '/sxjjrb/html/2024-11/06/content_279424.htm',
    template: 'founder-classic',
  },
  {
    file: 'founder-pc_article_szwb_2024-08-30_content_3251363.html',
    path: '/PC/content/202408/30/content_3251363.html',
    template: 'founder-pc',
  },
];

/** The title the page itself declares in its <!--enpproperty--> comment. */
function enpTitle(html: string): string {
  const m = html.match(/<(?:founder-)?title>([^<]*)<\/(?:founder-)?title>/g)?.map((t) => t.replace(/<[^>]+>/g, '').trim()).filter(Boolean);
  return m?.at(-1) ?? '';
}

let session: Session;
let server: StaticServer;
beforeAll(async () => {
  server = await serve(Object.fromEntries(cases.map((c) => [c.path, { file: resolve(SAMPLES, c.file), type: 'text/html; charset=utf-8' }])));
  session = await launch({ extension: EXTENSION });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe.each(cases)('real sample $file', ({ file, path, template }) => {
  it('is read with the right template, and its article carries the page title', async () => {
    const html = readFileSync(resolve(SAMPLES, file), 'utf8');
    const page = await session.context.newPage();
    await page.goto(server.url(path));
    const root = await openReader(session, page);
    const meta = await root.locator('.er-meta').innerText();
    expect(meta).toContain(template);
    const title = enpTitle(html).replace(/\s+/g, ' ');
    expect(title.length).toBeGreaterThan(2);
    const titles = (await root.locator('[data-testid="reader-article-title"]').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(titles).toContain(title);
    await page.close();
  });
});

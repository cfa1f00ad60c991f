// lib/extract → lib/segment on the fixtures: the path the CLI and the content script take. Kept small;
// the golden test checks the exact output of both stages.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../lib/extract';
import { cleanBlocks } from '../../../lib/segment';
import { fixtureDoc, fixtureUrl, squash } from './helpers';

describe('extract → clean', () => {
  it.each(['founder-classic-article', 'founder-pc-article', 'rmrb-current-article', 'people-old-article', 'paperindex-article'])(
    '%s: the cleaned article has the extracted title and the source metadata',
    (name) => {
      const page = extract(fixtureDoc(name), fixtureUrl(name));
      const clean = cleanBlocks(page);
      expect(clean.source).toMatchObject({ template: page.template, pageType: 'article', paper: page.paper, date: page.date });
      const title = page.blocks.find((b) => b.hint === 'title')!.text;
      expect(clean.articles.map((a) => squash(a.title))).toContain(squash(title));
    },
  );

  it('people-old: the body printed twice is handed over twice, and lib/segment keeps one copy', () => {
    const page = extract(fixtureDoc('people-old-article'), fixtureUrl('people-old-article'));
    const first = page.blocks.find((b) => b.hint === 'text')!.text;
    expect(page.blocks.filter((b) => b.text === first)).toHaveLength(2);
    const clean = cleanBlocks(page);
    const bodies = clean.articles.flatMap((a) => a.body.map((p) => p.text)).filter((t) => squash(t).includes(squash(first).slice(0, 12)));
    expect(bodies).toHaveLength(1);
  });

  it('a layout page: source.links survive cleaning', () => {
    const page = extract(fixtureDoc('founder-classic-layout'), fixtureUrl('founder-classic-layout'));
    const clean = cleanBlocks(page);
    expect(clean.source.pageType).toBe('layout');
    expect(clean.source.links).toEqual(page.links);
  });
});

// The bundled demo page (the seed's text in a Founder-classic article page, seeds/demo_content_1.htm)
// must clean, through lib/extract + lib/segment, to exactly what the seed text cleans to: the DOM
// path and the text path are one set of rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageFile } from '../../lib/cli-core';
import { cleanText } from '../../lib/segment';

const root = join(__dirname, '..', '..');

describe('demo page', () => {
  const fromText = cleanText(readFileSync(join(root, 'seeds', '000_eb3ad0464bd81ecb.txt'), 'utf8'));
  const { source, clean } = readPageFile(join(root, 'seeds', 'demo_content_1.htm'), { url: 'http://127.0.0.1:8317/jsgrb/html/2023-09/14/content_1.htm' });

  it('is read as a Founder-classic article page with the paper, date and page', () => {
    expect(source).toMatchObject({ template: 'founder-classic', pageType: 'article', paper: '江苏工人报', date: '2023-09-14' });
    expect(source!.page).toMatch(/^03/);
  });

  it('cleans to the same articles and removals as the seed text', () => {
    expect(clean.articles).toEqual(fromText.articles);
    expect(new Set(clean.removed.map((r) => r.text))).toEqual(new Set(fromText.removed.map((r) => r.text)));
    expect(clean.articles.filter((a) => a.kind === 'article')).toHaveLength(8);
  });
});

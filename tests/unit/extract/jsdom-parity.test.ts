// The extension parses pages with the browser's HTML5 parser, the CLI with linkedom. jsdom parses like
// a browser (parse5): every fixture and real sample must give the same SourcePage both ways.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract, parseHtml } from '../../../lib/extract';
import { fixtureNames, fixtureUrl, sampleFiles, sampleHtml, FIXTURES } from './helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../../../lib/extract';

function browserDoc(html: string, url?: string): Document {
  return new JSDOM(html, { url: url ?? 'about:blank' }).window.document;
}

const pages: Array<[string, string, string | undefined]> = [
  ...fixtureNames().map((n): [string, string, string | undefined] => [n, decodeHtml(new Uint8Array(readFileSync(join(FIXTURES, n, 'input.html')))), fixtureUrl(n)]),
  ...sampleFiles()
    .filter((f) => !f.startsWith('fragment_'))
    .map((f): [string, string, string | undefined] => [f, sampleHtml(f), undefined]),
];

describe('browser parser parity (jsdom vs linkedom)', () => {
  it.each(pages)('%s reads the same', (_name, html, url) => {
    const a = extract(parseHtml(html), url);
    const b = extract(browserDoc(html, url), url);
    expect(b).toEqual(a);
  });
});

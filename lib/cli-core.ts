// File → CleanPage, shared by the CLI (lib/cli.ts) and the golden tests: the same path the
// browser takes (lib/extract for HTML, then lib/segment), minus the browser.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeHtml, extract, parseHtml } from './extract';
import { cleanBlocks, cleanText } from './segment';
import type { CleanPage, SourcePage } from './types';

/** Input the CLI cannot read; its message is shown to the user as one line. */
export class InputError extends Error {}

export interface ReadOptions {
  /** The URL the page was served at; picks the template as the browser would. */
  url?: string;
}

export function readPageFile(path: string, opts: ReadOptions = {}): { source?: SourcePage; clean: CleanPage } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return readPageBytes(new Uint8Array(bytes), { ...opts, html: /\.html?$/i.test(extname(path)) });
}

export function readPageBytes(bytes: Uint8Array, opts: ReadOptions & { html: boolean }): { source?: SourcePage; clean: CleanPage } {
  if (bytes.length === 0) throw new InputError('the file is empty');
  // UTF-16 text is full of NUL bytes but is text: its BOM says so.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes)) throw new InputError('the file is binary, not text or HTML');
  if (opts.html) {
    const doc = parseHtml(decodeHtml(bytes));
    const source = extract(doc, opts.url);
    return { source, clean: cleanBlocks(source) };
  }
  // Text files get the same decoding as pages: BOM, strict UTF-8, else GB18030 (GBK/GB2312 text
  // files are common for Chinese), whichever decodes without garbage.
  const text = decodeHtml(bytes);
  if (!text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '')) throw new InputError('the file has no text');
  const clean = cleanText(text);
  if (opts.url) clean.source.url = opts.url;
  return { clean };
}

/** NUL bytes or many control characters in the first 8 KiB: not a text page. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return ctrl > n * 0.05;
}

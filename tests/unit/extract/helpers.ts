// Shared helpers for the lib/extract tests: read fixture and sample pages the way the CLI does.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml, parseHtml } from '../../../lib/extract';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'pages');
export const SAMPLES = join(__dirname, '..', '..', '..', '..', 'shared', 'samples', 'epaper');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'input.html'))).sort();
}

export function fixtureDoc(name: string): Document {
  return parseHtml(decodeHtml(new Uint8Array(readFileSync(join(FIXTURES, name, 'input.html')))));
}

export function fixtureUrl(name: string): string | undefined {
  const f = join(FIXTURES, name, 'url.txt');
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : undefined;
}

export function sampleHtml(file: string): string {
  return decodeHtml(new Uint8Array(readFileSync(join(SAMPLES, file))));
}

export function sampleFiles(): string[] {
  return existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => /\.html?$/i.test(f)).sort() : [];
}

/** Text without whitespace, for comparing what the page shows with what we read. */
export const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

// Shared helpers for the segment tests: build stage input from plain text, render a page as text.
import { articleToPlainText } from '../../../lib/format';
import type { Item, Working } from '../../../lib/segment/item';
import { classify } from '../../../lib/segment/stages/classify';
import { context } from '../../../lib/segment/stages/context';
import { credits } from '../../../lib/segment/stages/credits';
import { normalise } from '../../../lib/segment/stages/normalise';
import { splitText } from '../../../lib/segment/stages/split';
import { matchKey } from '../../../lib/segment/text';
import type { CleanPage } from '../../../lib/types';

/** Blocks of `text` normalised, classified and resolved by neighbours (input of the later stages). */
export function prepared(text: string): Item[] {
  return context(credits(classify(normalise(splitText(text)))));
}

export function working(items: Item[]): Working {
  return { items, extras: [] };
}

/** Every article's plain text and every removed text, as one matching key. */
export function outputKey(page: CleanPage): string {
  return matchKey([...page.articles.map(articleToPlainText), ...page.removed.map((r) => r.text)].join('\n'));
}

/** Input sentences (split at sentence ends and block breaks) as matching keys. */
export function sentenceKeys(text: string): string[] {
  return text
    .split(/(?<=[。！？!?])|\n/)
    .map(matchKey)
    .filter((k) => k.length > 0);
}

/** The page rendered back to text: one article after another, blank lines between blocks. */
export function pageToText(page: CleanPage): string {
  return page.articles.map(articleToPlainText).join('\n\n');
}

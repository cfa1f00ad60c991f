// lib/segment: a page's text blocks → its clean articles. Pure functions, no DOM, no browser API;
// the same code runs in the content script, the side panel, the CLI and the tests.
import type { CleanPage, SourcePage } from '../types';
import type { Item, Working } from './item';
import { assemble } from './stages/assemble';
import { classify } from './stages/classify';
import { context } from './stages/context';
import { continuation } from './stages/continuation';
import { credits } from './stages/credits';
import { dedupe } from './stages/dedupe';
import { echoes } from './stages/echoes';
import { furniture } from './stages/furniture';
import { join } from './stages/join';
import { normalise } from './stages/normalise';
import { splitText } from './stages/split';
import { stutters } from './stages/stutters';

type Stage = (w: Working) => Working;
const onItems =
  (f: (items: Item[]) => Item[]): Stage =>
  (w) => ({ ...w, items: f(w.items) });

/** The rules, in order. */
export const STAGES: readonly [string, Stage][] = [
  ['classify', onItems(classify)], // each block on its own: marker, furniture, notice, byline, caption, headline-shaped…
  ['credits', onItems(credits)], // a credit line makes the block above it a caption
  ['dedupe', dedupe], // exact, near-duplicate and fragment repeats → removed (shingle index, linear)
  ['context', (w) => ({ ...w, items: context(w.items, w.single) })], // neighbours decide: title/kicker/subtitle, subhead, slogan, caption credit, masthead runs
  ['furniture', furniture], // masthead, page headers, editor lines, continuation markers → removed
  ['echoes', echoes], // copies printed before a headline → removed; stray paragraph → moved to its article
  ['join', join], // paragraphs broken across columns → joined
  ['continuation', continuation], // a misplaced continuation of a dangling enumeration → joined
  ['stutters', stutters], // 热血沸腾、热血沸腾 → 热血沸腾
];

/** Clean a page's text: blocks separated by blank lines (one block per line if there are none). */
export function cleanText(text: string): CleanPage {
  return run(normalise(splitText(text)), { pageType: 'text' });
}

/** Clean a page read from the DOM (lib/extract); block hints are used as evidence, not trusted blindly. */
export function cleanBlocks(page: SourcePage): CleanPage {
  const { blocks, ...source } = page;
  // One article per page only where the page says so: an article page (lib/extract) whose markup
  // names its title. An "article" page without a title (a whole page's text poured into one body,
  // as OCR'd e-paper editions do) still holds many articles.
  const single = page.pageType === 'article' && blocks.some((b) => b.hint === 'title');
  return run(normalise(blocks), source, single);
}

function run(items: Item[], source: CleanPage['source'], single = false): CleanPage {
  let w: Working = { items, extras: [], single };
  for (const [, stage] of STAGES) w = stage(w);
  const { articles, removed } = assemble(w);
  return { source, articles, removed };
}

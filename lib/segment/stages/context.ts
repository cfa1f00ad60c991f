// Item[] → Item[]: neighbours decide what a block is: paper names next to masthead lines are masthead, a headline-shaped block before a byline
// or body is a title (with kicker/subtitle), one inside an article sharing its terms is a subhead,
// spaced slogans with no article after them are adverts, paragraphs after a notice heading are notice.
import type { Item } from '../item';
import { RULES } from '../rules';
import { shared, terms, type Term } from '../terms';
import { wantsMore } from '../sentence';

/** A headline inside an article is a subhead when this share of its terms occur in the article's title and lede. */
const SUBHEAD_SHARE = 0.25;
const SUBHEAD_MIN_SHARED = 2;
/** Runs of headline-shaped blocks longer than this are a list (names, items), not a headline. */
const MAX_HEADLINE_LINES = 3;

export function context(items: Item[], single = false): Item[] {
  const all = items.map((i) => ({ ...i }));
  // Decisions are made on the text still on the page (repeats are already out).
  const live = all.filter((i) => !i.removed);
  markMastheadRuns(live);
  decideHeadlines(live, single);
  markNoticeBodies(live);
  return all;
}

function isMasthead(it: Item): boolean {
  return it.kind === 'boilerplate' && it.furniture === 'masthead';
}

function markMastheadRuns(items: Item[]): void {
  let i = 0;
  while (i < items.length) {
    if (!items[i]!.weakMasthead && !isMasthead(items[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let strong = false;
    while (j < items.length && (items[j]!.weakMasthead || isMasthead(items[j]!))) {
      if (isMasthead(items[j]!)) strong = true;
      j++;
    }
    if (strong) for (let k = i; k < j; k++) Object.assign(items[k]!, { kind: 'boilerplate', furniture: 'masthead' });
    i = j;
  }
}

const SKIPPED_AFTER_HEADLINE = new Set(['boilerplate', 'marker', 'caption', 'credit']);

function decideHeadlines(items: Item[], single: boolean): void {
  let titled = false;
  let ctx: Set<Term> | null = null;
  let needLede = false;
  let i = 0;
  while (i < items.length) {
    const it = items[i]!;
    if (it.kind === 'notice-head' || it.kind === 'advert') ctx = null;
    if (it.kind === 'paragraph' && needLede && ctx) {
      terms(it.text, it.lang, ctx);
      needLede = false;
    }
    if (it.kind !== 'heading') {
      i++;
      continue;
    }
    // The run: consecutive headline-shaped blocks (a caption or furniture between them does not break it).
    const idx: number[] = [i];
    for (let k = i + 1; k < items.length; k++) {
      if (items[k]!.kind === 'heading') idx.push(k);
      else if (!SKIPPED_AFTER_HEADLINE.has(items[k]!.kind)) break;
    }
    // A later line with a clause break, not followed by a byline, is the start of the text.
    const last = items[idx[idx.length - 1]!]!;
    if (idx.length > 1 && !last.hint && RULES[last.lang].clauseBreak.test(last.text) && !/^[—–-]/.test(last.text)) {
      const after = items[idx[idx.length - 1]! + 1];
      if (!(after && (after.kind === 'byline' || after.dateline))) {
        last.kind = 'paragraph';
        idx.pop();
      }
    }
    const end = idx[idx.length - 1]! + 1;
    const run = idx.map((k) => items[k]!);
    if (run.length > MAX_HEADLINE_LINES) {
      // A list; its last line is still a headline when a byline or dateline follows it.
      const after = items[end];
      const titled = !!after && (after.kind === 'byline' || !!after.dateline);
      run.forEach((r, k) => (r.kind = titled && k === run.length - 1 ? 'title' : 'paragraph'));
      if (titled) {
        ctx = terms(run[run.length - 1]!.text, run[run.length - 1]!.lang);
        needLede = true;
      }
      i = end;
      continue;
    }
    let n = end;
    while (n < items.length && SKIPPED_AFTER_HEADLINE.has(items[n]!.kind)) n++;
    const next = items[n];
    const nextIsByline = !!next && (next.kind === 'byline' || (next.kind === 'paragraph' && !!next.dateline));
    const nextIsBody = !!next && (next.kind === 'paragraph' || next.kind === 'notice');
    const prev = items[i - 1]?.kind === 'paragraph' ? items[i - 1] : undefined;
    if (!nextIsByline && nextIsBody && run.length === 1 && !run[0]!.hint && prev && wantsMore(prev)) {
      // A short piece between two halves of a broken sentence is text, not a headline.
      run[0]!.kind = 'paragraph';
    } else if (!nextIsByline && nextIsBody && run.length === 1 && ctx && (isSubhead(run[0]!, ctx) || (single && titled))) {
      run[0]!.kind = 'subhead';
    } else if (!nextIsByline && !nextIsBody && run.every((r) => RULES[r.lang].slogan.test(r.text))) {
      for (const r of run) r.kind = 'advert';
      ctx = null;
    } else {
      assignHeadline(run);
      titled = true;
      ctx = new Set<Term>();
      for (const r of run) terms(r.text, r.lang, ctx);
      needLede = true;
    }
    i = end;
  }
}

function isSubhead(h: Item, ctx: Set<Term>): boolean {
  if (h.hint === 'title' || h.hint === 'kicker' || h.hint === 'subtitle') return false;
  // The page's markup says "a heading inside the text", or it is numbered (三、问题的焦点): an article is open, so take it.
  if (h.hint === 'heading' || RULES[h.lang].numbered.test(h.text)) return true;
  const own = terms(h.text, h.lang);
  if (own.size === 0) return false;
  const n = shared(own, ctx);
  return n >= SUBHEAD_MIN_SHARED && n / own.size >= SUBHEAD_SHARE;
}

/** 1 line: title; 2: title + subtitle (kicker + title when the first says so); 3: kicker, title, subtitle. */
function assignHeadline(run: Item[]): void {
  if (run.every((r) => r.hint === 'title' || r.hint === 'kicker' || r.hint === 'subtitle')) {
    for (const r of run) r.kind = r.hint as 'title' | 'kicker' | 'subtitle';
    if (!run.some((r) => r.kind === 'title')) run[0]!.kind = 'title';
    return;
  }
  if (run.length === 1) run[0]!.kind = 'title';
  else if (run.length === 2) {
    const kickerFirst = run[0]!.hint === 'kicker' || run[1]!.hint === 'title' || /[:：]$/.test(run[0]!.text);
    const dashed = /^[—–-]{1,2}/.test(run[1]!.text);
    run[0]!.kind = kickerFirst && !dashed ? 'kicker' : 'title';
    run[1]!.kind = kickerFirst && !dashed ? 'title' : 'subtitle';
  } else {
    run[0]!.kind = 'kicker';
    run[1]!.kind = 'title';
    run[2]!.kind = 'subtitle';
  }
}

function markNoticeBodies(items: Item[]): void {
  let inNotice = false;
  for (const it of items) {
    if (it.kind === 'notice-head') inNotice = true;
    else if (inNotice && (it.kind === 'paragraph' || it.kind === 'notice') && !it.dateline) it.kind = 'notice';
    else if (it.kind !== 'boilerplate' && it.kind !== 'marker') inNotice = false;
  }
}

// Item[] → Item[]: neighbours decide what a block is: paper names next to masthead lines are masthead, a headline-shaped block before a byline
// or body is a title (with kicker/subtitle), one inside an article sharing its terms is a subhead,
// spaced slogans with no article after them are adverts, paragraphs after a notice heading are notice.
import { Draft, type Item } from '../item';
import { RULES } from '../rules';
import { shared, terms, type Term } from '../terms';
import { wantsMore } from '../sentence';
import { leadHeadline } from './classify';

/** A headline inside an article is a subhead when this share of its terms occur in the article's title and lede. */
const SUBHEAD_SHARE = 0.25;
const SUBHEAD_MIN_SHARED = 2;
/** Runs of headline-shaped blocks longer than this are a list (names, items), not a headline. */
const MAX_HEADLINE_LINES = 3;

export function context(items: Item[], single = false): Item[] {
  // Decisions are made on the text still on the page (repeats are already out).
  const at: number[] = [];
  items.forEach((it, i) => {
    if (!it.removed) at.push(i);
  });
  const live = new Draft(at.map((i) => items[i]!));
  markMastheadRuns(live);
  headlinesBeforeLeads(live);
  decideHeadlines(live, single);
  markNoticeBodies(live);
  const out = items.slice();
  at.forEach((i, k) => (out[i] = live.items[k]!));
  return out;
}

/**
 * A block the article's lead follows (a byline block, or a paragraph opening with a dateline) is
 * a headline when it is shaped like one with a clause break allowed (leadHeadline:
 * 市财政局、应急管理局紧急下达3000万元防汛救灾资金; 同出一条江，为何两岸茶味不同？).
 * On its own such a line reads as the start of a paragraph; the lead under it says otherwise.
 */
function headlinesBeforeLeads(live: Draft): void {
  const items = live.items;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind !== 'paragraph' || it.dateline || it.hint) continue;
    if (isLead(nextAfterHeadline(items, i + 1)) && leadHeadline(it)) live.edit(i).kind = 'heading';
  }
}

function isMasthead(it: Item): boolean {
  return it.kind === 'boilerplate' && it.furniture === 'masthead';
}

function markMastheadRuns(live: Draft): void {
  const items = live.items;
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
    if (strong) {
      for (let k = i; k < j; k++) {
        const it = live.edit(k);
        it.kind = 'boilerplate';
        it.furniture = 'masthead';
      }
    }
    i = j;
  }
}

const SKIPPED_AFTER_HEADLINE = new Set(['boilerplate', 'marker', 'caption', 'credit']);

/** The block at or after `from` that follows a headline, captions, credits and furniture passed over. */
function nextAfterHeadline(items: Item[], from: number): Item | undefined {
  let n = from;
  while (n < items.length && SKIPPED_AFTER_HEADLINE.has(items[n]!.kind)) n++;
  return items[n];
}

/** An article's lead: a byline block, or a paragraph opening with a dateline. */
function isLead(it: Item | undefined): boolean {
  return !!it && (it.kind === 'byline' || (it.kind === 'paragraph' && !!it.dateline));
}

/**
 * The open article's title lines and lede, whose terms a later headline is compared with; the terms
 * are collected only when a headline asks (most articles have none inside).
 */
class Context {
  private terms: Set<Term> | null = null;
  constructor(private readonly items: Item[]) {}
  add(it: Item): void {
    this.items.push(it);
    if (this.terms) terms(it.text, it.lang, this.terms);
  }
  get(): Set<Term> {
    if (!this.terms) {
      this.terms = new Set<Term>();
      for (const it of this.items) terms(it.text, it.lang, this.terms);
    }
    return this.terms;
  }
}

function decideHeadlines(live: Draft, single: boolean): void {
  const items = live.items;
  let titled = false;
  let ctx: Context | null = null;
  let needLede = false;
  let i = 0;
  while (i < items.length) {
    const it = items[i]!;
    if (it.kind === 'notice-head' || it.kind === 'advert') ctx = null;
    if (it.kind === 'paragraph' && needLede && ctx) {
      ctx.add(it);
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
    // The author's name under the headline, a two-character name padded to three characters' width
    // (陈  祯): a byline, and the headline ends above it.
    const named = idx.findIndex((k, n) => n > 0 && PADDED_NAME.test(items[k]!.text));
    if (named > 0) {
      const by = live.edit(idx[named]!);
      by.kind = 'byline';
      by.byline = by.text.replace(/[ \u3000]+/g, ' ');
      idx.length = named;
    }
    // A later line with a clause break, not followed by a byline, is the start of the text.
    const last = items[idx[idx.length - 1]!]!;
    if (idx.length > 1 && !last.hint && RULES[last.lang].clauseBreak.test(last.text) && !/^[—–-]/.test(last.text)) {
      const after = items[idx[idx.length - 1]! + 1];
      if (!(after && (after.kind === 'byline' || after.dateline))) {
        live.edit(idx.pop()!).kind = 'paragraph';
      }
    }
    const end = idx[idx.length - 1]! + 1;
    // Every line of the run is decided below (its kind changes), so each is copied now.
    const run = idx.map((k) => live.edit(k));
    if (run.length > MAX_HEADLINE_LINES) {
      // A list; its last line is still a headline when a byline or dateline follows it.
      const after = items[end];
      const titled = !!after && (after.kind === 'byline' || !!after.dateline);
      run.forEach((r, k) => (r.kind = titled && k === run.length - 1 ? 'title' : 'paragraph'));
      if (titled) {
        ctx = new Context([run[run.length - 1]!]);
        needLede = true;
      }
      i = end;
      continue;
    }
    const next = nextAfterHeadline(items, end);
    const nextIsByline = isLead(next);
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
      ctx = new Context([...run]);
      needLede = true;
    }
    i = end;
  }
}

function isSubhead(h: Item, ctx: Context): boolean {
  if (h.hint === 'title' || h.hint === 'kicker' || h.hint === 'subtitle') return false;
  // The page's markup says "a heading inside the text", or it is numbered (三、问题的焦点): an article is open, so take it.
  if (h.hint === 'heading' || RULES[h.lang].numbered.test(h.text)) return true;
  const own = terms(h.text, h.lang);
  if (own.size === 0) return false;
  const n = shared(own, ctx.get());
  return n >= SUBHEAD_MIN_SHARED && n / own.size >= SUBHEAD_SHARE;
}

/** A line that is only a two-character name padded to three characters' width (陈  祯, 李 明). */
const PADDED_NAME = /^[\u4e00-\u9fff][ \u3000]{1,3}[\u4e00-\u9fff]$/;

/** A column's name closing a headline line (（大数据观察）, （在现场）): papers print it after the main title. */
const COLUMN_TAG = /[（(][^（）()]{2,12}[）)]$/;

/**
 * 1 line: title; 2: title + subtitle (kicker + title when the first says so, or when only the second
 * carries the column's name); 3: kicker, title, subtitle.
 */
function assignHeadline(run: Item[]): void {
  if (run.every((r) => r.hint === 'title' || r.hint === 'kicker' || r.hint === 'subtitle')) {
    for (const r of run) r.kind = r.hint as 'title' | 'kicker' | 'subtitle';
    if (!run.some((r) => r.kind === 'title')) run[0]!.kind = 'title';
    return;
  }
  if (run.length === 1) run[0]!.kind = 'title';
  else if (run.length === 2) {
    const kickerFirst =
      run[0]!.hint === 'kicker' || run[1]!.hint === 'title' || /[:：]$/.test(run[0]!.text) || (COLUMN_TAG.test(run[1]!.text) && !COLUMN_TAG.test(run[0]!.text));
    const dashed = /^[—–-]{1,2}/.test(run[1]!.text);
    run[0]!.kind = kickerFirst && !dashed ? 'kicker' : 'title';
    run[1]!.kind = kickerFirst && !dashed ? 'title' : 'subtitle';
  } else {
    run[0]!.kind = 'kicker';
    run[1]!.kind = 'title';
    run[2]!.kind = 'subtitle';
  }
}

function markNoticeBodies(live: Draft): void {
  let inNotice = false;
  live.items.forEach((it, k) => {
    if (it.kind === 'notice-head') inNotice = true;
    else if (inNotice && (it.kind === 'paragraph' || it.kind === 'notice') && !it.dateline) {
      if (it.kind !== 'notice') live.edit(k).kind = 'notice';
    } else if (it.kind !== 'boilerplate' && it.kind !== 'marker') inNotice = false;
  });
}

// Item[] → Item[]: neighbours decide what a block is: paper names next to masthead lines are masthead, a headline-shaped block before a byline
// or body is a title (with kicker/subtitle), one inside an article sharing its terms, numbered, or one
// of a series in an article that opened with its lead is a subhead, a note in brackets under the text
// closes the article, spaced slogans with no article after them are adverts, paragraphs after a
// notice heading are notice.
import { Draft, type Item } from '../item';
import { RULES } from '../rules';
import { shared, subjectTerms, terms, termsOfWords, type Common, type Term } from '../terms';
import { wantsMore } from '../sentence';
import { dashKicker, leadHeadline } from './classify';

/** A headline inside an article is a subhead when this share of its terms occur in the article's title and lede. */
const SUBHEAD_SHARE = 0.25;
const SUBHEAD_MIN_SHARED = 2;
/** A section's heading inside an article has at most this many lines (上海市苏州河中环立交桥下 / 运动社交成风尚). */
const SECTION_LINES = 2;
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
  closingNotes(live);
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
    const n = nextIndexAfterHeadline(items, i + 1);
    if ((isLead(items[n]) || nameOverText(items, n)) && leadHeadline(it)) live.edit(i).kind = 'heading';
  }
}

/**
 * A note in brackets under an article's text, with no text of its own under it (（肖航参与采写）,
 * （来源：《光明日报》）, （新华社北京10月10日电）), closes that article: its closing line, not a
 * headline. A column's name on a line of its own over the text stays a headline line.
 */
function closingNotes(live: Draft): void {
  const items = live.items;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if ((it.kind !== 'heading' && it.kind !== 'paragraph') || it.dateline || (it.hint && it.hint !== 'text') || !isTrailer(it)) continue;
    // Under the text, or under a line under the text (the sign-off: 习近平); nothing of its own under it.
    const b = previousLiveIndex(items, i);
    const underText = isText(items[b]) || (items[b]?.kind === 'heading' && isText(items[previousLiveIndex(items, b)]));
    const next = nextAfterHeadline(items, i + 1);
    // Over a headline, a name in brackets without a note's words is that headline's column (（人民时评）).
    const label = next?.kind === 'heading' && !RULES[it.lang].noteWord?.test(it.text);
    if (underText && next?.kind !== 'paragraph' && !label) live.edit(i).kind = 'closing';
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
  return items[nextIndexAfterHeadline(items, from)];
}

function nextIndexAfterHeadline(items: Item[], from: number): number {
  let n = from;
  while (n < items.length && SKIPPED_AFTER_HEADLINE.has(items[n]!.kind)) n++;
  return n;
}

/** Item k is an author's name alone on its line (吴象, 张三（某医院）) with the text under it: the lead of an article. */
function nameOverText(items: Item[], k: number): boolean {
  const it = items[k];
  return !!it && it.kind === 'heading' && !!RULES[it.lang].bareName?.test(it.text) && items[nextIndexAfterHeadline(items, k + 1)]?.kind === 'paragraph';
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
  /** Every line of the article so far (headline, text, subheads), and their subject terms once asked for. */
  private readonly text: Item[];
  private subjects: Set<Term> | null = null;
  constructor(private readonly items: Item[]) {
    this.text = items.slice();
  }
  /** The lede. */
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
  /** A line of the article's text. */
  addText(it: Item): void {
    this.text.push(it);
    if (this.subjects) subjectTerms(it.text, it.lang, commonOf(it.lang), this.subjects);
  }
  subjectsSoFar(): Set<Term> {
    if (!this.subjects) {
      this.subjects = new Set<Term>();
      for (const it of this.text) subjectTerms(it.text, it.lang, commonOf(it.lang), this.subjects);
    }
    return this.subjects;
  }
}

const COMMON = new Map<string, Common>();
function commonOf(lang: Item['lang']): Common {
  let c = COMMON.get(lang);
  if (!c) {
    const r = RULES[lang];
    c = { chars: new Set([...r.commonChars].map((ch) => ch.charCodeAt(0))), terms: termsOfWords(r.commonWords, lang) };
    COMMON.set(lang, c);
  }
  return c;
}

/** Subject terms a section shares with its article, at least, to be one of its sections. */
const SECTION_SHARED = 1;
/** How much of a section's text (its first paragraphs) is compared with its article. */
const SECTION_SAMPLE = 300;

/**
 * Do the heading run ending before `end` and the text under it go on with the open article's subject:
 * at least SECTION_SHARED of their subject terms (the heading's, its first paragraphs') already in the article?
 * A series of short news items after an article (城东新区新增公交线路 / 市图书馆延长开放时间 under
 * 我市推进老旧小区改造) shares none; the sections of a profile name its person, place, subject.
 */
function sameSubject(ctx: Context, items: Item[], end: number, heading: readonly Item[]): boolean {
  const mine = new Set<Term>();
  for (const h of heading) subjectTerms(h.text, h.lang, commonOf(h.lang), mine);
  let chars = 0;
  for (let k = nextIndexAfterHeadline(items, end); k < items.length && chars < SECTION_SAMPLE; k = nextIndexAfterHeadline(items, k + 1)) {
    const it = items[k]!;
    if (it.kind !== 'paragraph') break;
    subjectTerms(it.text.slice(0, SECTION_SAMPLE - chars), it.lang, commonOf(it.lang), mine);
    chars += it.text.length;
  }
  return shared(mine, ctx.subjectsSoFar()) >= SECTION_SHARED;
}

function decideHeadlines(live: Draft, single: boolean): void {
  const items = live.items;
  let titled = false;
  let ctx: Context | null = null;
  let needLede = false;
  // The open article's headline had its lead under it (a byline, a dateline), and whether its
  // untitled sections have been found to be a series (see seriesAhead).
  let led = false;
  let inSeries = false;
  let i = 0;
  while (i < items.length) {
    const it = items[i]!;
    if (it.kind === 'notice-head' || it.kind === 'advert') ctx = null;
    if (it.kind === 'paragraph' && needLede && ctx) {
      ctx.add(it);
      needLede = false;
    }
    if (ctx && (it.kind === 'paragraph' || it.kind === 'closing')) ctx.addText(it);
    // A note that closes an article (（完）, （摘编自…）) closes it here too: a headline after it starts the next one.
    if (it.kind === 'closing' && isTrailer(it)) ctx = null;
    if (it.kind !== 'heading') {
      i++;
      continue;
    }
    const afterText = isText(previousLive(items, i));
    if (afterText && LED_BY_LONG_DASH.test(it.text)) {
      // Under the text after a dash: who said it or signed it (——编 者), never a headline.
      live.edit(i).kind = 'closing';
      i++;
      continue;
    }
    // The run: consecutive headline-shaped blocks (a caption or furniture between them does not break
    // it), read as far as a headline goes; a longer one is a list, read whole below. (A run cut short
    // here — at a name, a signature — would otherwise be read again from each of its lines.)
    let idx = runAt(items, i, MAX_HEADLINE_LINES + 1);
    const photo = photoTitleLines(items, idx);
    if (photo > 0) {
      // A photo's title over its caption, with no text under them (图片新闻: 春耕备耕正当时 / 4月10日，农民…摄):
      // the caption's title, not an empty article (nor the kicker of the next headline, the run reaching past the caption).
      for (const k of idx.slice(0, photo)) live.edit(k).kind = 'caption-title';
      i = idx[photo - 1]! + 1;
      continue;
    }
    // The author's name alone under the headline (吴象, 刘白羽, or a two-character name padded to
    // three characters' width: 陈  祯), the last such line: a byline, and the headline ends above it.
    const r = RULES[it.lang];
    const named = idx.findLastIndex((k, n) => n > 0 && !!r.bareName?.test(items[k]!.text) && items[idx[0]!]!.text.length >= 4);
    if (named > 0) {
      const by = live.edit(idx[named]!);
      by.kind = 'byline';
      by.byline = by.text.replace(/[ \u3000]+/g, ' ');
      idx.length = named;
    }
    const list = idx.length > MAX_HEADLINE_LINES;
    // A kicker ending with a dash hands over to the headline under it; with none under it, it is text.
    while (!list && idx.length && dashKicker(items[idx[idx.length - 1]!]!.text, RULES[items[idx[idx.length - 1]!]!.lang])) {
      live.edit(idx.pop()!).kind = 'paragraph';
    }
    if (idx.length === 0) {
      i++;
      continue;
    }
    // A letter's sign-off under its text: the sender and the date it was signed (某某书店五月九日,
    // or 某某书店 / 五月九日); a headline under it starts the next article. Not with a byline under
    // it: then it is a headline that ends in a date (a dateline paragraph may be the next dispatch's).
    const signed = afterText && ctx ? idx.findIndex((k) => !!r.signature?.test(items[k]!.text)) : -1;
    if (signed >= 0 && nextAfterHeadline(items, idx[signed]! + 1)?.kind !== 'byline') {
      for (const k of idx.slice(0, signed + 1)) live.edit(k).kind = 'closing';
      i = idx[signed]! + 1;
      continue;
    }
    if (list) idx = runAt(items, i);
    // A later line with a clause break, not followed by a byline, is the start of the text.
    const last = items[idx[idx.length - 1]!]!;
    if (!list && idx.length > 1 && !last.hint && RULES[last.lang].clauseBreak.test(last.text) && !LED_BY_DASH.test(last.text)) {
      const after = items[idx[idx.length - 1]! + 1];
      if (!(after && (after.kind === 'byline' || after.dateline))) {
        live.edit(idx.pop()!).kind = 'paragraph';
      }
    }
    const end = idx[idx.length - 1]! + 1;
    const next = nextAfterHeadline(items, end);
    // (A photo's caption right under the run makes it the photo's title, not a sign-off.)
    if (afterText && (!next || next.kind === 'closing') && items[end]?.kind !== 'caption') {
      // Under the text and over nothing but its closing note: the article's sign-off (习近平).
      for (const k of idx) live.edit(k).kind = 'closing';
      i = end;
      continue;
    }
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
        led = true;
        inSeries = false;
      }
      i = end;
      continue;
    }
    const nextIsByline = isLead(next);
    const nextIsBody = !!next && (next.kind === 'paragraph' || next.kind === 'notice');
    const prev = items[i - 1]?.kind === 'paragraph' ? items[i - 1] : undefined;
    if (!nextIsByline && nextIsBody && run.length === 1 && !run[0]!.hint && prev && wantsMore(prev)) {
      // A short piece between two halves of a broken sentence is text, not a headline.
      run[0]!.kind = 'paragraph';
    } else if (!nextIsByline && nextIsBody && run.length === 1 && ctx && (isSubhead(run[0]!, ctx) || (single && titled))) {
      run[0]!.kind = 'subhead';
    } else if (!nextIsByline && nextIsBody && run.length <= SECTION_LINES && ctx && !run[0]!.hint && RULES[run[0]!.lang].numbered.test(run[0]!.text)) {
      // A numbered section's heading on two lines (四 他们需要什么？ / 他们需要什么呢？).
      for (const r of run) r.kind = 'subhead';
    } else if (
      !nextIsByline &&
      nextIsBody &&
      run.length <= SECTION_LINES &&
      ctx &&
      led &&
      run.every(sectionHead) &&
      (inSeries ||= seriesAhead(items, i) >= 2 && sameSubject(ctx, items, end, run))
    ) {
      // Untitled sections of an article that opened with its lead: several such headings in a row
      // (a line or two each), none with a lead of its own, the first one's text going on with the
      // article's subject, divide one article (潜心砺剑勇担当 / 向战精飞为打赢 / …).
      for (const r of run) r.kind = 'subhead';
    } else if (!nextIsByline && !nextIsBody && run.every((r) => RULES[r.lang].slogan.test(r.text))) {
      for (const r of run) r.kind = 'advert';
      ctx = null;
    } else {
      assignHeadline(run);
      titled = true;
      ctx = new Context([...run]);
      needLede = true;
      led = nextIsByline;
      inSeries = false;
    }
    if (ctx && run[0]!.kind === 'subhead') for (const r of run) ctx.addText(r);
    i = end;
  }
}

/**
 * How many lines of the run (one or two) are a photo's title: the lines right over a caption with
 * text, when neither the article's text nor its lead comes after the caption (else it is a headline
 * with its photo under it). 0: none.
 */
function photoTitleLines(items: Item[], idx: readonly number[]): number {
  for (let p = 0; p < Math.min(SECTION_LINES, idx.length); p++) {
    const k = idx[p]!;
    if (items[k]!.hint) return 0;
    const below = items[k + 1];
    if (below?.kind === 'caption' && below.text) {
      const after = nextAfterHeadline(items, k + 1);
      return after?.kind === 'paragraph' || isLead(after) ? 0 : p + 1;
    }
    if (idx[p + 1] !== k + 1) return 0;
  }
  return 0;
}

/** The headline run starting at i: consecutive headline-shaped blocks (a caption or furniture between them does not break it), at most `max`. */
function runAt(items: Item[], i: number, max = Infinity): number[] {
  const idx: number[] = [i];
  for (let k = i + 1; k < items.length && idx.length < max; k++) {
    if (items[k]!.kind === 'heading') idx.push(k);
    else if (!SKIPPED_AFTER_HEADLINE.has(items[k]!.kind)) break;
  }
  return idx;
}

/** The last block before i that is not a caption, credit or furniture. */
function previousLive(items: Item[], i: number): Item | undefined {
  return items[previousLiveIndex(items, i)];
}

function previousLiveIndex(items: Item[], i: number): number {
  let k = i - 1;
  while (k >= 0 && SKIPPED_AFTER_HEADLINE.has(items[k]!.kind)) k--;
  return k;
}

/** Article text: a paragraph, or a closing line (a second closing note may follow the first). */
function isText(it: Item | undefined): boolean {
  return it?.kind === 'paragraph' || it?.kind === 'closing';
}

function isTrailer(it: Item): boolean {
  return !!RULES[it.lang].trailer?.test(it.text);
}

/**
 * A heading that may open an untitled section: not marked up as a title, no column name (（纵横）),
 * not a closing note, naming no writer and opening no editor's note (a byline the rules do not know).
 */
function sectionHead(h: Item): boolean {
  return !h.hint && !COLUMN_TAG.test(h.text) && !isTrailer(h) && !RULES[h.lang].leadWords?.test(h.text);
}

/**
 * How many section headings of a line or two (sectionHead, body under them, no lead of their own) follow
 * from `from` before the next sign of another article: a headline of several lines, a heading with
 * its own lead, a lead, a notice, an advert or a closing note. (Blocks ahead are not decided yet:
 * none is a title or kicker.) Each call scans to that sign and the
 * article it finds is then decided, so the scans of a page do not overlap: linear.
 */
function seriesAhead(items: Item[], from: number): number {
  let n = 0;
  let k = from;
  while (k < items.length) {
    const it = items[k]!;
    if (it.kind === 'heading') {
      const run = runAt(items, k, SECTION_LINES + 1);
      const end = run[run.length - 1]! + 1;
      if (run.length > SECTION_LINES || !run.every((k) => sectionHead(items[k]!)) || isLead(nextAfterHeadline(items, end))) break;
      n++;
      k = end;
      continue;
    }
    if (isLead(it) || it.kind === 'notice-head' || it.kind === 'advert' || isTrailer(it)) break;
    k++;
  }
  return n;
}

/** Numbered (三、问题的焦点, 三 抢救) or labelled (【基层实践】): a section's heading wherever an article is open. */
function sectionMark(h: Item): boolean {
  const r = RULES[h.lang];
  return r.numbered.test(h.text) || !!r.sectionLabel?.test(h.text);
}

function isSubhead(h: Item, ctx: Context): boolean {
  if (h.hint === 'title' || h.hint === 'kicker' || h.hint === 'subtitle') return false;
  // The page's markup says "a heading inside the text", or it is numbered (三、问题的焦点): an article is open, so take it.
  if (h.hint === 'heading' || sectionMark(h)) return true;
  const own = terms(h.text, h.lang);
  if (own.size === 0) return false;
  const n = shared(own, ctx.get());
  return n >= SUBHEAD_MIN_SHARED && n / own.size >= SUBHEAD_SHARE;
}

/** A column's name closing a headline line (（大数据观察）, （在现场）): papers print it after the main title. */
const COLUMN_TAG = /[（(][^（）()]{2,12}[）)]$/;
/** A line led by a dash: a subtitle (——记…), a signature, a quoted speaker; an ASCII hyphen counts. */
const LED_BY_DASH = /^[—–-]/;
/** Led by an em or en dash (——编 者, a signature under the text); a hyphen alone does not count there. */
const LED_BY_LONG_DASH = /^[—–]/;

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
      run[0]!.hint === 'kicker' ||
      run[1]!.hint === 'title' ||
      /[:：]$/.test(run[0]!.text) ||
      dashKicker(run[0]!.text, RULES[run[0]!.lang]) ||
      isTrailer(run[0]!) ||
      !!RULES[run[0]!.lang].sectionLabel?.test(run[0]!.text) ||
      (COLUMN_TAG.test(run[1]!.text) && !COLUMN_TAG.test(run[0]!.text) && !isTrailer(run[1]!));
    const dashed = LED_BY_DASH.test(run[1]!.text);
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

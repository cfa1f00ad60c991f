// Item[] → Item[]: each block classified on its own by the language's rule table (marker, page
// header, editor, masthead, notice, byline/dateline, credit, caption, headline-shaped, paragraph).
import { copyItem, type Item, type Kind } from '../item';
import { RULES, type LanguageRules } from '../rules';
import { endsContinuing, endsSentence, tidy } from '../text';

export function classify(items: Item[]): Item[] {
  return items.map((item) => classifyOne(item, RULES[item.lang]));
}

function classifyOne(item: Item, r: LanguageRules): Item {
  const text = item.text;
  const out = copyItem(item);
  out.kind = 'paragraph';
  const short = text.length <= 80;
  // A single character is text whatever it is (and 100,000 of them must stay cheap).
  if (text.length < 2) return out;

  if (short) {
    // Furniture is recognised whatever the line's script (网址:www… is mostly Latin).
    const furniture = furnitureOf(text, r);
    if (furniture) {
      out.furniture = furniture;
      return set(out, 'boilerplate');
    }
    const m = r.marker.exec(text);
    if (m) {
      if (m.groups?.to) out.continuedOn = pageLabel(m.groups.to, item.lang);
      return set(out, 'marker');
    }
    if (r.noticeHead.test(text.replace(/\s+/g, ''))) return set(out, 'notice-head');
    // A credit before a byline: 本报记者 曹继炜摄 would pass for a byline (a four-character name).
    const credit = r.creditOnly.exec(text);
    if (credit?.groups?.credit) {
      out.credit = cleanPeople(credit.groups.credit);
      return set(out, 'credit');
    }
    if (r.byline.test(text)) {
      out.byline = cleanPeople(text);
      return set(out, 'byline');
    }
  }
  for (const p of r.datelines) {
    const m = p.exec(text);
    if (!m?.groups?.dateline) continue;
    const rest = text.slice(m[0].length).trim();
    out.dateline = tidy(m.groups.dateline);
    out.lead = m[0].trim();
    if (m.groups.byline) out.byline = cleanPeople(m.groups.byline);
    if (!rest) return set(out, 'byline');
    out.text = rest;
    return out;
  }
  if (r.captionTail.test(text)) {
    const m = r.captionCredit.exec(text);
    if (m?.groups?.credit && m.groups.text?.trim()) {
      out.text = m.groups.text.trim();
      out.credit = cleanPeople(m.groups.credit);
      return set(out, 'caption');
    }
  }
  if ((item.hint === 'caption' && text.length <= r.maxCaption) || r.captionLead.test(text)) return set(out, 'caption');
  if (r.noticeBody.test(text)) return set(out, 'notice');
  if (short && r.mastheadWeak.some((p) => p.test(text))) out.weakMasthead = true;
  if (item.hint === 'byline' && text.length <= 40) {
    out.byline = cleanPeople(text);
    return set(out, 'byline');
  }
  if (headlineShaped(text, r, item.hint) || dashKicker(text, r)) return set(out, 'heading');
  return out;
}

/**
 * A kicker that hands over to its headline with a dash (青海民和回族土族自治县河东村——): a
 * headline's shape before the dash, a clause break allowed as in a marked-up title. Context keeps it
 * only over a headline.
 */
export function dashKicker(text: string, r: LanguageRules): boolean {
  const m = r.dashKicker?.exec(text);
  return !!m?.groups?.text && headlineShaped(m.groups.text, r, 'title') && m.groups.text.length <= r.maxHeading;
}

/**
 * `out` as a `kind`. Fields are set one by one by the caller: Object.assign of a literal was a
 * third of this stage's time (the generic path, per block). A module function, not a closure.
 */
function set(out: Item, kind: Kind): Item {
  out.kind = kind;
  return out;
}

const TABLES = Object.values(RULES);
/** Each table first, then the others (built once, not per block). */
const OWN_FIRST = new Map(TABLES.map((own) => [own, [own, ...TABLES.filter((t) => t !== own)]]));

/** Which furniture a short line is ('page-header', 'editor', 'masthead'), by any language's table, own first. */
function furnitureOf(text: string, own: LanguageRules): string | null {
  for (const r of OWN_FIRST.get(own) ?? [own, ...TABLES.filter((t) => t !== own)]) {
    if (r.pageHeader.some((p) => p.test(text))) return 'page-header';
    if (r.editor.some((p) => p.test(text))) return 'editor';
    if (r.mastheadStrong.some((p) => p.test(text))) return 'masthead';
  }
  return null;
}

/** OCR debris (`L ' "`) is never a headline: it needs at least two letters. */
const TWO_LETTERS = /\p{L}[^]*?\p{L}/u;

/** Short, no sentence punctuation inside, and not ending like a sentence or mid-clause. */
export function headlineShaped(text: string, r: LanguageRules, hint?: string): boolean {
  const hinted = hint === 'title' || hint === 'kicker' || hint === 'subtitle' || hint === 'heading';
  const max = hinted ? r.maxHeading * 2 : r.maxHeading;
  if (text.length > max || text.length < 2) return false;
  if (!TWO_LETTERS.test(text)) return false;
  if (endsContinuing(text, r)) return false;
  if (!hinted && text.length > r.maxHeadingWithClause && r.clauseBreak.test(text)) return false;
  if (r.notInHeading.test(text)) return false;
  if (endsSentence(text, r)) {
    // Headlines may end with ？ or ！, never with 。
    if (!/[？！?!]$/.test(text.replace(r.closers, ''))) return false;
  }
  if (r.headingShape && !r.headingShape.test(text)) return hinted;
  return true;
}

/**
 * Shaped like a headline once an article's lead is known to follow it: a clause break allowed at
 * any length (as for a marked-up title), but no longer than a headline (a longer line without an
 * end is more likely a paragraph cut at the column's foot).
 */
export function leadHeadline(item: Pick<Item, 'text' | 'lang'>): boolean {
  const r = RULES[item.lang];
  return item.text.length <= r.maxHeading && headlineShaped(item.text, r, 'title');
}

/**
 * "（通讯员 王娜  记者 丁彬彬）" → "通讯员 王娜 记者 丁彬彬"; "□张三（某医院）" → "张三（某医院）": the
 * marker and brackets around the whole line go, an affiliation's own brackets stay.
 */
export function cleanPeople(text: string): string {
  let t = text.replace(/^[■□●▲◆○◎\s]+/, '').trim();
  if (/^[(（]/.test(t)) t = t.replace(/^[(（\s]+/, '');
  if (/[)）]$/.test(t) && count(t, /[)）]/g) > count(t, /[(（]/g)) t = t.replace(/[)）\s]+$/, '');
  return tidy(t);
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

function pageLabel(page: string, lang: string): string {
  return lang === 'zh' ? `第${page}版` : `page ${page}`;
}

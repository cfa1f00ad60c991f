// Item[] → Item[]: each block classified on its own by the language's rule table (marker, page
// header, editor, masthead, notice, byline/dateline, credit, caption, headline-shaped, paragraph).
import type { Item, Kind } from '../item';
import { RULES, type LanguageRules } from '../rules';
import { endsContinuing, endsSentence, tidy } from '../text';

export function classify(items: Item[]): Item[] {
  return items.map((item) => classifyOne(item, RULES[item.lang]));
}

function classifyOne(item: Item, r: LanguageRules): Item {
  const text = item.text;
  const out: Item = { ...item, kind: 'paragraph' };
  const short = text.length <= 80;
  // A single character is text whatever it is (and 100,000 of them must stay cheap).
  if (text.length < 2) return out;

  if (short) {
    // Furniture is recognised whatever the line's script (网址:www… is mostly Latin).
    const f = furnitureKind(text, r);
    if (f) return set(out, f.kind, f.extra);
    const m = r.marker.exec(text);
    if (m) return set(out, 'marker', m.groups?.to ? { continuedOn: pageLabel(m.groups.to, item.lang) } : {});
    if (r.noticeHead.test(text.replace(/\s+/g, ''))) return set(out, 'notice-head');
    if (r.byline.test(text)) return set(out, 'byline', { byline: cleanPeople(text) });
    const credit = r.creditOnly.exec(text);
    if (credit?.groups?.credit) return set(out, 'credit', { credit: cleanPeople(credit.groups.credit) });
  }
  for (const p of r.datelines) {
    const m = p.exec(text);
    if (!m?.groups?.dateline) continue;
    const rest = text.slice(m[0].length).trim();
    const found: Partial<Item> = { dateline: tidy(m.groups.dateline), lead: m[0].trim() };
    if (m.groups.byline) found.byline = cleanPeople(m.groups.byline);
    if (!rest) return set(out, 'byline', found);
    return set(out, 'paragraph', { ...found, text: rest });
  }
  if (r.captionTail.test(text)) {
    const m = r.captionCredit.exec(text);
    if (m?.groups?.credit && m.groups.text?.trim()) {
      return set(out, 'caption', { text: m.groups.text.trim(), credit: cleanPeople(m.groups.credit) });
    }
  }
  if (item.hint === 'caption' || r.captionLead.test(text)) return set(out, 'caption');
  if (r.noticeBody.test(text)) return set(out, 'notice');
  if (short && r.mastheadWeak.some((p) => p.test(text))) out.weakMasthead = true;
  if (item.hint === 'byline' && text.length <= 40) return set(out, 'byline', { byline: cleanPeople(text) });
  if (headlineShaped(text, r, item.hint)) return set(out, 'heading');
  return out;
}

/**
 * `out` as a `kind` with `extra` fields. A module function, not a closure made per block: a closure
 * per call costs an allocation (and, under tsx's keepNames, a defineProperty of its name).
 */
function set(out: Item, kind: Kind, extra?: Partial<Item>): Item {
  out.kind = kind;
  return extra ? Object.assign(out, extra) : out;
}

const TABLES = Object.values(RULES);
/** Each table first, then the others (built once, not per block). */
const OWN_FIRST = new Map(TABLES.map((own) => [own, [own, ...TABLES.filter((t) => t !== own)]]));

function furnitureKind(text: string, own: LanguageRules): { kind: Kind; extra: Partial<Item> } | null {
  for (const r of OWN_FIRST.get(own) ?? [own, ...TABLES.filter((t) => t !== own)]) {
    if (r.pageHeader.some((p) => p.test(text))) return { kind: 'boilerplate', extra: { furniture: 'page-header' } };
    if (r.editor.some((p) => p.test(text))) return { kind: 'boilerplate', extra: { furniture: 'editor' } };
    if (r.mastheadStrong.some((p) => p.test(text))) return { kind: 'boilerplate', extra: { furniture: 'masthead' } };
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

/** "（通讯员 王娜  记者 丁彬彬）" → "通讯员 王娜 记者 丁彬彬". */
export function cleanPeople(text: string): string {
  return tidy(text.replace(/^[■□●▲◆(（\s]+|[)）\s]+$/g, ''));
}

function pageLabel(page: string, lang: string): string {
  return lang === 'zh' ? `第${page}版` : `page ${page}`;
}

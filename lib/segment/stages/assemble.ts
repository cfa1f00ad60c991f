// Working → articles + removed: a title (with kicker/subtitle) opens an article, its byline/dateline
// attach to it, body runs to the next title (closing lines — a note in brackets, a sign-off — are its
// last paragraphs); captions, notices and adverts come out as their own
// kinds; everything taken out is listed with its reason. An article that stops mid-sentence or says
// 下转 is truncated.
import type { Article, Removed } from '../../types';
import type { Item, Working } from '../item';
import { RULES } from '../rules';
import { endsMidSentence } from '../text';

export function assemble(w: Working): { articles: Article[]; removed: Removed[] } {
  const articles: Article[] = [];
  const removed: Removed[] = [];
  let cur: Article | null = null;
  // Per article, its body's length after its last closing line (a note in brackets, a sign-off): an
  // article whose text ends with one ends as printed.
  const closedAt = new Map<Article, number>();
  // A photo's title lines, for the caption under them (context: 'caption-title').
  const photoTitle: string[] = [];

  for (const it of w.items) {
    if (it.removed) {
      removed.push({ text: shownText(it), reason: it.removed.reason, ...rest(it) });
      continue;
    }
    switch (it.kind) {
      case 'kicker':
        cur = open(articles, 'article');
        cur.kicker = it.text;
        break;
      case 'title':
      case 'heading':
        if (cur && cur.kind === 'article' && cur.kicker && !cur.title && fresh(cur)) cur.title = it.text;
        else cur = open(articles, 'article', it.text);
        break;
      case 'subtitle':
        if (cur && cur.title && !cur.subtitle && fresh(cur)) cur.subtitle = it.text;
        else (cur ??= open(articles, 'article')).body.push({ type: 'subhead', text: it.text });
        break;
      case 'subhead':
        if (cur) cur.body.push({ type: 'subhead', text: it.text });
        else cur = open(articles, 'article', it.text);
        break;
      case 'byline': {
        const a = cur && fresh(cur) ? cur : null;
        if (a) {
          a.byline = it.byline ?? null;
          a.dateline = it.dateline ?? null;
        } else (cur ??= open(articles, 'article')).body.push({ type: 'paragraph', text: shownText(it) });
        break;
      }
      case 'paragraph': {
        // A dateline after the text of an untitled dispatch opens the next dispatch; under a headline
        // (a roundup of several dispatches) it stays in the article.
        if (it.dateline && cur && cur.body.length > 0 && !cur.title) cur = open(articles, 'article');
        const a = (cur ??= open(articles, 'article'));
        // The article's first paragraph opens with its dateline (also when a byline line above it
        // printed the same dateline or the same people): the dateline and people go to the
        // article, the text to the body once. Other people named there keep the paragraph as printed.
        if (it.dateline && a.body.length === 0 && (!a.dateline || a.dateline === it.dateline)) {
          a.dateline = it.dateline;
          if (it.byline && a.byline && a.byline !== it.byline) a.body.push({ type: 'paragraph', text: shownText(it) });
          else {
            if (it.byline) a.byline = it.byline;
            a.body.push({ type: 'paragraph', text: it.text });
          }
        } else a.body.push({ type: 'paragraph', text: shownText(it) });
        if (it.continuedOn) a.continuedOn = it.continuedOn;
        break;
      }
      case 'caption-title':
        photoTitle.push(it.text);
        break;
      case 'caption': {
        const c = open(articles, 'caption');
        if (photoTitle.length) {
          // One line: the title; two: kicker and title.
          c.title = photoTitle[photoTitle.length - 1]!;
          if (photoTitle.length > 1) c.kicker = photoTitle.slice(0, -1).join(' ');
          photoTitle.length = 0;
        }
        if (it.text) c.body.push({ type: 'paragraph', text: it.text });
        c.credit = it.credit ?? null;
        break;
      }
      case 'credit': {
        const c = open(articles, 'caption');
        c.credit = it.credit ?? null;
        break;
      }
      case 'notice-head':
        cur = open(articles, 'notice', it.text);
        break;
      case 'notice':
        if (!cur || cur.kind !== 'notice') cur = open(articles, 'notice');
        cur.body.push({ type: 'paragraph', text: it.text });
        break;
      case 'advert':
        open(articles, 'advert', it.text);
        cur = null;
        break;
      case 'closing': {
        const a = (cur ??= open(articles, 'article'));
        a.body.push({ type: 'paragraph', text: it.text });
        closedAt.set(a, a.body.length);
        break;
      }
      default:
        (cur ??= open(articles, 'article')).body.push({ type: 'paragraph', text: it.text });
    }
  }
  for (const e of w.extras) {
    const r: Removed = { text: e.text, reason: e.reason, detail: e.detail, source: e.source };
    if (e.duplicateOf) r.duplicateOf = e.duplicateOf;
    removed.push(r);
  }
  removed.sort((a, b) => (a.source ?? 0) - (b.source ?? 0));
  for (const a of articles) markTruncated(a, closedAt.get(a) === a.body.length);
  return { articles, removed };
}

// open/fresh are module functions, not closures made per call (under tsx's keepNames each closure
// also costs a defineProperty of its name).

/** A new article of `kind`, appended to `articles`. */
function open(articles: Article[], kind: Article['kind'], title = ''): Article {
  const a = blank(kind, title);
  articles.push(a);
  return a;
}

/** Nothing attached yet: a byline, dateline or subtitle may still join the headline. */
function fresh(a: Article): boolean {
  return a.body.length === 0 && !a.byline && !a.dateline;
}

function blank(kind: Article['kind'], title: string): Article {
  return { kind, kicker: null, title, subtitle: null, byline: null, dateline: null, body: [], credit: null, truncated: false, continuedOn: null };
}

function rest(it: Item): Pick<Removed, 'duplicateOf' | 'detail' | 'source'> {
  const r: Pick<Removed, 'duplicateOf' | 'detail' | 'source'> = { detail: it.removed!.detail, source: it.source };
  if (it.removed!.duplicateOf !== undefined) r.duplicateOf = it.removed!.duplicateOf;
  return r;
}

/** The item's text as printed: dateline and byline brackets put back, credits after captions. */
function shownText(it: Item): string {
  let lead = '';
  if (it.lead) lead = it.lead;
  else if (it.dateline) lead = it.byline ? `${it.dateline}(${it.byline})` : it.dateline;
  else if (it.kind === 'byline' && it.byline) lead = it.byline;
  if (it.kind === 'byline') return it.text || lead;
  const credit = it.credit ? (it.lang === 'zh' ? ` ${it.credit} 摄` : ` Photo by ${it.credit}`) : '';
  return (lead ? lead + (it.lang === 'zh' ? '' : ' ') : '') + it.text + credit;
}

function markTruncated(a: Article, closed: boolean): void {
  if (a.continuedOn) {
    a.truncated = true;
    return;
  }
  if (a.kind !== 'article' || closed) return;
  const last = a.body[a.body.length - 1];
  if (!last || last.type !== 'paragraph') return;
  const lang = /[\u4e00-\u9fff]/.test(last.text) ? 'zh' : 'en';
  a.truncated = endsMidSentence(last.text, RULES[lang]);
}

// The working record the stages pass along: one per text block, plus what the rules learnt about it.
import type { BlockHint, RemovedReason } from '../types';
import type { Lang } from './rules';

export type Kind =
  | 'title'
  | 'kicker'
  | 'subtitle'
  | 'heading' // headline-shaped, not yet decided (title, subhead or slogan)
  | 'subhead'
  | 'closing' // an article's closing line: a note in brackets (（某某参与采写）), a sign-off (——编 者, 习近平)
  | 'caption-title' // the title of a photo printed over its caption (图片新闻), with no article text of its own
  | 'byline'
  | 'credit'
  | 'paragraph'
  | 'caption'
  | 'notice-head'
  | 'notice'
  | 'advert'
  | 'marker'
  | 'boilerplate';

export interface Removal {
  reason: RemovedReason;
  detail: string;
  duplicateOf?: string;
}

export interface Item {
  /** Display text (the page's own punctuation). */
  text: string;
  kind: Kind;
  lang: Lang;
  /** Index of the input block the text came from. */
  source: number;
  hint?: BlockHint;
  /** 本报讯 / 新华社…电 part opening this block (bylines and first paragraphs). */
  dateline?: string;
  /** The dateline as printed (`【新华社X地X日电】`, `本报讯（记者 X）`), to show it back in place. */
  lead?: string;
  /** People named by a byline block or a dateline's brackets. */
  byline?: string;
  /** Captions: the photographers. */
  credit?: string;
  /** Markers and paragraphs that say 下转第X版: "第X版". */
  continuedOn?: string;
  /** Set when the rules take the item out of the page. */
  removed?: Removal;
  /** Boilerplate: which furniture ('masthead', 'page-header', 'editor'). */
  furniture?: string;
  /** A paper-name line: masthead only when it stands next to other masthead lines. */
  weakMasthead?: boolean;
  /** Set by dedupe: index of the kept item this one repeats (removed or not). */
  dupOf?: number;
}

/**
 * A copy of `it` that holds every Item field, undefined where unset (`satisfies` makes sure none
 * is forgotten); new items are made by it too. Stages copy items rather than mutate their input;
 * one object shape for all items keeps V8's property stores on its fast path (fields added one by
 * one to spread copies were each a slow store, a third of some stages' time).
 */
export function copyItem(it: Item): Item {
  const out = {
    text: it.text,
    kind: it.kind,
    lang: it.lang,
    source: it.source,
    hint: it.hint,
    dateline: it.dateline,
    lead: it.lead,
    byline: it.byline,
    credit: it.credit,
    continuedOn: it.continuedOn,
    removed: it.removed,
    furniture: it.furniture,
    weakMasthead: it.weakMasthead,
    dupOf: it.dupOf,
  } satisfies Record<keyof Item, unknown>;
  return out as Item;
}

/**
 * A stage's working list: the input's items, each copied only when the stage first changes it
 * (input items are never mutated; most items pass a stage unchanged, and a copy of every item per
 * stage was garbage the collector had to move on large pages).
 */
export class Draft {
  readonly items: Item[];
  private readonly copied: Uint8Array;
  constructor(src: readonly Item[]) {
    this.items = src.slice();
    this.copied = new Uint8Array(src.length);
  }
  /** Item `i`, writable: a copy the first time. */
  edit(i: number): Item {
    if (!this.copied[i]) {
      this.items[i] = copyItem(this.items[i]!);
      this.copied[i] = 1;
    }
    return this.items[i]!;
  }
}

/** A copy of `it` with another text. */
export function withText(it: Item, text: string): Item {
  const out = copyItem(it);
  out.text = text;
  return out;
}

/** Stages that also report extra removals (a stutter inside a paragraph, a marker at a paragraph's end). */
export interface Extra {
  text: string;
  reason: RemovedReason;
  detail: string;
  duplicateOf?: string;
  source: number;
}

export interface Working {
  items: Item[];
  extras: Extra[];
  /** The page holds one article (lib/extract's pageType 'article'): later headlines are its subheads. */
  single?: boolean;
}

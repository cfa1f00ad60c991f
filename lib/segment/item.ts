// The working record the stages pass along: one per text block, plus what the rules learnt about it.
import type { BlockHint, RemovedReason } from '../types';
import type { Lang } from './rules';

export type Kind =
  | 'title'
  | 'kicker'
  | 'subtitle'
  | 'heading' // headline-shaped, not yet decided (title, subhead or slogan)
  | 'subhead'
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

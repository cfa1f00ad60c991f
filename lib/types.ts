// Core data types shared by lib/extract, lib/segment, lib/store and the UI.
// The shapes follow ../shared/DESIGN.md ("Core types"); the CLI prints CleanPage as JSON.

/** What the page's markup suggests a block is; the rules may use it but must not blindly trust it. */
export type BlockHint = 'title' | 'kicker' | 'subtitle' | 'byline' | 'caption' | 'heading' | 'text';

/** One text block of a page, in reading (DOM/text) order. */
export interface Block {
  text: string;
  hint?: BlockHint;
  /** DOM/text order of the block on the page. */
  source?: number;
}

export type PageType = 'article' | 'layout' | 'text';

export interface PageLink {
  title: string;
  url: string;
}

/** A page as lib/extract reads it: metadata + blocks. */
export interface SourcePage {
  url?: string;
  paper?: string;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  /** 版次 and its name, e.g. "A01 头版". */
  page?: string;
  /** Template id, e.g. "founder-classic", "generic". */
  template?: string;
  pageType?: PageType;
  /** Layout pages: the page's articles, absolute URLs. */
  links?: PageLink[];
  blocks: Block[];
}

export type ArticleKind = 'article' | 'caption' | 'notice' | 'advert';

export interface BodyItem {
  type: 'paragraph' | 'subhead';
  text: string;
}

/** One clean article (or caption / notice / advert) of a page. */
export interface Article {
  kind: ArticleKind;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  /** The people: "通讯员 王娜 记者 丁彬彬". */
  byline: string | null;
  /** The agency/place part: "本报讯", "新华社北京11月5日电". */
  dateline: string | null;
  body: BodyItem[];
  /** Captions: the photographers, "章善玉 吴泽宁". */
  credit: string | null;
  truncated: boolean;
  /** "第2版" from 下转第2版. */
  continuedOn: string | null;
}

export type RemovedReason = 'duplicate' | 'boilerplate' | 'marker';

/** Text the rules took out of the page, and why. */
export interface Removed {
  text: string;
  reason: RemovedReason;
  /** For duplicates: (the start of) the kept text it repeats. */
  duplicateOf?: string;
  /** Finer label for the UI, e.g. "masthead", "page-header", "editor", "stutter", "continuation". */
  detail?: string;
  /** Index in the input blocks where the removed text stood (for showing it in place). */
  source?: number;
}

export interface CleanPage {
  source: Omit<SourcePage, 'blocks'>;
  articles: Article[];
  removed: Removed[];
}

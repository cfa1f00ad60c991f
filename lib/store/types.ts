// The clip store's public contract, shared by the background, the side panel and tests.
// lib/store/index.ts implements these functions over Dexie (see the store issue).
import type { Article, ArticleKind } from '../types';

/** A saved article: everything an Article has, plus where it came from and the user's notes. */
export interface Clip extends Article {
  id: string;
  url: string | null;
  paper: string | null;
  /** ISO date YYYY-MM-DD of the paper's issue. */
  date: string | null;
  /** 版次, e.g. "A01 头版". */
  page: string | null;
  /** ms since epoch. */
  savedAt: number;
  updatedAt: number;
  tags: string[];
  note: string;
  /** Dedupe key (see lib/store); same key → same clip, updated instead of duplicated. */
  key: string;
  /** ms since epoch when moved to trash; null when live. */
  deletedAt: number | null;
}

/** What a caller hands to saveClips: an article and its page's metadata. */
export interface ClipInput extends Article {
  url?: string | null;
  paper?: string | null;
  date?: string | null;
  page?: string | null;
  tags?: string[];
  note?: string;
}

export interface SaveResult {
  /** One entry per input, in order. */
  results: { id: string; status: 'added' | 'updated' }[];
}

export type ClipPatch = Partial<Pick<Clip, 'tags' | 'note' | 'title' | 'kicker' | 'subtitle' | 'byline' | 'dateline' | 'body' | 'credit'>>;

export interface SearchFilters {
  paper?: string;
  /** Inclusive ISO dates. */
  dateFrom?: string;
  dateTo?: string;
  tag?: string;
  kind?: ArticleKind;
  /** Search the trash instead of live clips. */
  trash?: boolean;
}

/**
 * How a list without a query is ordered: `saved`, newest saved first; `issue`, by newspaper issue —
 * newest issue date first (undated last), papers of a date in Chinese collation order, and within an
 * issue the order the clips were saved in. Search results are always ranked.
 */
export type ListOrder = 'saved' | 'issue';

export interface PageRequest {
  offset?: number;
  limit?: number;
  /** listRecent's order (default `saved`). */
  order?: ListOrder;
}

/** Where a match is: field name and UTF-16 offsets into that field's text (body fields are "body.N"). */
export interface Highlight {
  field: string;
  start: number;
  end: number;
}

export interface Snippet {
  field: string;
  /** Plain text excerpt (never HTML). */
  text: string;
  /** Offsets into `text` to mark. */
  marks: { start: number; end: number }[];
}

export interface SearchHit {
  clip: Clip;
  score: number;
  snippet: Snippet | null;
  highlights: Highlight[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Query terms as parsed, for the UI's help line. */
  parsed: { terms: string[]; phrases: string[]; excluded: string[] };
}

export interface ListResult {
  total: number;
  clips: Clip[];
}

export interface ImportReport {
  added: number;
  updated: number;
  skipped: { index: number; reason: string }[];
}

export interface StoreStats {
  clips: number;
  trash: number;
  papers: { paper: string; count: number }[];
  tags: { tag: string; count: number }[];
  oldest: string | null;
  newest: string | null;
}

/** JSON export envelope. */
export interface ExportEnvelope {
  format: 'epaper-reader-clips';
  version: number;
  exportedAt: number;
  clips: Clip[];
}

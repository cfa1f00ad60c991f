// (a paged fetch, a key for what is asked, the visible index range) → live rows around the visible range
// of a long list. Only a few pages around the viewport are read; the read is a Dexie live query, so saves,
// edits and deletes from anywhere (the background, another tab) show up without a reload. When the key
// changes the old subscription is dropped (stale results never land) and the previous rows stay on
// screen, flagged stale, until the new ones arrive.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Clip, Highlight, SearchResult, Snippet } from '../../lib/store/types';

export interface Row {
  clip: Clip;
  snippet: Snippet | null;
  highlights: Highlight[];
}

export interface WindowPage {
  total: number;
  rows: Row[];
  parsed?: SearchResult['parsed'];
}

export type FetchWindow = (offset: number, limit: number) => Promise<WindowPage>;

export interface LiveWindow {
  /** Rows in the query, or undefined before the first answer. */
  total: number | undefined;
  row(index: number): Row | undefined;
  parsed: SearchResult['parsed'] | undefined;
  /** The rows shown belong to an older key (the new query is still running). */
  stale: boolean;
  error: string | null;
}

/** Rows per read; a window is the visible rows plus one page before and at least one after. */
export const PAGE_SIZE = 24;

type Answer = { key: string; from: number; page: WindowPage | null; error: string | null };

export function useLiveWindow(fetchWindow: FetchWindow, key: string, first: number, last: number): LiveWindow {
  // One page of slack before and after the viewport; page-aligned so small scrolls reuse the query.
  const from = Math.max(0, (Math.floor(first / PAGE_SIZE) - 1) * PAGE_SIZE);
  const to = (Math.floor(Math.max(first, last) / PAGE_SIZE) + 2) * PAGE_SIZE;
  const answer = useLiveQuery<Answer>(
    async () => {
      try {
        return { key, from, page: await fetchWindow(from, to - from), error: null };
      } catch (e) {
        return { key, from, page: null, error: e instanceof Error ? e.message : String(e) };
      }
    },
    [fetchWindow, key, from, to],
  );
  const page = answer?.page ?? null;
  return {
    total: page?.total,
    row: (i) => (page && answer ? page.rows[i - answer.from] : undefined),
    parsed: page?.parsed,
    stale: !answer || answer.key !== key,
    error: answer?.error ?? null,
  };
}

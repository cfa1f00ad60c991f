// (a paged fetch, a total known from elsewhere, a key for what is asked, the visible index range) → live
// rows around the visible range of a long list. Only the rows near the viewport are read; reads are Dexie
// live queries, so saves, edits and deletes from anywhere (the background, another tab) show up without
// a reload. When the key changes the old subscriptions are dropped (stale results never land) and the
// previous rows stay on screen, flagged stale, until the new ones arrive. A list whose pages carry no
// total (the plain newest-first list is read without counting) shows its first rows at once and learns
// its size from `knownTotal` (useDeferredCount) when that answers.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Clip, Highlight, SearchResult, Snippet } from '../../lib/store/types';
import { afterPaint } from './schedule';

export interface Row {
  clip: Clip;
  snippet: Snippet | null;
  highlights: Highlight[];
}

export interface WindowPage {
  /** Rows in the whole query, when the fetch knows it cheaply (search does). */
  total?: number;
  rows: Row[];
  parsed?: SearchResult['parsed'];
}

export type FetchWindow = (offset: number, limit: number) => Promise<WindowPage>;

export interface LiveWindow {
  /** Rows in the query, once known. */
  total: number | undefined;
  /** Rows the list can show now: the total, or while it is counted, the rows read so far. */
  count: number | undefined;
  row(index: number): Row | undefined;
  parsed: SearchResult['parsed'] | undefined;
  /** The rows shown belong to an older key (the new query is still running). */
  stale: boolean;
  error: string | null;
}

/** Reads are aligned to this many rows, with one step of slack before the viewport and a little after. */
export const STEP = 10;
/** Rows read past the last visible one. Small: every hit a search loads costs (clip read + snippet). */
export const AHEAD = 2;

type Answer = { key: string; from: number; page: WindowPage | null; error: string | null };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * `first`..`last`: the rows rendered (with the list's overscan); `fits`: how many rows the viewport
 * shows. A new key (a new query: the list goes back to its top) first reads only the rows that fit,
 * the least a first frame of results needs (each clip read cold costs ~1 ms at 100k clips), then its
 * usual window once that answer has been painted. Widened at once, the window's read (20 clips, half
 * of them read cold, their snippets) ran on the page's thread between the first answer and its frame:
 * measured at 100k clips, that frame came 20–40 ms late on a keystroke's slowest results.
 */
export function useLiveWindow(
  fetchWindow: FetchWindow,
  knownTotal: number | undefined,
  key: string,
  first: number,
  last: number,
  fits?: number,
  seed?: Seed,
): LiveWindow {
  const [settled, setSettled] = useState<string | null>(null);
  const seeded = useSeed(seed);
  const known = settled === key;
  const from = known ? Math.max(0, Math.floor((first - STEP) / STEP) * STEP) : 0;
  const to = known ? Math.ceil((Math.max(first, last) + 1 + AHEAD) / STEP) * STEP : Math.max(1, fits ?? 2 * STEP);
  const live = useLiveQuery<Answer>(
    async () => {
      try {
        return { key, from, page: await fetchWindow(from, to - from), error: null };
      } catch (e) {
        return { key, from, page: null, error: message(e) };
      }
    },
    [fetchWindow, key, from, to],
  );
  const answered = !!live && live.key === key;
  useEffect(() => {
    if (!answered || known) return;
    return afterPaint(() => setSettled(key));
  }, [answered, known, key]);
  // Until the live query first answers, the seed's rows (same key) stand in for it.
  const answer = live ?? (seeded && seeded.key === key ? seeded : undefined);
  const page = answer?.page ?? null;
  const fresh = !!answer && answer.key === key;
  const total = page ? (page.total ?? knownTotal) : undefined;
  const count = total ?? (page && answer ? (page.rows.length === 0 && answer.from === 0 ? 0 : answer.from + page.rows.length) : undefined);
  return {
    total,
    count,
    row: (i) => (page && answer ? page.rows[i - answer.from] : undefined),
    parsed: page?.parsed,
    stale: !fresh,
    error: answer?.error ?? null,
  };
}

/**
 * Rows read before the list mounted (the panel's entry starts reading the newest clips while React
 * renders its first frame; a live query starts only after that frame is painted), for one key.
 */
export interface Seed {
  key: string;
  page: Promise<WindowPage>;
}

function useSeed(seed: Seed | undefined): Answer | null {
  const [seeded, setSeeded] = useState<Answer | null>(null);
  useEffect(() => {
    if (!seed) return;
    let on = true;
    seed.page.then(
      (page) => on && setSeeded({ key: seed.key, from: 0, page, error: null }),
      () => undefined, // the live query reads again and reports the error
    );
    return () => {
      on = false;
    };
  }, [seed]);
  return seeded;
}

/**
 * A live count that starts only once `ready` has been true (the first rows are in: the database serves
 * requests in order, and a count queued ahead of the first page would hold the first render back; the
 * store's count walked every clip until schema v5 kept it, and is one read now) and then stays
 * subscribed, so it is recounted when clips change, not each time the query changes.
 */
export function useDeferredCount(count: (() => Promise<number>) | null, ready: boolean): number | undefined {
  const [started, setStarted] = useState(false);
  if (ready && !started) setStarted(true);
  return useLiveQuery(async () => (count && started ? count().catch(() => undefined) : undefined), [count, started]);
}

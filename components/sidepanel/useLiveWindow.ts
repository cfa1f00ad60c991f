// (a paged fetch, a total known from elsewhere, a key for what is asked, the visible index range) → live
// rows around the visible range of a long list. Only the rows near the viewport are read; they are read
// again whenever clips change anywhere (a save from the background, an edit in another tab: the store's
// onClipsChanged), so the list follows without a reload. When the key changes the old reads are dropped
// (stale results never land) and the previous rows stay on screen, flagged stale, until the new ones
// arrive. A list whose pages carry no total (the plain newest-first list is read without counting)
// shows its first rows at once and learns its size from `knownTotal` (useDeferredCount) when that answers.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useLayoutEffect, useState, type DependencyList } from 'react';
import { flushSync } from 'react-dom';
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

/** Subscribes a listener to changes of the clips; returns its unsubscribe (PanelData.onClipsChanged). */
export type OnChange = (listener: () => void) => () => void;

export interface WindowRequest {
  fetchWindow: FetchWindow;
  /** The list's size when its pages do not carry it. */
  knownTotal: number | undefined;
  /** What is asked (a query and its filters): a new key starts at the top, with new reads. */
  key: string;
  /** The rows rendered (with the list's overscan). */
  first: number;
  last: number;
  /** How many rows the viewport shows. */
  fits?: number;
  seed?: Seed;
  /** Where changes to the clips are announced (without it the rows are read once per key and window). */
  changes?: OnChange;
}

/**
 * A new key first reads only the rows that fit (`fits`), the least a first frame of results needs
 * (each clip read cold costs ~1 ms at 100k clips), then its usual window once that answer has been
 * painted. Widened at once, the window's read (20 clips, half of them read cold, their snippets) ran
 * on the page's thread between the first answer and its frame: measured at 100k clips, that frame
 * came 20–40 ms late on a keystroke's slowest results.
 */
export function useLiveWindow({ fetchWindow, knownTotal, key, first, last, fits, seed, changes }: WindowRequest): LiveWindow {
  const [settled, setSettled] = useState<string | null>(null);
  const seeded = useSeed(seed);
  const known = settled === key;
  const from = known ? Math.max(0, Math.floor((first - STEP) / STEP) * STEP) : 0;
  const to = known ? Math.ceil((Math.max(first, last) + 1 + AHEAD) / STEP) * STEP : Math.max(1, fits ?? 2 * STEP);
  const live = useLiveRead<Answer>(
    async () => {
      try {
        return { key, from, page: await fetchWindow(from, to - from), error: null };
      } catch (e) {
        return { key, from, page: null, error: message(e) };
      }
    },
    [fetchWindow, key, from, to],
    changes,
  );
  const answered = !!live && live.key === key;
  useEffect(() => {
    if (!answered || known) return;
    return afterPaint(() => setSettled(key));
  }, [answered, known, key]);
  // Until the window's own read first answers, the seed's rows (same key) stand in for it.
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
 * The latest answer of `read`: read when `deps` change and again on each change `changes` announces
 * (changes arriving while a read runs make one more read after it). An answer for older deps is
 * dropped; until the new one arrives the previous answer stays.
 *
 * Not a Dexie live query, for a keystroke's sake. liveQuery starts its reader from a timer task
 * (setTimeout 0 once subscribed, and React subscribes in a passive effect): behind the input's own
 * frame, that put 2–8 ms between the keystroke's render and its search at 100k clips. Here the read
 * starts in the layout phase of the render that asked for it, and its answer is rendered as soon as it
 * arrives (flushSync), not from a later scheduler task a frame may come before. liveQuery also records
 * every key range a search reads (tens of index rows) to tell which writes touch it; a search depends
 * on the whole index, so "clips changed" (what every visible change writes) is the test used instead.
 * Measured at 100k clips, three bench runs each, alternated (2026-12-03): input → search start 0.7–0.8
 * against 3.4–5.5 ms (medians), keystroke → results median 28.0–29.8 against 32.9–36.7 ms, p95
 * 44.7–50.6 against 65.0–68.1 ms.
 */
export function useLiveRead<T>(read: () => Promise<T>, deps: DependencyList, changes?: OnChange): T | undefined {
  const [answer, setAnswer] = useState<{ value: T } | null>(null);
  const [reader] = useState(() => new Rereader<T>((value) => flushSync(() => setAnswer({ value }))));
  useLayoutEffect(() => {
    reader.start(read);
    return () => reader.drop();
    // The caller's deps say when `read` asks something new (as for useEffect); `read` itself is a new closure every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => (changes ? changes(() => reader.changed()) : undefined), [changes, reader]);
  return answer?.value;
}

/** useLiveRead's reads: one at a time per deps, the latest answer delivered. */
class Rereader<T> {
  private read: (() => Promise<T>) | null = null;
  /** The current read's number: an answer whose number is no longer current is dropped. */
  private gen = 0;
  /** The current read has not answered yet. */
  private busy = false;
  /** A change came while it ran: read once more after it. */
  private again = false;

  constructor(private readonly deliver: (value: T) => void) {}

  start(read: (() => Promise<T>) | null = this.read): void {
    if (!read) return;
    this.read = read;
    const gen = ++this.gen;
    this.busy = true;
    this.again = false;
    const done = (answered: boolean, value?: T) => {
      if (gen !== this.gen) return;
      this.busy = false;
      if (answered) this.deliver(value as T);
      if (this.again) this.start();
    };
    read().then(
      (value) => done(true, value),
      () => done(false),
    );
  }

  changed(): void {
    if (this.busy) this.again = true;
    else this.start();
  }

  /** What was asked changed, or the component unmounted: the running read's answer is not wanted. */
  drop(): void {
    this.gen++;
    this.busy = false;
  }
}

/**
 * Rows read before the list mounted (the panel's entry starts reading the newest clips while React
 * renders its first frame; the window's own read starts only once that render commits), for one key.
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
      () => undefined, // the window's own read reads again and reports the error
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

// The store API over one ClipDB: save/dedupe, edit, trash, search, list, export/import, stats.
// createStore(db) returns the API object; getStore() is the one over the extension's database.
import Dexie from 'dexie';
import { checkIndex, type CheckOptions } from './consistency';
import { ClipDB, COUNT_KEYS, TABLE_NAMES, clipCounts, clipsByState, countClipsSlowly, countRows, countsAfter, countsOfRows, defaultClipDB, putClipCounts, type ClipCounts, type StoredClip, type Tables } from './db';
import { guard, StoreError } from './errors';
import { COMPACT, compactSegments, indexClips, MERGE_AT, mergePending, retireSeqs, type CompactPolicy, type WriteTx } from './indexer';
import { clipKeysOf } from './key';
import { parseQuery, type ParsedQuery } from './query';
import { charClass, docTerms, type DocTerms } from './tokens';
import { issueTop, listOrder, paperCounts, rankDocs, readAheadRows, warmColumns, warmRankingOnce, type RankedDoc } from './search';
import { highlightsOf, nextChars, snippetOf } from './snippet';
import { ArticleSchema, ClipSchema, clipsToMarkdown, envelopeOf, EnvelopeSchema, reasonOf } from './transfer';
import type {
  Clip,
  ClipInput,
  ClipPatch,
  ExportEnvelope,
  ImportReport,
  ListOrder,
  ListResult,
  PageRequest,
  SaveResult,
  SearchFilters,
  SearchResult,
  StoreStats,
} from './types';

/** Trashed clips are deleted for good after this long. */
export const TRASH_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_LIMIT = 20;
/** From this offset on, the newest-first list is read in its order computed from the index (see listOrder), not by an index cursor. */
export const DEEP_LIST = 200;
/** How many guesses of the next character readAhead reads for (each a bigram's rows, ~15–25 ms read cold at 100k clips, in idle time). */
export const READ_AHEAD_CHARS = 2;

/** What a parsed query asks, as a string (the words it includes and excludes, folded). */
const queryKey = (q: ParsedQuery) => JSON.stringify([q.include.map((i) => [i.folded, i.phrase]), q.exclude.map((i) => i.folded)]);

export interface StoreOptions {
  /** Clock (tests pin it). */
  now?: () => number;
  /** New clip ids (tests pin them). */
  newId?: () => string;
  /** Asks the browser to keep the database (navigator.storage.persist); called once, on the first save. */
  persist?: () => Promise<boolean>;
  /** When segments are compacted (tests use small numbers); see indexer.ts. */
  compaction?: CompactPolicy;
  /**
   * Called at most every KEEP_ALIVE_MS while index maintenance runs. In an extension service
   * worker it makes an extension API call: Chrome stops a worker after 30 s without events or API
   * calls, and IndexedDB work does not count (getStore sets it up there).
   */
  keepAlive?: () => void;
  /** False: saves never start index maintenance in the background; flushIndex runs it (tests step through it by hand). */
  autoMaintain?: boolean;
}

export const KEEP_ALIVE_MS = 20_000;
/** Longest a maintenance transaction waits for this context's saves and searches to pause. */
export const MAX_DEFER_MS = 250;
/** Longest maintenance waits between two slices of its JavaScript (indexer.ts SLICE_MS) for them. */
export const SLICE_WAIT_MS = 20;

/** The fields that feed the search index: a change in any of them re-indexes the clip. */
const INDEXED = ['kind', 'kicker', 'title', 'subtitle', 'byline', 'dateline', 'body', 'credit', 'paper', 'date', 'savedAt'] as const;

/** The public Clip of a stored record (internal fields stripped). */
export function toClip(s: StoredClip): Clip {
  const { seq: _seq, live: _live, keys: _keys, ...clip } = s;
  return clip;
}

function sameIndexed(a: StoredClip, b: StoredClip): boolean {
  return INDEXED.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

function defaultPersist(): Promise<boolean> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return Promise.resolve(false);
  return storage.persisted().then((already) => already || storage.persist());
}

export type Store = ReturnType<typeof createStore>;

/** What a write reads before it writes: the last seq, the pending documents, the clip counts. */
type Counters = [seq: number, pending: number, counts: ClipCounts];

/** Local stand-in for Web Locks where they are missing (Node tests): exclusive within this realm only. */
const localLocks = new Map<string, Promise<unknown>>();

/** Runs fn holding the named lock: a Web Lock (across the extension's contexts), else a lock in this realm. */
function exclusive(name: string, fn: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(name, () => fn()).then(() => undefined);
  const run = (localLocks.get(name) ?? Promise.resolve()).catch(() => undefined).then(fn);
  localLocks.set(name, run);
  return run.finally(() => {
    if (localLocks.get(name) === run) localLocks.delete(name);
  });
}

export function createStore(db: ClipDB, options: StoreOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const persist = options.persist ?? defaultPersist;
  const compaction = options.compaction ?? COMPACT;
  const T: Tables = db;
  /**
   * Reads and writes asked for by the user (saves, edits, searches, lists) in flight in this
   * context. Index maintenance starts each of its transactions only when there are none: its work
   * between two transactions (decoding and encoding a chunk of rows) shares the thread with them, and
   * a save's five round trips each waited behind a chunk (single saves of 110–130 ms during a merge).
   */
  let active = 0;
  let idleWaiters: (() => void)[] = [];
  const track = <R>(op: () => Promise<R>): Promise<R> => {
    active++;
    return op().finally(() => {
      if (--active > 0 || idleWaiters.length === 0) return;
      const waiting = idleWaiters;
      idleWaiters = [];
      // Woken from a task of their own: resumed here, inside the finished operation's Dexie zone,
      // maintenance's next transaction became part of that operation's transaction.
      setTimeout(() => {
        if (active > 0) idleWaiters.push(...waiting); // another operation started meanwhile
        else for (const wake of waiting) wake();
      }, 0);
    });
  };
  /** Resolves once no user operation is in flight, or after `most` ms (back-to-back operations would otherwise starve maintenance). */
  const idle = (most = MAX_DEFER_MS) =>
    active === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          idleWaiters.push(resolve);
          setTimeout(resolve, most);
        });
  /** A maintenance transaction runner that lets the user's operations of this context go first. */
  const afterUser =
    (run: WriteTx): WriteTx =>
    async (fn) => {
      await idle();
      return run(fn);
    };
  const rwAll = <R>(fn: () => Promise<R>) => guard(() => db.transaction('rw', TABLE_NAMES.map((n) => db.table(n)), fn));
  const rw = <R>(fn: () => Promise<R>) => track(() => rwAll(fn));
  const rAll = <R>(fn: () => Promise<R>) => guard(() => db.transaction('r', TABLE_NAMES.map((n) => db.table(n)), fn));
  const r = <R>(fn: () => Promise<R>) => track(() => rAll(fn));
  /** Reads of the clips and meta alone (the newest-first list near its top, counts): they never wait for a maintenance transaction. */
  const rClips = <R>(fn: () => Promise<R>) => track(() => guard(() => db.transaction('r', [db.clips, db.meta], fn)));
  /**
   * Writes that never touch segment rows — fewer than MERGE_AT clips saved or edited (they go to
   * `pending`), deletes, purges — leave `postings`, `positions` and `segs` out of their scope, so
   * they run while a compaction writes or sweeps rows (its transactions hold only those tables).
   */
  const rwClips = <R>(fn: () => Promise<R>) => track(() => guard(() => db.transaction('rw', [db.clips, db.meta, db.pending, db.dead], fn)));
  const rwRows = <R>(fn: () => Promise<R>) => guard(() => db.transaction('rw', [db.postings, db.positions], fn));

  /** Replaces clips, re-indexing those whose indexed fields changed (all in the caller's transaction). */
  async function writeClips(
    updated: { before: StoredClip | null; after: StoredClip }[],
    prefetched?: Promise<Counters>,
    known?: Map<StoredClip, DocTerms>,
  ): Promise<boolean> {
    const changed = updated.filter((u) => !u.before || !sameIndexed(u.before, u.after));
    // Independent requests are issued together: each await is an IPC round trip in Chromium.
    const [seqNow, waiting, counts] = await (prefetched ?? readCounters());
    const countsNow = countsAfter(counts, updated);
    const recount = countsNow.live !== counts.live || countsNow.trash !== counts.trash;
    const first = seqNow + 1;
    const retire: number[] = [];
    changed.forEach((u, i) => {
      if (u.before) retire.push(u.before.seq);
      u.after.seq = first + i;
    });
    const metaRows = [...(changed.length ? [{ k: 'seq', v: seqNow + changed.length }] : []), ...(recount ? countRows(countsNow) : [])];
    // Every write goes out together (one round trip, not one per write).
    const [, , , mergeDue] = await Promise.all([
      metaRows.length ? T.meta.bulkPut(metaRows) : null,
      T.clips.bulkPut(updated.map((u) => u.after)),
      retireSeqs(T, retire),
      indexClips(
        T,
        changed.map((u) => u.after),
        waiting,
        known,
      ),
    ]);
    return mergeDue;
  }

  let merging: Promise<void> | null = null;
  /**
   * Index maintenance — the pending → segment merge, then segment compactions while any is due —
   * run after the save that made it due has returned, in short transactions of their own (both
   * write their rows over the row tables only, so saves go on meanwhile; see indexer.ts).
   * If one fails (database closing, quota) the index stays as it was, still complete and
   * searchable; the next save retries.
   */
  function scheduleMerge(): void {
    if (merging || options.autoMaintain === false) return;
    merging = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(maintain)
      .catch(() => undefined)
      .finally(() => {
        merging = null;
      });
  }

  let lastKeepAlive = -Infinity;
  /** A transaction runner that calls keepAlive first when KEEP_ALIVE_MS have passed since the last call. */
  const alive = (run: WriteTx): WriteTx => {
    if (!options.keepAlive) return run;
    return (fn) => {
      const t = now();
      if (t - lastKeepAlive >= KEEP_ALIVE_MS) {
        lastKeepAlive = t;
        options.keepAlive!();
      }
      return run(fn);
    };
  };

  const maintainTx = alive(afterUser(rwAll));
  const maintainRowsTx = alive(afterUser(rwRows));
  /**
   * Maintenance's pause between slices of its JavaScript: a task boundary, then this context's
   * saves and searches first, for at most SLICE_WAIT_MS (under saves and searches back to back, a
   * 4 ms slice every 250 ms would have taken a 10k archive's compaction hours).
   */
  const maintainPause = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await idle(SLICE_WAIT_MS);
  };
  async function maintain(): Promise<void> {
    // One merge or compaction at a time across the extension's pages and worker (they share the
    // database and the `meta` notes of unlisted rows); documents saved meanwhile are merged between
    // compactions, not left to pile up in `pending`.
    await exclusive(`epaper-reader/compact/${db.name}`, async () => {
      await mergePending(T, maintainTx, maintainRowsTx, maintainPause);
      while (await compactSegments(T, maintainTx, compaction, maintainRowsTx, maintainPause)) await mergePending(T, maintainTx, maintainRowsTx, maintainPause);
    });
  }

  /** Waits for scheduled maintenance and runs anything still due (tests, benchmarks, before export). */
  async function flushIndex(): Promise<void> {
    if (merging) await merging;
    await maintain();
  }

  /**
   * What is due without a save to start it (the background runs this when the browser starts and
   * when the extension is installed or updated): trash older than TRASH_DAYS is deleted for good,
   * and index maintenance runs: a merge or compaction stopped midway (the panel or worker closed)
   * is cleaned up and done again, and documents left pending are merged. Returns how many clips
   * were purged.
   */
  async function housekeeping(): Promise<{ purged: number }> {
    const purged = await purgeExpiredTrash();
    if (options.autoMaintain !== false) {
      scheduleMerge();
      await merging;
    }
    return { purged };
  }

  /** The last seq handed out, the number of pending documents and the clip counts (one read of `meta`). */
  async function readCounters(): Promise<Counters> {
    const [[seq, live, trash], waiting] = await Promise.all([T.meta.bulkGet(['seq', COUNT_KEYS.live, COUNT_KEYS.trash]), T.pending.count()]);
    return [seq?.v ?? 0, waiting, countsOfRows(live, trash) ?? (await countClipsSlowly(T))];
  }

  let persistAsked = false;
  async function askPersistence(): Promise<boolean> {
    if (persistAsked) return false;
    persistAsked = true;
    try {
      return await persist();
    } catch {
      return false;
    }
  }

  /** Save (or update, when already saved) these articles; one transaction for all of them. */
  async function saveClips(inputs: ClipInput[]): Promise<SaveResult> {
    inputs.forEach((input, i) => {
      const check = ArticleSchema.safeParse(input);
      if (!check.success) throw new StoreError('invalid', `Article ${i + 1} is not valid: ${reasonOf(check.error)}`);
    });
    let mergeDue = false;
    const result = await (inputs.length < MERGE_AT ? rwClips : rw)(async () => {
      const t = now();
      // Clips touched in this batch, by id: the stored version before the batch, and the latest.
      const touched = new Map<string, { before: StoredClip | null; after: StoredClip }>();
      const byKey = new Map<string, string>();
      const results: SaveResult['results'] = [];
      const inputKeys = inputs.map(clipKeysOf);
      // One read finds every stored clip sharing a key with any input.
      const stored = new Map<string, StoredClip>();
      const allKeys = [...new Set(inputKeys.flat())];
      const counters = readCounters();
      counters.catch(() => undefined); // awaited in writeClips; this only marks an early abort as handled
      // One range read per key, all in flight together (anyOf would walk one cursor step at a time).
      const reads = Promise.all(allKeys.map((k) => T.clips.where('keys').equals(k).toArray()));
      // A few articles (not a bulk import, whose terms would all be held at once) are tokenized
      // while those reads are in flight: the indexed text is the input's whatever they find.
      const known = inputs.length < MERGE_AT ? inputs.map((input) => docTerms(input)) : null;
      const termsOf = new Map<StoredClip, DocTerms>();
      const matches = await reads;
      for (const c of matches.flat()) for (const k of c.keys) if (!stored.has(k)) stored.set(k, c);
      for (const [n, input] of inputs.entries()) {
        const keys = inputKeys[n]!;
        const batchId = keys.map((k) => byKey.get(k)).find((id) => id !== undefined);
        const inBatch = batchId === undefined ? undefined : touched.get(batchId);
        const existing = inBatch?.after ?? keys.map((k) => stored.get(k)).find((c) => c !== undefined);
        const content = {
          kind: input.kind,
          kicker: input.kicker,
          title: input.title,
          subtitle: input.subtitle,
          byline: input.byline,
          dateline: input.dateline,
          body: input.body.map((b) => ({ type: b.type, text: b.text })),
          credit: input.credit,
          truncated: input.truncated,
          continuedOn: input.continuedOn,
        };
        if (existing) {
          const after: StoredClip = {
            ...existing,
            ...content,
            url: input.url ?? existing.url,
            paper: input.paper ?? existing.paper,
            date: input.date ?? existing.date,
            page: input.page ?? existing.page,
            tags: union(existing.tags, input.tags ?? []),
            note: input.note || existing.note,
            updatedAt: t,
            deletedAt: null,
            live: 1,
            keys: union(existing.keys, keys),
          };
          const prior = touched.get(existing.id);
          touched.set(existing.id, { before: prior ? prior.before : existing, after });
          if (known) termsOf.set(after, known[n]!);
          for (const k of after.keys) byKey.set(k, existing.id);
          results.push({ id: existing.id, status: 'updated' });
        } else {
          const id = newId();
          const after: StoredClip = {
            ...content,
            id,
            url: input.url ?? null,
            paper: input.paper ?? null,
            date: input.date ?? null,
            page: input.page ?? null,
            savedAt: t,
            updatedAt: t,
            tags: input.tags ?? [],
            note: input.note ?? '',
            key: keys[0] ?? 't:empty',
            keys,
            deletedAt: null,
            seq: 0,
            live: 1,
          };
          touched.set(id, { before: null, after });
          if (known) termsOf.set(after, known[n]!);
          for (const k of keys) byKey.set(k, id);
          results.push({ id, status: 'added' });
        }
      }
      if (await writeClips([...touched.values()], counters, termsOf)) mergeDue = true;
      return { results };
    });
    if (mergeDue) scheduleMerge();
    if (inputs.length) void askPersistence();
    return result;
  }

  async function mustGet(id: string): Promise<StoredClip> {
    const c = await T.clips.get(id);
    if (!c) throw new StoreError('invalid', `No clip with id ${id}.`);
    return c;
  }

  /** Edit a clip's text, tags or note; re-indexes it when the text changed. */
  async function updateClip(id: string, patch: ClipPatch): Promise<Clip> {
    let mergeDue = false;
    const clip = await rwClips(async () => {
      const before = await mustGet(id);
      // Keys present but undefined in the patch leave the field as it was.
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as ClipPatch;
      const after: StoredClip = { ...before, ...defined, updatedAt: now() };
      after.keys = clipKeysOf(after);
      after.key = after.keys[0] ?? before.key;
      mergeDue = await writeClips([{ before, after }]);
      return toClip(after);
    });
    if (mergeDue) scheduleMerge();
    return clip;
  }

  /** Moves a clip to the trash (live = false) or back (true), with the clip counts; a clip already there is left alone. */
  function setLive(id: string, live: boolean): Promise<void> {
    return rwClips(async () => {
      const [c, counts] = await Promise.all([mustGet(id), clipCounts(T)]);
      if ((c.deletedAt === null) === live) return;
      const after: StoredClip = { ...c, deletedAt: live ? null : now(), live: live ? 1 : 0 };
      await Promise.all([T.clips.put(after), putClipCounts(T, countsAfter(counts, [{ before: c, after }]))]);
    });
  }

  /** Move a clip to the trash (restorable for TRASH_DAYS days). */
  const deleteClip = (id: string): Promise<void> => setLive(id, false);

  /** Bring a clip back from the trash. */
  const restoreClip = (id: string): Promise<void> => setLive(id, true);

  async function purge(which: (c: StoredClip) => boolean): Promise<number> {
    const purged = await rwClips(async () => {
      const [all, counts] = await Promise.all([clipsByState(T, 0).toArray(), clipCounts(T)]);
      const trashed = all.filter(which);
      if (trashed.length === 0) return 0;
      await Promise.all([
        T.clips.bulkDelete(trashed.map((c) => c.id)),
        putClipCounts(
          T,
          countsAfter(
            counts,
            trashed.map((before) => ({ before, after: null })),
          ),
        ),
        retireSeqs(
          T,
          trashed.map((c) => c.seq),
        ),
      ]);
      return trashed.length;
    });
    // Segments left with few (or no) live documents are compacted away.
    if (purged) scheduleMerge();
    return purged;
  }

  /** Delete every trashed clip for good; returns how many. */
  const emptyTrash = () => purge(() => true);
  /** Delete trashed clips older than TRASH_DAYS for good; returns how many. */
  const purgeExpiredTrash = (at: number = now()) => purge((c) => c.deletedAt !== null && at - c.deletedAt >= TRASH_DAYS * DAY);

  async function getClip(id: string): Promise<Clip | undefined> {
    const c = await track(() => guard(() => T.clips.get(id)));
    return c && toClip(c);
  }

  /**
   * The clips of these ranked documents, in the same order (undefined where one is gone): by
   * primary key, with the ids the index rows name (one bulkGet; a read through the seq index cost
   * several times more per clip in Chromium), each checked to be the document's current version.
   * A document whose row names no id, or names a clip now indexed under another seq, is read
   * through the seq index.
   */
  async function clipsOf(docs: RankedDoc[], ids: readonly string[]): Promise<(StoredClip | undefined)[]> {
    const byId = await T.clips.bulkGet(docs.map((d) => ids[d.seq] ?? ''));
    return Promise.all(docs.map((d, i) => (byId[i]?.seq === d.seq ? byId[i] : T.clips.where('seq').equals(d.seq).first())));
  }

  /** Full-text search; see lib/store/README.md for the syntax. */
  function search(query: string, filters: SearchFilters = {}, page: PageRequest = {}): Promise<SearchResult> {
    const parsed = parseQuery(query);
    const offset = page.offset ?? 0;
    const limit = page.limit ?? DEFAULT_LIMIT;
    // A query typed while the columns are being read waits for them rather than reading them again
    // alongside (~6 MB at 100k clips: two such reads took twice as long). Through Dexie's promise,
    // whose callbacks keep the caller's zone: inside a live query, the search's reads stay observed.
    if (warming) return Dexie.Promise.resolve(warming.catch(() => undefined)).then(() => runSearch(parsed, filters, offset, limit));
    return runSearch(parsed, filters, offset, limit);
  }

  /** The clips of the latest search's hits, and its query: readAhead guesses the next keystroke from them. */
  let shown: { key: string; clips: Clip[] } | null = null;

  /** One search, in one read transaction. */
  function runSearch(parsed: ReturnType<typeof parseQuery>, filters: SearchFilters, offset: number, limit: number): Promise<SearchResult> {
    return r(async () => {
      const ranked = await rankDocs(T, parsed, filters, offset + limit);
      const slice = ranked.top.slice(offset, offset + limit);
      const clips = await clipsOf(slice, ranked.ids);
      // A ranked document whose clip is gone (never expected inside one transaction) is skipped,
      // and every other hit keeps its own score.
      const hits = clips.flatMap((c, i) => {
        if (!c) return [];
        const clip = toClip(c);
        const highlights = highlightsOf(clip, parsed.include);
        return [{ clip, score: slice[i]!.score, snippet: snippetOf(clip, highlights), highlights }];
      });
      shown = { key: queryKey(parsed), clips: hits.map((h) => h.clip) };
      return { total: ranked.total, hits, parsed: parsed.parsed };
    });
  }

  /** Live (or trashed) clip count: one read of the kept counts (db.ts clipCounts). */
  async function countClips(trash: boolean): Promise<number> {
    const counts = await clipCounts(T);
    return trash ? counts.trash : counts.live;
  }

  /**
   * A page of the newest-first list of live (or trashed) clips, without counting them. Near the top
   * an index cursor steps over `offset` entries; from DEEP_LIST on (a jump deep into a long list)
   * the page is read by id in the same order computed from the index (listOrder): a cursor
   * stepping over 50,000 entries took seconds in Chromium.
   */
  async function recentPage(offset: number, limit: number, trash: boolean): Promise<StoredClip[]> {
    if (offset < DEEP_LIST) {
      return clipsByState(T, trash ? 0 : 1).reverse().offset(offset).limit(limit).toArray();
    }
    return (await orderedPage({ trash }, 'saved', offset, limit)).clips;
  }

  /**
   * A page of the by-issue list of live (or trashed) clips: near the top through the clips' date
   * index (issueTop), deeper (or when undated clips are reached) in the order sorted from the columns.
   */
  async function issuePage(trash: boolean, offset: number, limit: number): Promise<StoredClip[]> {
    const top = offset < DEEP_LIST ? await issueTop(T, trash, offset + limit) : null;
    return top ? top.slice(offset) : (await orderedPage({ trash }, 'issue', offset, limit)).clips;
  }

  /** A page of a list in an order computed from the index columns (listOrder), read by id; and the list's length. */
  async function orderedPage(filters: SearchFilters, order: ListOrder, offset: number, limit: number): Promise<{ total: number; clips: StoredClip[] }> {
    const { seqs, ids } = await listOrder(T, filters, order);
    const docs = Array.from(seqs.subarray(offset, offset + limit), (seq) => ({ seq, score: 0 }));
    return { total: seqs.length, clips: (await clipsOf(docs, ids)).filter((c) => c !== undefined) };
  }

  let warming: Promise<void> | null = null;
  /**
   * Prepares the search index's per-document columns (see warmColumns), then compiles the ranking code
   * on a made-up index (search.ts warmRankingCode, once per page: ~14 ms of the page's thread): the
   * side panel calls it once its first rows are in. One at a time: a call while one runs gets that one.
   * The compiling waits for the columns: run while they were read, as the panel's first rows came in,
   * it held that first frame back (first render 237–260 against 163–175 ms at 100k clips).
   */
  const warmSearch = (): Promise<void> =>
    (warming ??= r(async () => {
      await warmColumns(T);
    })
      .then(warmRankingOnce)
      .finally(() => {
        warming = null;
      }));

  /**
   * Reads ahead what the query typed on from this one will likely need and this one did not read,
   * when its last word is CJK. The next character is guessed from the hits just shown (the clips of
   * the latest search for this query): the READ_AHEAD_CHARS characters that most often follow the word
   * there (snippet.ts nextChars; 人 → 人民, 人民政 → 人民政府). For each guess, the rows of the word
   * typed on are read: its new bigram, and the positions of all its bigrams once it has three
   * characters or more. A two-character word's bigram (人民) was ranked without its positions and any
   * longer word needs them (~0.3 MB over 25 rows at 100k clips), so they are read even without a guess.
   * The side panel calls this in idle time once a query's results are on screen. A read transaction
   * of its own, not counted as the user's: maintenance's JavaScript does not defer to it (IndexedDB
   * still orders writes after its reads).
   */
  function readAhead(query: string): Promise<void> {
    const parsed = parseQuery(query);
    const last = parsed.include.at(-1);
    const word = last?.folded ?? '';
    const chars = Array.from(word);
    if (!last || chars.length === 0 || !chars.every((c) => charClass(c) === 1)) return Promise.resolve();
    const hits = shown?.key === queryKey(parsed) ? shown.clips : [];
    const next = nextChars(hits, word, READ_AHEAD_CHARS).map((c) => parseQuery(`${word}${c}`));
    const positionsToo = chars.length === 2 ? last.grams.map((g) => g.term) : [];
    if (next.length === 0 && positionsToo.length === 0) return Promise.resolve();
    // The scope is an async function: Dexie follows native awaits inside a transaction only for those
    // (a plain arrow returning readAheadRows' promise made a search started in the same tick fail with
    // PrematureCommitError).
    return rAll(async () => {
      await readAheadRows(T, next, positionsToo);
    });
  }

  /**
   * Calls `listener` after each committed write that changed clips, made by this page or by any
   * other context of the extension (Dexie's storagemutated event, which Dexie carries across pages
   * and the service worker); returns the unsubscribe. Every change a user can see (a save, an edit,
   * a delete, a restore, a purge, an import) writes clips; index maintenance writes only index rows
   * and changes no answer, so it is not reported. The side panel re-reads what it shows on it.
   */
  function onClipsChanged(listener: () => void): () => void {
    const prefix = `idb://${db.name}/clips/`;
    // 'all': Dexie's "anything may have changed" (a page restored from the back/forward cache).
    const handler = (parts: Record<string, unknown>) => {
      if ('all' in parts || Object.keys(parts).some((k) => k.startsWith(prefix))) listener();
    };
    Dexie.on('storagemutated', handler);
    return () => Dexie.on.storagemutated.unsubscribe(handler);
  }

  /**
   * Live (or trashed) clips at this offset, newest saved first or by issue (see ListOrder), without
   * the count (the side panel's list).
   */
  function listPage(offset: number, limit: number, trash = false, order: ListOrder = 'saved'): Promise<Clip[]> {
    if (order !== 'saved') return r(async () => (await issuePage(trash, offset, limit)).map(toClip));
    // Near the top only `clips` is read: a transaction over it alone never waits for maintenance's row writes.
    return (offset < DEEP_LIST ? rClips : r)(async () => (await recentPage(offset, limit, trash)).map(toClip));
  }

  /** Newest saved first, or by issue (`page.order`, see ListOrder); filters as in search. */
  function listRecent(page: PageRequest = {}, filters: SearchFilters = {}): Promise<ListResult> {
    const offset = page.offset ?? 0;
    const limit = page.limit ?? DEFAULT_LIMIT;
    const onlyTrash = filters.trash === true;
    const plain = Object.entries(filters).every(([k, v]) => k === 'trash' || v === undefined);
    return r(async () => {
      if (page.order && page.order !== 'saved') {
        if (plain) {
          const [total, clips] = await Promise.all([countClips(onlyTrash), issuePage(onlyTrash, offset, limit)]);
          return { total, clips: clips.map(toClip) };
        }
        const { total, clips } = await orderedPage({ ...filters, trash: onlyTrash }, page.order, offset, limit);
        return { total, clips: clips.map(toClip) };
      }
      if (plain) {
        const [total, clips] = await Promise.all([countClips(onlyTrash), recentPage(offset, limit, onlyTrash)]);
        return { total, clips: clips.map(toClip) };
      }
      const ranked = await rankDocs(T, parseQuery(''), filters, offset + limit);
      const clips = await clipsOf(ranked.top.slice(offset, offset + limit), ranked.ids);
      return { total: ranked.total, clips: clips.filter((c) => c !== undefined).map(toClip) };
    });
  }

  /**
   * What is already saved from this page URL (for the overlay's "saved" marks, the savedOnPage
   * message): every dedupe key of its live clips, so clipKeyOf(article) of a saved article is
   * among them, and how many clips that is.
   */
  function savedOnPage(url: string): Promise<{ keys: string[]; count: number }> {
    return r(async () => {
      const clips = (await T.clips.where('url').equals(url.trim()).toArray()).filter((c) => c.live === 1);
      return { keys: [...new Set(clips.flatMap((c) => c.keys))], count: clips.length };
    });
  }

  /** Every clip (trash included) in the versioned envelope. */
  function exportAll(): Promise<ExportEnvelope> {
    return r(async () => envelopeOf((await T.clips.toArray()).map(toClip), now()));
  }

  const exportJson = async () => JSON.stringify(await exportAll(), null, 2) + '\n';
  const exportMarkdown = async () => {
    const env = await exportAll();
    return clipsToMarkdown(env.clips, env.exportedAt);
  };

  /**
   * Import an export (object or JSON text). Validation first: if the envelope or any record is
   * invalid nothing is written and a StoreError('invalid') lists the records and reasons.
   * Then, in one transaction: records matching a stored clip (same id or dedupe key) update it
   * when they are newer, are skipped otherwise; repeats inside the file are skipped.
   */
  async function importAll(data: unknown): Promise<ImportReport> {
    let raw = data;
    if (typeof raw === 'string') {
      try {
        raw = JSON.parse(raw);
      } catch (e) {
        throw new StoreError('invalid', `The file is not JSON: ${(e as Error).message}`);
      }
    }
    const env = EnvelopeSchema.safeParse(raw);
    if (!env.success) throw new StoreError('invalid', `Not an e-paper reader export: ${reasonOf(env.error)}`);
    const bad: ImportReport['skipped'] = [];
    const records: Clip[] = [];
    env.data.clips.forEach((rec, index) => {
      const p = ClipSchema.safeParse(rec);
      if (p.success) records.push(p.data);
      else bad.push({ index, reason: reasonOf(p.error) });
    });
    if (bad.length) {
      const list = bad.slice(0, 5).map((b) => `#${b.index}: ${b.reason}`).join('\n');
      const err = new StoreError('invalid', `Nothing was imported: ${bad.length} invalid record(s).\n${list}`);
      Object.assign(err, { report: { added: 0, updated: 0, skipped: bad } satisfies ImportReport });
      throw err;
    }
    let mergeDue = false;
    const imported = await rw(async () => {
      const report: ImportReport = { added: 0, updated: 0, skipped: [] };
      const touched = new Map<string, { before: StoredClip | null; after: StoredClip; index: number }>();
      // Every id and dedupe key seen in the file so far → the record index that had it.
      const seen = new Map<string, number>();
      for (const [index, rec] of records.entries()) {
        const keys = union(clipKeysOf(rec), rec.key ? [rec.key] : []);
        const first = [`id:${rec.id}`, ...keys].map((k) => seen.get(k)).find((i) => i !== undefined);
        if (first !== undefined) {
          report.skipped.push({ index, reason: `same article as record #${first}` });
          continue;
        }
        for (const k of [`id:${rec.id}`, ...keys]) seen.set(k, index);
        const existing = (await T.clips.get(rec.id)) ?? (await T.clips.where('keys').anyOf(keys).first());
        const after: StoredClip = { ...rec, keys, seq: 0, live: rec.deletedAt === null ? 1 : 0 };
        if (!existing) {
          touched.set(rec.id, { before: null, after, index });
          report.added++;
        } else if (rec.updatedAt > existing.updatedAt) {
          touched.set(existing.id, {
            before: existing,
            after: { ...after, id: existing.id, savedAt: Math.min(existing.savedAt, rec.savedAt), keys: union(existing.keys, keys), seq: existing.seq },
            index,
          });
          report.updated++;
        } else report.skipped.push({ index, reason: `already saved (clip ${existing.id} is the same or newer)` });
      }
      if (await writeClips([...touched.values()])) mergeDue = true;
      return report;
    });
    if (mergeDue) scheduleMerge();
    return imported;
  }

  /** Counts for the side panel's header and the options page. */
  function stats(): Promise<StoreStats> {
    return r(async () => {
      const [trashed, counts, byPaper] = await Promise.all([clipsByState(T, 0).toArray(), clipCounts(T), paperCounts(T)]);
      const clips = counts.live;
      const papers: StoreStats['papers'] = [...byPaper].map(([paper, count]) => ({ paper, count }));
      const tags: StoreStats['tags'] = [];
      for (const tag of (await T.clips.orderBy('tags').uniqueKeys()) as string[]) {
        const count = (await T.clips.where('tags').equals(tag).count()) - trashed.filter((c) => c.tags.includes(tag)).length;
        if (count > 0) tags.push({ tag, count });
      }
      papers.sort((a, b) => b.count - a.count || a.paper.localeCompare(b.paper));
      tags.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
      const oldest = await T.clips.orderBy('date').filter((c) => c.live === 1).first();
      const newest = await T.clips.orderBy('date').reverse().filter((c) => c.live === 1).first();
      return { clips, trash: trashed.length, papers, tags, oldest: oldest?.date ?? null, newest: newest?.date ?? null };
    });
  }

  /**
   * Recomputes every clip's index entries and compares them with the stored index, in chunked
   * read transactions with bounded memory (see consistency.ts; options are for tests/benchmarks).
   */
  function checkConsistency(options: CheckOptions = {}): Promise<{ ok: boolean; problems: string[] }> {
    return checkIndex(T, r, options);
  }

  return {
    db,
    saveClips,
    updateClip,
    deleteClip,
    restoreClip,
    emptyTrash,
    purgeExpiredTrash,
    getClip,
    search,
    listRecent,
    listPage,
    countClips: (trash = false) => rClips(async () => await countClips(trash)),
    warmSearch,
    readAhead,
    onClipsChanged,
    savedOnPage,
    exportAll,
    exportJson,
    exportMarkdown,
    importAll,
    stats,
    checkConsistency,
    requestPersistence: askPersistence,
    flushIndex,
    housekeeping,
  };
}

let defaultStore: Store | null = null;
/** The store over the extension's database ('epaper-reader'). */
export function getStore(): Store {
  if (!defaultStore || defaultStore.db !== defaultClipDB()) defaultStore = createStore(defaultClipDB(), { keepAlive: workerKeepAlive() });
  return defaultStore;
}

/** In an extension service worker: a cheap extension API call (see StoreOptions.keepAlive); elsewhere none. */
export function workerKeepAlive(scope: unknown = globalThis): (() => void) | undefined {
  const g = scope as { ServiceWorkerGlobalScope?: unknown; chrome?: { runtime?: { getPlatformInfo?: () => Promise<unknown> } } };
  const runtime = g.chrome?.runtime;
  if (g.ServiceWorkerGlobalScope === undefined || typeof runtime?.getPlatformInfo !== 'function') return undefined;
  return () => {
    runtime.getPlatformInfo!().catch(() => undefined);
  };
}

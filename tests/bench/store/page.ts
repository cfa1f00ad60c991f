// Bench page for lib/store, bundled by tests/bench/scenarios/store.ts and driven from Node with
// page.evaluate in real Chromium (real IndexedDB). Exposes window.storeBench.
import Dexie, { type Collection } from 'dexie';
import { ClipDB, createStore, type ClipInput, type Store, type StoredClip } from '../../../lib/store';
import * as storeLib from '../../../lib/store';
import { bucketOf, rowsOfBucket } from '../../../lib/store/codec';
import { docTerms } from '../../../lib/store/tokens';
import { pendingRowOf } from '../../../lib/store/indexer';
import { clipKeysOf } from '../../../lib/store/key';
import { runStoreSuite } from '../../unit/store/browser-suite';

export interface CorpusArticle {
  id: string;
  paper: string;
  date: string;
  page: string | null;
  kicker: string | null;
  title: string;
  subtitle: string | null;
  byline: string | null;
  paragraphs: string[];
}

let corpus: CorpusArticle[] = [];
let db: ClipDB | null = null;
let store: Store | null = null;

/**
 * Clip number i of the synthetic archive: corpus article i mod N, its paragraphs rotated by
 * floor(i / N) (so same-article copies differ in order), a serial number in the title, its own
 * URL, and the issue date moved forward by floor(i / N) days. Every clip is distinct for dedupe.
 */
export function variant(i: number): ClipInput {
  const a = corpus[i % corpus.length]!;
  const round = Math.floor(i / corpus.length);
  const paras = a.paragraphs.length ? a.paragraphs : [''];
  const shift = round % paras.length;
  const rotated = [...paras.slice(shift), ...paras.slice(0, shift)];
  const d = new Date(`${a.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + round);
  return {
    kind: 'article',
    kicker: a.kicker,
    title: `${a.title} 第${i}号`,
    subtitle: a.subtitle,
    byline: a.byline,
    dateline: null,
    body: rotated.map((text) => ({ type: 'paragraph' as const, text })),
    credit: null,
    truncated: false,
    continuedOn: null,
    url: `https://paper.example/${a.id}/${i}.html`,
    paper: a.paper,
    date: d.toISOString().slice(0, 10),
    page: a.page,
  };
}

function articleText(c: { kicker: string | null; title: string; subtitle: string | null; byline: string | null; body: { text: string }[] }) {
  return [c.kicker ?? '', c.title, c.subtitle ?? '', c.byline ?? '', ...c.body.map((b) => b.text)].join('\n');
}

/** A store that never compacts segments (the fan is never reached): an archive as single saves leave it. */
const NO_COMPACTION = { fan: 1e9, base: 64, max: 1e9 };

async function fresh(name: string, compact = true): Promise<void> {
  if (db) db.close();
  await Dexie.delete(name);
  db = new ClipDB(name);
  store = createStore(db, { persist: async () => false, ...(compact ? {} : { compaction: NO_COMPACTION }) });
  await db.open();
}

const api = {
  setCorpus(list: CorpusArticle[]) {
    corpus = list;
    return corpus.length;
  },
  /** Fresh database, then n clips saved in batches; returns each batch's ms. `compact: false` leaves every segment as written. */
  async build(name: string, n: number, batch: number, compact = true): Promise<number[]> {
    await fresh(name, compact);
    const times: number[] = [];
    for (let i = 0; i < n; i += batch) {
      const inputs: ClipInput[] = [];
      for (let k = i; k < Math.min(n, i + batch); k++) inputs.push(variant(k));
      const t = performance.now();
      await store!.saveClips(inputs);
      times.push(performance.now() - t);
    }
    return times;
  },
  /** Opens an existing database (built by another page) with a store over it. */
  async attach(name: string): Promise<void> {
    if (db) db.close();
    db = new ClipDB(name);
    store = createStore(db, { persist: async () => false });
    await db.open();
  },
  /** Waits for index maintenance the saves made due (merges, compactions); its ms. */
  async flush(): Promise<number> {
    const t = performance.now();
    await store!.flushIndex();
    return performance.now() - t;
  },
  /** `count` single-clip saves of new clips numbered from `from`, `gapMs` apart (0: back to back); each save's ms. */
  async singleSaves(from: number, count: number, gapMs = 0): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      const input = variant(from + i);
      const t = performance.now();
      await store!.saveClips([input]);
      times.push(performance.now() - t);
    }
    return times;
  },
  /**
   * The floor under a single save: raw IndexedDB (no Dexie, no tokenizing or encoding), the same
   * requests a save makes in one transaction — the dedupe reads of the clip's keys, the counters,
   * then the clip, a meta row and its pending row (prepared beforehand) — in this database, with
   * this many clips. Its rows are deleted afterwards.
   */
  async rawSaves(from: number, count: number, gapMs = 0): Promise<number[]> {
    const idb = db!.backendDB();
    const prepared = Array.from({ length: count }, (_, i) => {
      const input = variant(from + i);
      const keys = clipKeysOf(input);
      const seq = 2_000_000_000 + i;
      const clip: StoredClip = {
        ...input,
        id: `raw-${from + i}`,
        url: input.url ?? null,
        paper: input.paper ?? null,
        date: input.date ?? null,
        page: input.page ?? null,
        savedAt: Date.now(),
        updatedAt: Date.now(),
        tags: [],
        note: '',
        key: keys[0]!,
        keys,
        deletedAt: null,
        seq,
        live: 1,
      };
      return { clip, keys, pending: pendingRowOf(clip) };
    });
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const times: number[] = [];
    for (const { clip, keys, pending } of prepared) {
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      const t = performance.now();
      const tx = idb.transaction(['clips', 'meta', 'pending'], 'readwrite', { durability: 'relaxed' });
      const done = new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject), (tx.onabort = reject)));
      const [clips, meta, pend] = [tx.objectStore('clips'), tx.objectStore('meta'), tx.objectStore('pending')];
      await Promise.all([...keys.map((k) => req(clips.index('keys').getAll(k))), ...['seq', 'clips.live', 'clips.trash'].map((k) => req(meta.get(k))), req(pend.count())]);
      clips.put(clip);
      meta.put({ k: 'bench.raw', v: clip.seq });
      pend.put(pending);
      await done;
      times.push(performance.now() - t);
    }
    await db!.transaction('rw', [db!.clips, db!.meta, db!.pending], () =>
      Promise.all([db!.clips.bulkDelete(prepared.map((p) => p.clip.id)), db!.pending.bulkDelete(prepared.map((p) => p.clip.seq)), db!.meta.delete('bench.raw')]),
    );
    return times;
  },
  async search(query: string, runs: number): Promise<{ times: number[]; total: number }> {
    let total = 0;
    for (let i = 0; i < 2; i++) total = (await store!.search(query, {}, { limit: 20 })).total;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      total = (await store!.search(query, {}, { limit: 20 })).total;
      times.push(performance.now() - t);
    }
    return { times, total };
  },
  /** The naive way: read every clip (getAll in chunks of 2000) and test its text with includes. */
  async naive(needles: string[], runs: number): Promise<{ times: number[]; total: number }> {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      total = 0;
      let last: string | null = null;
      for (;;) {
        const coll: Collection<StoredClip, string> = last === null ? db!.clips.orderBy(':id') : db!.clips.where(':id').above(last);
        const chunk: StoredClip[] = await coll.limit(2000).toArray();
        if (!chunk.length) break;
        for (const c of chunk) {
          const text = articleText(c);
          if (needles.every((n) => text.includes(n))) total++;
        }
        last = chunk[chunk.length - 1]!.id;
      }
      times.push(performance.now() - t);
    }
    return { times, total };
  },
  /**
   * Runs every compaction due under the shipped policy (the store from then on compacts) while
   * single saves (new clips numbered from `from`, at most `maxSaves`, then searches alone) and a
   * search go on one after another: its ms, the segments' sizes after, and each save's and
   * search's ms during it. Saves without a cap fed the work they waited on: every 64 made a merge
   * due, and a run on 10k clips made 32,528 saves and lasted 23 minutes.
   */
  async compact(from: number, maxSaves: number): Promise<{ ms: number; segments: number[]; saves: number[]; searches: number[] }> {
    store = createStore(db!, { persist: async () => false });
    const t = performance.now();
    let done = false;
    const flushed = store.flushIndex().finally(() => {
      done = true;
    });
    const saves: number[] = [];
    const searches: number[] = [];
    for (let i = 0; !done; i++) {
      let a = performance.now();
      if (i < maxSaves) {
        await store.saveClips([variant(from + i)]);
        saves.push(performance.now() - a);
        a = performance.now();
      }
      await store.search(i % 2 ? '生产' : '"中国共产党"', {}, { limit: 20 });
      searches.push(performance.now() - a);
    }
    await flushed;
    await store.flushIndex(); // and what the saves above made due
    const ms = performance.now() - t;
    return { ms, segments: (await db!.segs.toArray()).map((s) => s.seqs.length), saves, searches };
  },
  /** Searches on a connection of its own each time (open not timed): no cached rows, as in a panel just opened. */
  async coldSearch(name: string, query: string, runs: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const d = new ClipDB(name);
      await d.open();
      const st = createStore(d, { persist: async () => false });
      const t = performance.now();
      await st.search(query, {}, { limit: 20 });
      times.push(performance.now() - t);
      d.close();
    }
    return times;
  },
  async segments(): Promise<number[]> {
    return (await db!.segs.toArray()).map((s) => s.seqs.length);
  },
  async estimate(): Promise<number> {
    const e = await navigator.storage.estimate();
    return e.usage ?? 0;
  },
  async consistency(): Promise<{ ok: boolean; problems: string[] }> {
    return store!.checkConsistency();
  },
  async close(): Promise<void> {
    db?.close();
    db = null;
  },
  /**
   * The rejected layout, for the record: one IndexedDB entry per (term, clip) — a multiEntry
   * index over each clip's distinct terms. Builds n clips (batches of `batch`) then `singles`
   * single saves and a 2-char query (primary keys of the term).
   */
  async multiEntryLayout(n: number, batch: number, singles: number, term: string) {
    if (db) db.close();
    db = null;
    await Dexie.delete('layout-multientry');
    const before = await api.estimate();
    const mdb = new Dexie('layout-multientry');
    mdb.version(1).stores({ clips: 'id, *terms' });
    const rows = (i: number) => {
      const v = variant(i);
      return { ...v, id: `c${i}`, terms: docTerms(v).terms };
    };
    const batchTimes: number[] = [];
    for (let i = 0; i < n; i += batch) {
      const list = [];
      for (let k = i; k < Math.min(n, i + batch); k++) list.push(rows(k));
      const t = performance.now();
      await mdb.table('clips').bulkPut(list);
      batchTimes.push(performance.now() - t);
    }
    const singleTimes: number[] = [];
    for (let k = 0; k < singles; k++) {
      const row = rows(n + k);
      const t = performance.now();
      await mdb.table('clips').put(row);
      singleTimes.push(performance.now() - t);
    }
    const queryTimes: number[] = [];
    let hits = 0;
    for (let k = 0; k < 12; k++) {
      const t = performance.now();
      hits = (await mdb.table('clips').where('terms').equals(term).primaryKeys()).length;
      queryTimes.push(performance.now() - t);
    }
    const usage = (await api.estimate()) - before;
    mdb.close();
    await Dexie.delete('layout-multientry');
    return { batchTimes, singleTimes, queryTimes: queryTimes.slice(2), hits, usage };
  },
  /** Median ms of each read a search makes (diagnostics for the index layout notes). */
  async readCosts(term: string): Promise<Record<string, number>> {
    const T = db!;
    const rows = rowsOfBucket(bucketOf(term));
    const twenty = await T.clips.orderBy('seq').reverse().limit(20).toArray();
    const seqs = twenty.map((c) => c.seq);
    const ids = twenty.map((c) => c.id);
    const reads: Record<string, () => Promise<unknown>> = {
      'search, 20 hits': () => store!.search(term, {}, { limit: 20 }),
      'search, 1 hit': () => store!.search(term, {}, { limit: 1 }),
      '20 clips by seq (index gets)': () => T.transaction('r', T.clips, () => Promise.all(seqs.map((q) => T.clips.where('seq').equals(q).first()))),
      '20 clips by id (bulkGet)': () => T.transaction('r', T.clips, () => T.clips.bulkGet(ids)),
      'segs.toArray': () => T.segs.toArray(),
      'pending.toArray': () => T.pending.toArray(),
      'dead keys': () => T.dead.toCollection().primaryKeys(),
      'trash clips': () => T.clips.where('[live+savedAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray(),
      [`head rows of ${term} (every row level)`]: () => Promise.all(rows.map((b) => T.postings.where('[b+s]').between([b, Dexie.minKey], [b, Dexie.maxKey]).toArray())),
      'empty transaction': () => T.transaction('r', T.meta, () => T.meta.get('seq')),
    };
    const out: Record<string, number> = {};
    for (const [name, fn] of Object.entries(reads)) {
      const times: number[] = [];
      for (let i = 0; i < 12; i++) {
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      out[name] = Math.round(times[6]! * 100) / 100;
    }
    return out;
  },
  /** The e2e store suite, here in the bench page's real IndexedDB. */
  runSuite(): Promise<string[]> {
    return runStoreSuite(storeLib);
  },
  async deleteDb(name: string) {
    if (db) db.close();
    db = null;
    await Dexie.delete(name);
  },
};

(globalThis as unknown as { storeBench: typeof api }).storeBench = api;
export type StoreBenchApi = typeof api;

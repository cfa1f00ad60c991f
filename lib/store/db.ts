// The Dexie database: versioned stores and their upgrades. Each version's schema stays listed
// so a browser holding any earlier version upgrades step by step without losing clips.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { PositionsDict, TermDict } from './codec';
import type { Clip } from './types';
import { upgradeV1toV2, upgradeV2toV3, upgradeV3toV4, upgradeV4toV5 } from './migrate';

/** A clip as stored: the public Clip plus internal bookkeeping (stripped on read/export). */
export interface StoredClip extends Clip {
  /** Index document number of the current version of this clip (changes when it is re-indexed). */
  seq: number;
  /** 1 when live, 0 when in the trash (indexable, unlike null). */
  live: 0 | 1;
  /** Every dedupe key of the clip (see key.ts); `key` is the first. */
  keys: string[];
}

/** The head lists (seq, count, title count) of one segment for the terms of one bucket (see codec.ts bucketOf). */
export interface PostingRow extends TermDict {
  b: number;
  s: number;
}

/** The positions lists of the same bucket and segment, aligned with the PostingRow's terms (v3). */
export interface PositionRow extends PositionsDict {
  b: number;
  s: number;
}

/** Per-document columns of one segment, in ascending seq order. */
export interface SegmentRow {
  s: number;
  seqs: Uint32Array;
  /** The clip id of each document (v4): a search reads its hits by primary key. */
  ids: string[];
  lens: Uint32Array;
  titleEnds: Uint32Array;
  saved: Float64Array;
  /** YYYYMMDD, 0 when unknown. */
  dates: Uint32Array;
  kinds: Uint8Array;
  paperIdx: Uint16Array;
  papers: string[];
  /**
   * How many rows per table its postings are spread over (see codec.ts rowsFor). Absent: BUCKETS,
   * as in every segment written before row levels (same schema: older rows stay as they are).
   */
  nb?: number;
}

/** A recently saved document not yet merged into a segment: its whole posting map in one row. */
export interface PendingRow extends TermDict {
  q: number;
  /** The clip's id (v4). */
  id: string;
  len: number;
  titleEnd: number;
  saved: number;
  date: number;
  kind: number;
  paper: string;
}

export interface MetaRow {
  k: string;
  v: number;
}

/** The tables the indexer and the API work on (a Dexie instance or an upgrade transaction). */
export interface Tables {
  clips: Table<StoredClip, string>;
  postings: Table<PostingRow, [string, number]>;
  positions: Table<PositionRow, [string, number]>;
  segs: Table<SegmentRow, number>;
  pending: Table<PendingRow, number>;
  dead: Table<{ q: number }, number>;
  meta: Table<MetaRow, string>;
}

export const TABLE_NAMES = ['clips', 'postings', 'positions', 'segs', 'pending', 'dead', 'meta'] as const;

/**
 * How many clips are live and how many are in the trash. Kept in `meta` (v5) and moved in the same
 * transaction as every write that adds, removes or trashes a clip: IndexedDB has no O(1) count,
 * and in Chromium counting 100k clips read every record (0.6–1 s for the table, ~4 s for an index
 * range), holding every other request of the database back meanwhile — the side panel's count line
 * delayed its first search by that much.
 */
export interface ClipCounts {
  live: number;
  trash: number;
}
/** The `meta` keys of the counts. */
export const COUNT_KEYS = { live: 'clips.live', trash: 'clips.trash' } as const;

/** The `meta` rows of these counts. */
export const countRows = (c: ClipCounts): MetaRow[] => [
  { k: COUNT_KEYS.live, v: c.live },
  { k: COUNT_KEYS.trash, v: c.trash },
];

/** The counts by walking the clips (slow at scale: upgrades, and a database missing its count rows). */
export async function countClipsSlowly(T: Pick<Tables, 'clips'>): Promise<ClipCounts> {
  const [all, trash] = await Promise.all([T.clips.count(), clipsByState(T, 0).count()]);
  return { live: all - trash, trash };
}

/** The count rows as stored: [live, trash], undefined where missing. */
export function keptCountRows(T: Pick<Tables, 'meta'>): Promise<(MetaRow | undefined)[]> {
  return T.meta.bulkGet([COUNT_KEYS.live, COUNT_KEYS.trash]);
}

/**
 * The counts these kept rows hold; null when one is missing (the caller recounts with
 * countClipsSlowly, and the next write that moves them stores them again). Synchronous on purpose:
 * callers run inside Dexie transactions, and one more native await between their reads and writes
 * lost the transaction (saves racing for the same seq in the e2e concurrency test).
 */
export function countsOfRows(live: MetaRow | undefined, trash: MetaRow | undefined): ClipCounts | null {
  return live && trash ? { live: live.v, trash: trash.v } : null;
}

/** The kept counts (recounted when a row is missing, see countsOfRows). */
export async function clipCounts(T: Pick<Tables, 'clips' | 'meta'>): Promise<ClipCounts> {
  const [live, trash] = await keptCountRows(T);
  return countsOfRows(live, trash) ?? countClipsSlowly(T);
}

/** Writes the counts (in the caller's transaction). */
export function putClipCounts(T: Pick<Tables, 'meta'>, c: ClipCounts): Promise<unknown> {
  return T.meta.bulkPut(countRows(c));
}

/** The counts after replacing `before` by `after` (null = absent) for each change. */
export function countsAfter(c: ClipCounts, changes: { before: Pick<StoredClip, 'live'> | null; after: Pick<StoredClip, 'live'> | null }[]): ClipCounts {
  let { live, trash } = c;
  for (const { before, after } of changes) {
    if (before?.live === 1) live--;
    else if (before) trash--;
    if (after?.live === 1) live++;
    else if (after) trash++;
  }
  return { live, trash };
}

/** The live (1) or trashed (0) clips, by the [live+savedAt] index (oldest saved first; `.reverse()` for newest first). */
export function clipsByState(T: Pick<Tables, 'clips'>, live: 0 | 1) {
  return T.clips.where('[live+savedAt]').between([live, Dexie.minKey], [live, Dexie.maxKey]);
}

/** Version 1: clips only, no search index (the first release's schema; kept for upgrades). */
export const SCHEMA_V1 = { clips: 'id, key, savedAt, deletedAt, paper, date' };

/** Version 2: dedupe keys, index document numbers, and the segmented positional postings. */
export const SCHEMA_V2 = {
  clips: 'id, *keys, &seq, [live+savedAt], paper, date, *tags, url',
  postings: '[b+s]',
  segs: 's',
  pending: 'q',
  dead: 'q',
  meta: 'k',
};

/** Version 3: segment postings split into head rows (`postings`) and their positions (`positions`). */
export const SCHEMA_V3 = { ...SCHEMA_V2, positions: '[b+s]' };

/** Version 4: segment and pending rows name each document's clip id (same stores, rows rewritten). */
export const SCHEMA_V4 = SCHEMA_V3;

/** Version 5: the live and trashed clip counts kept in `meta` (same stores; see clipCounts). */
export const SCHEMA_V5 = SCHEMA_V4;

export const DB_VERSION = 5;

export class ClipDB extends Dexie implements Tables {
  clips!: Table<StoredClip, string>;
  postings!: Table<PostingRow, [string, number]>;
  positions!: Table<PositionRow, [string, number]>;
  segs!: Table<SegmentRow, number>;
  pending!: Table<PendingRow, number>;
  dead!: Table<{ q: number }, number>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'epaper-reader', options?: ConstructorParameters<typeof Dexie>[1]) {
    // Relaxed durability (Chromium's default since M121, stated here for older ones): a commit is
    // acknowledged once the OS has the data, without waiting for the disk flush.
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeV1toV2(tablesOf(tx)));
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((tx) => upgradeV2toV3(tablesOf(tx)));
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((tx) => upgradeV3toV4(tablesOf(tx)));
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade((tx) => upgradeV4toV5(tablesOf(tx)));
    // A random epoch per database: caches of immutable index rows are keyed by it (see search.ts).
    this.on('populate', (tx) => {
      void tx.table('meta').bulkPut([{ k: 'epoch', v: newEpoch() }, ...countRows({ live: 0, trash: 0 })]);
    });
  }
}

export function newEpoch(): number {
  return Math.floor(Math.random() * 2 ** 48);
}

/**
 * The same tables seen through a transaction (used in upgrades). Looked up on use: an earlier
 * version's upgrade runs before later versions' tables exist.
 */
export function tablesOf(tx: Pick<Transaction, 'table'>): Tables {
  const out = {} as Tables;
  for (const name of TABLE_NAMES) Object.defineProperty(out, name, { get: () => tx.table(name), enumerable: true });
  return out;
}

const instances = new Map<string, ClipDB>();

/** Open (or reuse) the database of that name. */
export function openClipDB(name = 'epaper-reader'): ClipDB {
  let db = instances.get(name);
  if (!db) {
    db = new ClipDB(name);
    instances.set(name, db);
    db.on('close', () => instances.delete(name));
  }
  return db;
}

/** The extension's one database. */
export const defaultClipDB = (): ClipDB => openClipDB();

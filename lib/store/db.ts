// The Dexie database: versioned stores and their upgrades. Each version's schema stays listed
// so a browser holding any earlier version upgrades step by step without losing clips.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Clip } from './types';
import { upgradeV1toV2 } from './migrate';

/** A clip as stored: the public Clip plus internal bookkeeping (stripped on read/export). */
export interface StoredClip extends Clip {
  /** Index document number of the current version of this clip (changes when it is re-indexed). */
  seq: number;
  /** 1 when live, 0 when in the trash (indexable, unlike null). */
  live: 0 | 1;
  /** Every dedupe key of the clip (see key.ts); `key` is the first. */
  keys: string[];
}

/** Posting list of one term in one segment. */
export interface PostingRow {
  t: string;
  s: number;
  d: Uint8Array;
}

/** Per-document columns of one segment, in ascending seq order. */
export interface SegmentRow {
  s: number;
  seqs: Uint32Array;
  lens: Uint32Array;
  titleEnds: Uint32Array;
  saved: Float64Array;
  /** YYYYMMDD, 0 when unknown. */
  dates: Uint32Array;
  kinds: Uint8Array;
  paperIdx: Uint16Array;
  papers: string[];
}

/** A recently saved document not yet merged into a segment: its whole posting map in one row. */
export interface PendingRow {
  q: number;
  /** Sorted terms; posting bytes of terms[i] are blob[offs[i]..offs[i+1]]. */
  terms: string[];
  offs: Uint32Array;
  blob: Uint8Array;
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
  segs: Table<SegmentRow, number>;
  pending: Table<PendingRow, number>;
  dead: Table<{ q: number }, number>;
  meta: Table<MetaRow, string>;
}

export const TABLE_NAMES = ['clips', 'postings', 'segs', 'pending', 'dead', 'meta'] as const;

/** Version 1: clips only, no search index (the first release's schema; kept for upgrades). */
export const SCHEMA_V1 = { clips: 'id, key, savedAt, deletedAt, paper, date' };

/** Version 2: dedupe keys, index document numbers, and the segmented positional postings. */
export const SCHEMA_V2 = {
  clips: 'id, *keys, &seq, [live+savedAt], paper, date, kind, *tags, deletedAt, url',
  postings: '[t+s], s',
  segs: 's',
  pending: 'q',
  dead: 'q',
  meta: 'k',
};

export const DB_VERSION = 2;

export class ClipDB extends Dexie implements Tables {
  clips!: Table<StoredClip, string>;
  postings!: Table<PostingRow, [string, number]>;
  segs!: Table<SegmentRow, number>;
  pending!: Table<PendingRow, number>;
  dead!: Table<{ q: number }, number>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'epaper-reader', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) => upgradeV1toV2(tablesOf(tx)));
  }
}

/** The same tables seen through a transaction (used in upgrades). */
export function tablesOf(tx: Pick<Transaction, 'table'>): Tables {
  return {
    clips: tx.table('clips'),
    postings: tx.table('postings'),
    segs: tx.table('segs'),
    pending: tx.table('pending'),
    dead: tx.table('dead'),
    meta: tx.table('meta'),
  };
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

// Posting lists ↔ bytes, all unsigned LEB128 varints with deltas.
//
// Segment rows are split in two (schema v3): a *head* list holds, for each document (ascending
// seq), seq delta, term count and count inside kicker/title — everything ranking needs; the
// matching *positions* list (its own row, same bucket and segment, same term order) holds, for
// each document in the same order, the byte length of its positions, then the positions as
// deltas. A one- or two-character query reads heads only: positions are 50–85 % of the bytes of
// a frequent term, and reading bytes is what a cold query spends its time on (measured: ~20 ms
// per MB read from IndexedDB in Chromium). Phrases and longer terms read the positions rows too.
// A pending row (one document) keeps the *combined* form: seq delta, count, title count, byte
// length of its positions, then the positions.
export interface Posting {
  seq: number;
  count: number;
  titleCount: number;
  /** Ascending (an array, or a view of a document's DocTerms positions). */
  positions: ArrayLike<number>;
}

/**
 * A posting read from a stored list with its positions left encoded: bytes src[ps..pe) (delta
 * varints, the same in every form). Merges and compactions re-encode these: the head fields are
 * written again and the positions bytes copied as they are, instead of decoded into arrays and
 * encoded back (positions are most of an index's bytes, and that round trip was most of a merge's
 * JavaScript, run on the thread the saves wait for).
 */
export interface StoredPosting {
  seq: number;
  count: number;
  titleCount: number;
  src: Uint8Array;
  ps: number;
  pe: number;
}

/** A posting in either form. */
export type AnyPosting = Posting | StoredPosting;

class ByteWriter {
  buf = new Uint8Array(256);
  len = 0;
  varint(n: number) {
    if (this.len + 10 > this.buf.length) this.grow(this.len + 10);
    while (n >= 0x80) {
      this.buf[this.len++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.len++] = n;
  }
  bytes(b: Uint8Array) {
    if (this.len + b.length > this.buf.length) this.grow(this.len + b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  /** Appends src[start..end) (byte by byte: the spans copied are a few bytes, a view would cost more). */
  copy(src: Uint8Array, start: number, end: number) {
    if (this.len + end - start > this.buf.length) this.grow(this.len + end - start);
    const buf = this.buf;
    let at = this.len;
    for (let i = start; i < end; i++) buf[at++] = src[i]!;
    this.len = at;
  }
  grow(min: number) {
    const next = new Uint8Array(Math.max(min, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Bytes the ascending positions pos[start..end) take as varint deltas. */
function positionBytes(pos: ArrayLike<number>, start = 0, end = pos.length): number {
  let bytes = 0;
  let last = 0;
  for (let i = start; i < end; i++) {
    const d = pos[i]! - last;
    bytes += d < 0x80 ? 1 : d < 0x4000 ? 2 : d < 0x200000 ? 3 : d < 0x10000000 ? 4 : 5;
    last = pos[i]!;
  }
  return bytes;
}

/** Writes n (< 2^32) as a varint at buf[at]; returns the next offset. */
function putVarint(buf: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    buf[at++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  buf[at++] = n;
  return at;
}

/** Append the encoding of postings sorted by ascending seq to w (the hot loop of indexing). */
function writePostings(w: ByteWriter, list: readonly Posting[]): void {
  let prev = 0;
  for (const p of list) {
    const pos = p.positions;
    const n = pos.length;
    if (w.len + 20 + n * 5 > w.buf.length) w.grow(w.len + 20 + n * 5);
    const buf = w.buf;
    const bytes = positionBytes(pos);
    let at = putVarint(buf, w.len, p.seq - prev);
    prev = p.seq;
    at = putVarint(buf, at, p.count);
    at = putVarint(buf, at, p.titleCount);
    at = putVarint(buf, at, bytes);
    let last = 0;
    for (let i = 0; i < n; i++) {
      at = putVarint(buf, at, pos[i]! - last);
      last = pos[i]!;
    }
    w.len = at;
  }
}

/** Encode postings sorted by ascending seq. */
export function encodePostings(list: readonly Posting[]): Uint8Array {
  const w = new ByteWriter();
  writePostings(w, list);
  return w.done();
}

/**
 * A cursor over an encoded list: combined (`new PostingReader(list)`), or a head list with its
 * positions list (`PostingReader.split(head, positions)`), or a head list alone
 * (`PostingReader.split(head)`: no positions). Positions are decoded only when asked.
 */
export class PostingReader {
  private at = 0;
  private prev = 0;
  private pat = 0;
  seq = 0;
  count = 0;
  titleCount = 0;
  /** Where the current document's positions are: bytes src[posStart..posEnd) (empty without positions). */
  src: Uint8Array;
  posStart = 0;
  posEnd = 0;
  constructor(
    private readonly b: Uint8Array,
    private readonly mode: 'combined' | 'split' = 'combined',
    private readonly pos: Uint8Array | null = null,
  ) {
    this.src = mode === 'combined' ? b : (pos ?? EMPTY);
  }
  static split(head: Uint8Array, positions: Uint8Array | null = null): PostingReader {
    return new PostingReader(head, 'split', positions);
  }
  /** Offset just after the varint varintAt last read. */
  private after = 0;
  /** The varint at buf[at] (a read past the end — a damaged row — ends it: never spins). */
  private varintAt(buf: Uint8Array, at: number): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      const byte = buf[at++] ?? 0;
      n += (byte & 0x7f) * mul;
      if (byte < 0x80) break;
      mul *= 128;
    }
    this.after = at;
    return n;
  }
  private varint(): number {
    const n = this.varintAt(this.b, this.at);
    this.at = this.after;
    return n;
  }
  /** Advance to the next document; false at the end. */
  next(): boolean {
    if (this.at >= this.b.length) return false;
    this.seq = this.prev + this.varint();
    this.prev = this.seq;
    this.count = this.varint();
    this.titleCount = this.varint();
    if (this.mode === 'combined') {
      const len = this.varint();
      this.posStart = this.at;
      this.posEnd = this.at + len;
      this.at = this.posEnd;
    } else if (this.pos) {
      const len = this.varintAt(this.pos, this.pat);
      this.posStart = this.after;
      this.posEnd = this.posStart + len;
      this.pat = this.posEnd;
    }
    return true;
  }
  /** Positions of the current document. */
  positions(): number[] {
    return decodePositions(this.src, this.posStart, this.posEnd);
  }
  /** The current document's posting, its positions left encoded. */
  stored(): StoredPosting {
    return { seq: this.seq, count: this.count, titleCount: this.titleCount, src: this.src, ps: this.posStart, pe: this.posEnd };
  }
}

const EMPTY = new Uint8Array(0);

/**
 * Decodes the positions stored in bytes b[start..end) (delta varints) into buf from 0; returns how
 * many. buf needs end − start entries at most (a position takes at least one byte).
 */
export function decodePositionsInto(buf: Int32Array, b: Uint8Array, start: number, end: number): number {
  let n = 0;
  let last = 0;
  let i = start;
  while (i < end) {
    let v = 0;
    let mul = 1;
    for (;;) {
      const byte = b[i++] ?? 0;
      v += (byte & 0x7f) * mul;
      if (byte < 0x80) break;
      mul *= 128;
    }
    last += v;
    buf[n++] = last;
  }
  return n;
}

let scratch = new Int32Array(256);

/** Positions stored in bytes b[start..end). */
export function decodePositions(b: Uint8Array, start: number, end: number): number[] {
  if (end - start > scratch.length) scratch = new Int32Array(end - start);
  const n = decodePositionsInto(scratch, b, start, end);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = scratch[i]!;
  return out;
}

/** The first posting of a combined list (a pending row's lists hold one each), positions left encoded; null when the list is empty. */
export function firstStoredPosting(b: Uint8Array): StoredPosting | null {
  const r = new PostingReader(b);
  return r.next() ? r.stored() : null;
}

/** Decode a whole list (merging and consistency checks). */
export function decodePostings(b: Uint8Array): Posting[] {
  const r = new PostingReader(b);
  const out: Posting[] = [];
  while (r.next()) out.push({ seq: r.seq, count: r.count, titleCount: r.titleCount, positions: r.positions() });
  return out;
}

/** Several terms' encoded lists in one record: sorted terms, list i is blob[offs[i]..offs[i+1]). */
export interface TermDict {
  terms: string[];
  offs: Uint32Array;
  blob: Uint8Array;
}

/** Term → postings (any order) → one TermDict. */
export function encodeDict(lists: Map<string, Posting[]>): TermDict {
  const terms = [...lists.keys()].sort();
  const offs = new Uint32Array(terms.length + 1);
  const w = new ByteWriter();
  terms.forEach((t, i) => {
    offs[i] = w.len;
    writePostings(w, lists.get(t)!);
  });
  offs[terms.length] = w.len;
  return { terms, offs, blob: w.done() };
}

/** The positions lists of a segment row, aligned with its TermDict's terms: list i is blob[offs[i]..offs[i+1]). */
export interface PositionsDict {
  offs: Uint32Array;
  blob: Uint8Array;
}

/**
 * One document's TermDict (a pending row): each term's list holds the document's one posting, in
 * the combined form. Encoded straight from its terms' positions, as encodeDict would encode them
 * (a test checks that), without a posting object and a list per term on the way. `doc` is a
 * tokens.ts DocTerms (terms sorted, positions grouped by term); its terms array is kept, not copied.
 */
export function encodeDocDict(seq: number, doc: { terms: string[]; offs: Uint32Array; positions: Uint32Array }, titleEnd: number): TermDict {
  const { terms, offs: at, positions } = doc;
  const offs = new Uint32Array(terms.length + 1);
  const w = new ByteWriter();
  w.grow(positions.length * 3 + terms.length * 12);
  for (let i = 0; i < terms.length; i++) {
    const start = at[i]!;
    const end = at[i + 1]!;
    const n = end - start;
    let titleCount = 0;
    while (start + titleCount < end && positions[start + titleCount]! < titleEnd) titleCount++;
    offs[i] = w.len;
    if (w.len + 25 + n * 5 > w.buf.length) w.grow(w.len + 25 + n * 5);
    const buf = w.buf;
    let o = putVarint(buf, w.len, seq);
    o = putVarint(buf, o, n);
    o = putVarint(buf, o, titleCount);
    o = putVarint(buf, o, positionBytes(positions, start, end));
    let last = 0;
    for (let k = start; k < end; k++) {
      o = putVarint(buf, o, positions[k]! - last);
      last = positions[k]!;
    }
    w.len = o;
  }
  offs[terms.length] = w.len;
  return { terms, offs, blob: w.done() };
}

/** Term → postings (ascending seq) → a head TermDict and its aligned positions (the v3 segment rows). */
export function encodeSplitDict(lists: Map<string, readonly AnyPosting[]>): { head: TermDict; pos: PositionsDict } {
  const terms = [...lists.keys()].sort();
  const offs = new Uint32Array(terms.length + 1);
  const poffs = new Uint32Array(terms.length + 1);
  const w = new ByteWriter();
  const pw = new ByteWriter();
  terms.forEach((t, i) => {
    offs[i] = w.len;
    poffs[i] = pw.len;
    let prev = 0;
    for (const p of lists.get(t)!) {
      w.varint(p.seq - prev);
      prev = p.seq;
      w.varint(p.count);
      w.varint(p.titleCount);
      if ('src' in p) {
        pw.varint(p.pe - p.ps);
        pw.copy(p.src, p.ps, p.pe);
      } else writePositions(pw, p.positions);
    }
  });
  offs[terms.length] = w.len;
  poffs[terms.length] = pw.len;
  return { head: { terms, offs, blob: w.done() }, pos: { offs: poffs, blob: pw.done() } };
}

/** Appends one document's positions: their byte length, then the deltas. */
function writePositions(w: ByteWriter, pos: ArrayLike<number>): void {
  w.varint(positionBytes(pos));
  let last = 0;
  for (let i = 0; i < pos.length; i++) {
    w.varint(pos[i]! - last);
    last = pos[i]!;
  }
}

/** Every term of a head TermDict with its decoded postings, positions from the aligned PositionsDict. */
export function* splitEntries(head: TermDict, pos: PositionsDict): Generator<[string, Posting[]]> {
  for (let i = 0; i < head.terms.length; i++) {
    const r = PostingReader.split(head.blob.subarray(head.offs[i]!, head.offs[i + 1]!), pos.blob.subarray(pos.offs[i]!, pos.offs[i + 1]!));
    const out: Posting[] = [];
    while (r.next()) out.push({ seq: r.seq, count: r.count, titleCount: r.titleCount, positions: r.positions() });
    yield [head.terms[i]!, out];
  }
}

/** Index of a term in a TermDict's sorted terms, or −1. */
export function dictIndex(d: { terms: readonly string[] }, term: string): number {
  let lo = 0;
  let hi = d.terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = d.terms[mid]!;
    if (v === term) return mid;
    if (v < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The encoded list of one term in a TermDict, or null. */
export function dictLookup(d: TermDict, term: string): Uint8Array | null {
  const i = dictIndex(d, term);
  return i < 0 ? null : d.blob.subarray(d.offs[i]!, d.offs[i + 1]!);
}

/** Every term of a TermDict with its decoded postings. */
export function* dictEntries(d: TermDict): Generator<[string, Posting[]]> {
  for (let i = 0; i < d.terms.length; i++) yield [d.terms[i]!, decodePostings(d.blob.subarray(d.offs[i]!, d.offs[i + 1]!))];
}

/** Number of term buckets: a segment stores its postings in at most this many rows. */
export const BUCKETS = 4096;

/**
 * Rows per table a segment may be written in (row levels, same schema): a segment spreads its terms
 * over `nb` rows, term bucket b going to row b mod nb, so rows stay about one document's postings
 * each whatever the segment's size. Before, every segment had BUCKETS rows. A 64-document merge
 * then wrote ~8,000 rows of a few hundred bytes, and each put costs ~0.1 ms of the page's thread
 * in Chromium whatever its size (lib/store/README.md): 1.0–1.6 s per merge, felt by the saves it
 * ran between (single-save p95 38 ms against 13.5 ms with maintenance off, same run). Few levels,
 * as a query reads one key range per level for each of its terms.
 */
export const ROW_LEVELS = [64, 512, BUCKETS] as const;

/**
 * The number of rows (per table) of a segment of this many documents: about a document's postings
 * per row for merges of single saves (64) and their first compactions (512); BUCKETS from 1,025
 * documents on, so bulk imports (SEGMENT_MAX) and large compactions keep rows as small as before,
 * which is what a query's cold reads pay for (2,000-document segments in 512 rows: a cold phrase
 * query 36 → 63 ms at 10k clips).
 */
export function rowsFor(docs: number): number {
  return docs <= 256 ? 64 : docs <= 1024 ? 512 : BUCKETS;
}

/**
 * The stored row number (the `b` of a row's [b+s] key) of term bucket b in a segment of nb rows.
 * BUCKETS-row segments keep b itself (the numbers of every segment written before row levels); a smaller
 * segment's rows are numbered from BUCKETS + nb, so no two levels share a row number.
 */
export function rowOf(b: number, nb: number): number {
  return nb >= BUCKETS ? b : BUCKETS + nb + (b & (nb - 1));
}

/** Every row number is below this. */
export const ROW_NUMBER_END = 2 * BUCKETS;

/** The row numbers where a term of bucket b may be stored, one per level. */
export function rowsOfBucket(b: number): number[] {
  return ROW_LEVELS.map((nb) => rowOf(b, nb));
}

/** The number of rows (nb) of the segments that store rows under row number r. */
export function levelOfRow(r: number): number {
  return ROW_LEVELS.find((nb) => nb < BUCKETS && r >= BUCKETS + nb && r < BUCKETS + 2 * nb) ?? BUCKETS;
}

/** Every row number of a segment of nb rows, ascending. */
export function rowNumbers(nb: number): number[] {
  return Array.from({ length: nb }, (_, i) => rowOf(i, nb));
}

/** The bucket of a term (FNV-1a over UTF-16 units; fixed forever, the stored rows depend on it). */
export function bucketOf(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

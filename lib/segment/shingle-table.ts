// An open-addressing hash table from 30-bit shingle hashes to the first kept item holding them.
// Keys and values in two typed arrays: no per-entry objects, and a probe reads 4 bytes a slot, so
// the keys of a large page's table (most lookups miss) stay in the CPU cache longer.
/** Most slots a table starts with (it grows past that when it must). */
const START_MAX = 1 << 21;

/** Slots for `n` entries at most half full (linear probing stays short). */
function slotsFor(n: number): number {
  let cap = 1 << 12;
  while (cap < n * 2 && cap < START_MAX) cap <<= 1;
  return cap;
}

export class ShingleTable {
  /** hash + 1 per slot (0: empty). */
  private keys: Int32Array;
  /** item × 2 (+ 1 when more items hold the hash) per slot. */
  private vals: Int32Array;
  private mask: number;
  private size = 0;

  /** `expected`: about how many shingles will be stored (sizes the table once to stay at most half full; it grows past that). */
  constructor(expected = 2048) {
    const cap = slotsFor(expected);
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /**
   * An empty table for `expected` shingles, reusing the last one of that size: clearing its keys is
   * cheaper than a fresh table (a large one costs a page fault per 4 KiB first touched). One table
   * per size, held weakly: the garbage collector may take them back between pages. For one
   * synchronous pass at a time: the previous table of that size handed out is emptied.
   */
  static reused(expected: number): ShingleTable {
    const slots = slotsFor(expected);
    const t = ShingleTable.pool.get(slots)?.deref();
    // A table that grew is reused too: it is cleared at its present size.
    if (!t) {
      const fresh = new ShingleTable(expected);
      ShingleTable.pool.set(slots, new WeakRef(fresh));
      return fresh;
    }
    t.keys.fill(0); // values are read only where a key is set
    t.size = 0;
    return t;
  }
  private static pool = new Map<number, WeakRef<ShingleTable>>();

  /** The item stored for `hash`, or -1. */
  get(hash: number): number {
    const v = this.entry(hash);
    return v < 0 ? -1 : v >> 1;
  }

  /**
   * The raw entry for `hash`: −1 if absent, else item × 2 + 1 when `setOrMark` has seen the hash
   * again (other items hold it too), item × 2 otherwise. Lets a caller skip its side table of
   * further holders for the (most) hashes only one item has.
   */
  entry(hash: number): number {
    const k = hash + 1;
    const keys = this.keys;
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = keys[slot]!;
      if (at === k) return this.vals[slot]!;
      if (at === 0) return -1;
    }
  }

  /** Store `item` for `hash` unless the hash is already there; returns the item stored. */
  setIfAbsent(hash: number, item: number): number {
    return this.put(hash, item, false);
  }

  /** Like setIfAbsent, and when the hash is already there, marks it as held by more items (see entry). */
  setOrMark(hash: number, item: number): number {
    return this.put(hash, item, true);
  }

  private put(hash: number, item: number, mark: boolean): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const k = hash + 1;
    const keys = this.keys;
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = keys[slot]!;
      if (at === k) {
        const v = this.vals[slot]!;
        if (mark && (v >> 1) !== item) this.vals[slot] = v | 1;
        return v >> 1;
      }
      if (at === 0) {
        keys[slot] = k;
        this.vals[slot] = item * 2;
        this.size++;
        return item;
      }
    }
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    // Entries move as they are (item and mark); the count does not change.
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      let slot = mix(keys[i]! - 1) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[i]!;
      this.vals[slot] = vals[i]!;
    }
  }
}

/**
 * A reusable set of 30-bit hashes for de-duplicating one list at a time: stamped slots (no clearing
 * between lists, no per-call allocation once it is big enough).
 */
export class HashSet {
  private keys = new Int32Array(1 << 12);
  private stamps = new Int32Array(1 << 12);
  private epoch = 0;

  /**
   * `hashes` without repeats, in first-occurrence order; each hash XORed with `salt` (kept to 30 bits)
   * first when `salt` is set. Compacts `hashes` in place and returns it (pass an array you own).
   */
  distinct(hashes: number[], salt = 0): number[] {
    if (this.keys.length < hashes.length * 2) {
      let cap = this.keys.length;
      while (cap < hashes.length * 2) cap <<= 1;
      this.keys = new Int32Array(cap);
      this.stamps = new Int32Array(cap);
      this.epoch = 0;
    }
    if (++this.epoch >= 0x7fffffff) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
    const { keys, stamps, epoch } = this;
    const mask = keys.length - 1;
    let n = 0;
    for (let i = 0; i < hashes.length; i++) {
      const h = salt ? (hashes[i]! ^ salt) & 0x3fffffff : hashes[i]!;
      for (let slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
        if (stamps[slot] !== epoch) {
          stamps[slot] = epoch;
          keys[slot] = h;
          hashes[n++] = h;
          break;
        }
        if (keys[slot] === h) break;
      }
    }
    hashes.length = n;
    return hashes;
  }
}

function mix(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

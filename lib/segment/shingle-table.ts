// An open-addressing hash table from 30-bit shingle hashes to the first kept item holding them.
// One interleaved typed array (key, value, key, value…): no per-entry objects and one cache line
// per probe, so lookups stay cheap as a page grows.
/** Largest table (slots) kept for reuse between pages. */
const REUSE_MAX = 1 << 16;

export class ShingleTable {
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  /** `expected`: about how many shingles will be stored (sizes the table once to stay at most half full, up to 2^21 slots; it grows past half full). */
  constructor(expected = 2048) {
    let cap = 1 << 12;
    while (cap < expected * 2 && cap < 1 << 21) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  /**
   * An empty table for `expected` shingles, reusing the last one when it is small enough (clearing a
   * table is cheaper than allocating one per page). For one synchronous pass at a time: the
   * previous table handed out is emptied.
   */
  static reused(expected: number): ShingleTable {
    const t = ShingleTable.last;
    if (!t || expected * 2 > t.mask + 1 || t.mask + 1 > REUSE_MAX) {
      const fresh = new ShingleTable(expected);
      if (fresh.mask + 1 <= REUSE_MAX) ShingleTable.last = fresh;
      return fresh;
    }
    t.slots.fill(0);
    t.size = 0;
    return t;
  }
  private static last: ShingleTable | undefined;

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
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot * 2]!;
      if (at === k) return this.slots[slot * 2 + 1]!;
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
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot * 2]!;
      if (at === k) {
        const v = this.slots[slot * 2 + 1]!;
        if (mark && (v >> 1) !== item) this.slots[slot * 2 + 1] = v | 1;
        return v >> 1;
      }
      if (at === 0) {
        this.slots[slot * 2] = k;
        this.slots[slot * 2 + 1] = item * 2;
        this.size++;
        return item;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    // Entries move as they are (item and mark); the count does not change.
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === 0) continue;
      let slot = mix(old[i]! - 1) & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = old[i]!;
      this.slots[slot * 2 + 1] = old[i + 1]!;
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

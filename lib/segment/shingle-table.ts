// An open-addressing hash table from 30-bit shingle hashes to the first kept item holding them.
// One interleaved typed array (key, value, key, value…): no per-entry objects and one cache line
// per probe, so lookups stay cheap as a page grows.
export class ShingleTable {
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  /** `expected`: about how many shingles will be stored (sizes the table once, up to 2^21 slots; it grows past half full). */
  constructor(expected = 2048) {
    let cap = 1 << 12;
    while (cap < expected && cap < 1 << 21) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** The item stored for `hash`, or -1. */
  get(hash: number): number {
    const k = hash + 1;
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot * 2]!;
      if (at === k) return this.slots[slot * 2 + 1]!;
      if (at === 0) return -1;
    }
  }

  /** Store `item` for `hash` unless the hash is already there; returns the item stored. */
  setIfAbsent(hash: number, item: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const k = hash + 1;
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot * 2]!;
      if (at === k) return this.slots[slot * 2 + 1]!;
      if (at === 0) {
        this.slots[slot * 2] = k;
        this.slots[slot * 2 + 1] = item;
        this.size++;
        return item;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.setIfAbsent(old[i]! - 1, old[i + 1]!);
  }
}

function mix(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

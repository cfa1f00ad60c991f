// An open-addressing hash table from 30-bit shingle hashes to the first kept item holding them.
// Typed arrays instead of a Map: no per-entry objects, so lookups stay cheap as a page grows.
export class ShingleTable {
  private keys: Int32Array;
  private values: Int32Array;
  private size = 0;

  /** `expected`: about how many shingles will be stored (sizes the table once, up to 2^21 slots; it grows past half full). */
  constructor(expected = 2048) {
    let cap = 1 << 12;
    while (cap < expected && cap < 1 << 21) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.values = new Int32Array(cap);
  }

  /** The item stored for `hash`, or -1. */
  get(hash: number): number {
    const mask = this.keys.length - 1;
    const k = hash + 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      const at = this.keys[slot]!;
      if (at === k) return this.values[slot]!;
      if (at === 0) return -1;
    }
  }

  /** Store `item` for `hash` unless the hash is already there; returns the item stored. */
  setIfAbsent(hash: number, item: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    const k = hash + 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      const at = this.keys[slot]!;
      if (at === k) return this.values[slot]!;
      if (at === 0) {
        this.keys[slot] = k;
        this.values[slot] = item;
        this.size++;
        return item;
      }
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.setIfAbsent(oldKeys[i]! - 1, oldValues[i]!);
  }
}

function mix(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

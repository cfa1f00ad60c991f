// Posting lists ↔ bytes. One list holds, for each document (ascending seq): seq delta, term
// count, count inside kicker/title, byte length of its positions, then the positions as deltas;
// all unsigned LEB128 varints. Readers can skip a document's positions without decoding them.

export interface Posting {
  seq: number;
  count: number;
  titleCount: number;
  positions: number[];
}

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
  grow(min: number) {
    const next = new Uint8Array(Math.max(min, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

const scratch = new ByteWriter();

/** Encode postings sorted by ascending seq. */
export function encodePostings(list: readonly Posting[]): Uint8Array {
  const w = new ByteWriter();
  let prev = 0;
  for (const p of list) {
    scratch.len = 0;
    let last = 0;
    for (const pos of p.positions) {
      scratch.varint(pos - last);
      last = pos;
    }
    w.varint(p.seq - prev);
    prev = p.seq;
    w.varint(p.count);
    w.varint(p.titleCount);
    w.varint(scratch.len);
    w.bytes(scratch.buf.subarray(0, scratch.len));
  }
  return w.done();
}

/** A cursor over an encoded list: headers always, positions only when asked. */
export class PostingReader {
  private at = 0;
  private prev = 0;
  seq = 0;
  count = 0;
  titleCount = 0;
  /** Byte range of the current document's positions (for decodePositions). */
  posStart = 0;
  posEnd = 0;
  constructor(private readonly b: Uint8Array) {}
  private varint(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      const byte = this.b[this.at++]!;
      n += (byte & 0x7f) * mul;
      if (byte < 0x80) return n;
      mul *= 128;
    }
  }
  /** Advance to the next document; false at the end. */
  next(): boolean {
    if (this.at >= this.b.length) return false;
    this.seq = this.prev + this.varint();
    this.prev = this.seq;
    this.count = this.varint();
    this.titleCount = this.varint();
    const len = this.varint();
    this.posStart = this.at;
    this.posEnd = this.at + len;
    this.at = this.posEnd;
    return true;
  }
  /** Positions of the current document. */
  positions(): number[] {
    return decodePositions(this.b, this.posStart, this.posEnd);
  }
}

/** Positions stored in bytes b[start..end). */
export function decodePositions(b: Uint8Array, start: number, end: number): number[] {
    const out: number[] = [];
    let i = start;
    let last = 0;
    while (i < end) {
      let n = 0;
      let mul = 1;
      for (;;) {
        const byte = b[i++]!;
        n += (byte & 0x7f) * mul;
        if (byte < 0x80) break;
        mul *= 128;
      }
      last += n;
      out.push(last);
    }
    return out;
}

/** Decode a whole list (merging and consistency checks). */
export function decodePostings(b: Uint8Array): Posting[] {
  const r = new PostingReader(b);
  const out: Posting[] = [];
  while (r.next()) out.push({ seq: r.seq, count: r.count, titleCount: r.titleCount, positions: r.positions() });
  return out;
}

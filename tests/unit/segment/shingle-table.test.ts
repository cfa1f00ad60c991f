import { describe, expect, it } from 'vitest';
import { ShingleTable } from '../../../lib/segment/shingle-table';

describe('ShingleTable', () => {
  it('keeps the first item per hash, misses unknown hashes, and survives growth', () => {
    const t = new ShingleTable(10);
    for (let h = 0; h < 50_000; h++) expect(t.setIfAbsent(h * 7919 & 0x3fffffff, h)).toBe(h);
    for (let h = 0; h < 50_000; h++) expect(t.setIfAbsent(h * 7919 & 0x3fffffff, -5)).toBe(h);
    for (let h = 0; h < 50_000; h += 97) expect(t.get(h * 7919 & 0x3fffffff)).toBe(h);
    expect(t.get(0x3fffffff)).toBe(-1);
  });
  it('marks a hash held by more items, and keeps the marks through growth', () => {
    const t = new ShingleTable(10);
    for (let h = 0; h < 20_000; h++) t.setOrMark(h * 7919 & 0x3fffffff, h);
    for (let h = 0; h < 20_000; h += 3) expect(t.setOrMark(h * 7919 & 0x3fffffff, h + 1)).toBe(h);
    t.setOrMark(5 * 7919, 5); // the same item again is no second holder
    for (let h = 20_000; h < 60_000; h++) t.setOrMark(h * 7919 & 0x3fffffff, h); // grows
    for (let h = 0; h < 20_000; h++) expect(t.entry(h * 7919 & 0x3fffffff)).toBe(h * 2 + (h % 3 === 0 ? 1 : 0));
    expect(t.entry(0x3fffffff)).toBe(-1);
  });
});

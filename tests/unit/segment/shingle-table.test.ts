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
});

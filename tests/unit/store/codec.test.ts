// The pieces under the index: folding, tokens, posting-list encoding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, BUCKETS, decodePostings, dictIndex, dictLookup, encodeDict, encodeDocDict, encodePostings, encodeSplitDict, firstStoredPosting, PostingReader, splitEntries, type Posting, type StoredPosting } from '../../../lib/store/codec';
import { fold, foldWithMap } from '../../../lib/store/fold';
import { charClass, docTerms, FIELD_GAP, queryGrams, termPositions, type IndexableText } from '../../../lib/store/tokens';

describe('fold', () => {
  it('NFKC, 繁→简, lowercase, collapsed spaces', () => {
    expect(fold('  報紙　ＡＢＣ  Hello\n世界 ')).toBe('报纸 abc hello 世界');
    expect(fold('裡面的說話')).toBe('里面的说话');
  });
  it('maps folded offsets back to the original text', () => {
    const src = 'Ａ  報紙';
    const { folded, map } = foldWithMap(src);
    expect(folded).toBe('a 报纸');
    expect(src.slice(map[2]!, map[4]!)).toBe('報紙');
    expect(map[folded.length]).toBe(src.length);
  });
});

/** foldWithMap spelled out: each character folded on its own (fold of one character), spaces collapsed. */
function foldWithMapSpec(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let space = false;
  let at = 0;
  for (const ch of text) {
    if (/^\s$/u.test(ch)) space = true;
    else {
      if (space && folded) {
        folded += ' ';
        map.push(at - 1);
      }
      space = false;
      const f = fold(ch);
      folded += f;
      for (let k = 0; k < f.length; k++) map.push(at);
    }
    at += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

describe('foldWithMap (property)', () => {
  const chars = ['a', 'Z', ' ', '\n', '\u3000', '\u00a0', '報', '纸', '裡', '。', '，', 'Ａ', '１', '㈱', 'ﬁ', '①', '𠀀', '𡃁', 'é', 'e\u0301', 'Σ', '〸', '\ud800'];
  it('equals folding each character on its own, for mixed scripts and odd characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        expect(foldWithMap(text)).toEqual(foldWithMapSpec(text));
      }),
      { numRuns: 600 },
    );
  });
});

describe('tokens', () => {
  it('indexes CJK unigrams and bigrams, Latin words, with field gaps', () => {
    const d = docTerms({ kicker: null, title: '默想', subtitle: null, byline: null, dateline: null, body: [{ text: 'Hi 世界' }], credit: null });
    expect(d.terms).toEqual(['hi', '世', '世界', '界', '想', '默', '默想'].sort());
    expect(termPositions(d, '默想')).toEqual([2]);
    expect(termPositions(d, '默认')).toBeUndefined();
    expect(d.titleEnd).toBe(6);
  });
  // The reference: the straightforward tokenizer (a string per character, a Map of arrays) the
  // collector replaced, written from the rules in tokens.ts's header.
  function reference(a: IndexableText): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const push = (t: string, p: number) => (out.get(t) ?? out.set(t, []).get(t)!).push(p);
    let base = 0;
    for (const f of [a.kicker, a.title, a.subtitle, a.byline, a.dateline, ...a.body.map((b) => b.text), a.credit]) {
      const chars = Array.from(fold(f ?? ''));
      let word = '';
      let wordAt = 0;
      chars.forEach((ch, i) => {
        const k = charClass(ch);
        if (k === 2) {
          if (!word) wordAt = base + i;
          word += ch;
          return;
        }
        if (word) push(word, wordAt);
        word = '';
        if (k === 1) {
          push(ch, base + i);
          if (i + 1 < chars.length && charClass(chars[i + 1]!) === 1) push(ch + chars[i + 1]!, base + i);
        }
      });
      if (word) push(word, wordAt);
      base += chars.length + FIELD_GAP;
    }
    return out;
  }
  it('gives the terms and positions of the plain tokenizer on any text: Han, Ext-B, kana, hangul, Yijing symbols, surrogates (property)', () => {
    const pieces = ['港', '口', '㐀', '䶵', '䷀', '鿿', '𠀀', '𪚥', 'か', '카', 'ab', 'Ü', 'é', '5', ' ', '，', '\ud800', '\udc00', '臺', 'Ｆ'];
    const text = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 3 }), fc.option(text, { nil: null }), (title, kicker, body, credit) => {
        const a: IndexableText = { kicker, title, subtitle: null, byline: 'X', dateline: null, body: body.map((t) => ({ text: t })), credit };
        const d = docTerms(a);
        const want = reference(a);
        expect(d.terms).toEqual([...want.keys()].sort());
        for (const t of d.terms) expect(termPositions(d, t)).toEqual(want.get(t));
        expect(d.offs.at(-1)).toBe(d.positions.length);
      }),
      { numRuns: 800 },
    );
  });
  it('sorts a text with more distinct terms than its packed sort key holds (2^20), as strings', () => {
    const words = Array.from({ length: (1 << 20) + 5000 }, (_, i) => `w${i.toString(36)}`);
    const d = docTerms({ kicker: null, title: '', subtitle: null, byline: null, dateline: null, body: [{ text: words.join(' ') }], credit: null });
    expect(d.terms.length).toBe(words.length);
    let sorted = true;
    for (let i = 1; i < d.terms.length; i++) if (!(d.terms[i - 1]! < d.terms[i]!)) sorted = false;
    expect(sorted).toBe(true);
    for (const i of [0, 1 << 19, (1 << 20) + 4999]) expect(termPositions(d, words[i]!)).toHaveLength(1);
  });
  it('covers a query run with bigrams at even offsets and the last one', () => {
    expect(queryGrams('人民日报社')).toEqual([
      { term: '人民', rel: 0 },
      { term: '日报', rel: 2 },
      { term: '报社', rel: 3 },
    ]);
    expect(queryGrams('5g网')).toEqual([
      { term: '5g', rel: 0 },
      { term: '网', rel: 2 },
    ]);
  });
});

describe('posting lists', () => {
  const posting = fc
    .tuple(fc.integer({ min: 1, max: 2 ** 31 }), fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 24 }), { maxLength: 40 }), fc.nat(5))
    .map(([seq, pos, t]): Posting => {
      const positions = [...pos].sort((a, b) => a - b);
      return { seq, count: positions.length, titleCount: Math.min(t, positions.length), positions };
    });
  it('round-trip (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(posting, { selector: (p) => p.seq, maxLength: 30 }), (list) => {
        const sorted = [...list].sort((a, b) => a.seq - b.seq);
        expect(decodePostings(encodePostings(sorted))).toEqual(sorted);
      }),
    );
  });
  it('split rows (v3): head lists and aligned positions lists give back the same postings (property)', () => {
    const term = fc.string({ minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(term, fc.uniqueArray(posting, { selector: (p) => p.seq, minLength: 1, maxLength: 8 })), { selector: ([t]) => t, maxLength: 12 }), (entries) => {
        const lists = new Map(entries.map(([t, l]) => [t, [...l].sort((a, b) => a.seq - b.seq)]));
        const { head, pos } = encodeSplitDict(lists);
        expect(head.terms).toEqual([...lists.keys()].sort());
        expect(pos.offs.length).toBe(head.offs.length);
        expect(new Map(splitEntries(head, pos))).toEqual(lists);
        // The head alone: every document with its counts, no positions.
        for (const [t, list] of lists) {
          const i = dictIndex(head, t);
          const r = PostingReader.split(head.blob.subarray(head.offs[i]!, head.offs[i + 1]!));
          const got: [number, number, number, number[]][] = [];
          while (r.next()) got.push([r.seq, r.count, r.titleCount, r.positions()]);
          expect(got).toEqual(list.map((p) => [p.seq, p.count, p.titleCount, []]));
        }
      }),
    );
  });
  it('stored postings (positions left encoded) re-encode byte for byte as decoded ones, from combined and from split lists (property)', () => {
    const term = fc.string({ minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(term, fc.uniqueArray(posting, { selector: (p) => p.seq, minLength: 1, maxLength: 8 })), { selector: ([t]) => t, maxLength: 12 }), (entries) => {
        const lists = new Map(entries.map(([t, l]) => [t, [...l].sort((a, b) => a.seq - b.seq)]));
        const want = encodeSplitDict(lists);
        // From the combined form (a pending row's lists) and from the split form (a segment's rows).
        const fromCombined = new Map<string, StoredPosting[]>();
        const fromSplit = new Map<string, StoredPosting[]>();
        for (const [t, list] of lists) {
          const c = new PostingReader(encodePostings(list));
          const got: StoredPosting[] = [];
          while (c.next()) got.push(c.stored());
          fromCombined.set(t, got);
          const i = dictIndex(want.head, t);
          const r = PostingReader.split(want.head.blob.subarray(want.head.offs[i]!, want.head.offs[i + 1]!), want.pos.blob.subarray(want.pos.offs[i]!, want.pos.offs[i + 1]!));
          const split: StoredPosting[] = [];
          while (r.next()) split.push(r.stored());
          fromSplit.set(t, split);
        }
        expect(encodeSplitDict(fromCombined)).toEqual(want);
        expect(encodeSplitDict(fromSplit)).toEqual(want);
        // Mixed in one list, as a compaction may hold them.
        const mixed = new Map([...lists].map(([t, l], k) => [t, l.map((p, j) => ((j + k) % 2 ? p : fromCombined.get(t)![j]!))]));
        expect(encodeSplitDict(mixed)).toEqual(want);
        for (const [t, list] of lists) expect(firstStoredPosting(encodePostings(list))).toEqual(fromCombined.get(t)![0]);
      }),
    );
    expect(firstStoredPosting(new Uint8Array(0))).toBeNull();
  });
  it("a document's dictionary (a pending row) is what encodeDict writes for its one posting per term (property)", () => {
    const doc = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 24 }), { minLength: 1, maxLength: 30 })), { selector: ([t]) => t, maxLength: 20 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.nat(300), doc, (seq, titleEnd, entries) => {
        const terms = new Map(entries.map(([t, pos]) => [t, [...pos].sort((a, b) => a - b)]));
        const lists = new Map([...terms].map(([t, positions]) => [t, [{ seq, count: positions.length, titleCount: positions.filter((p) => p < titleEnd).length, positions }]]));
        const sorted = [...terms.keys()].sort();
        const offs = Uint32Array.from([0, ...sorted.map((t) => terms.get(t)!.length)]);
        for (let i = 1; i < offs.length; i++) offs[i]! += offs[i - 1]!;
        const doc = { terms: sorted, offs, positions: Uint32Array.from(sorted.flatMap((t) => terms.get(t)!)) };
        expect(encodeDocDict(seq, doc, titleEnd)).toEqual(encodeDict(lists));
      }),
    );
  });
  it('a damaged list (cut short) ends instead of reading forever', () => {
    const list = encodePostings([{ seq: 300, count: 3, titleCount: 0, positions: [200, 70_000, 9_000_000] }]);
    for (let cut = 1; cut < list.length; cut++) {
      const r = new PostingReader(list.subarray(0, cut));
      let n = 0;
      while (r.next() && n < 5) {
        r.positions();
        n++;
      }
      expect(n).toBeLessThan(5);
    }
  });
  it('dictionaries find each term’s list', () => {
    const lists = new Map<string, Posting[]>([
      ['港口', [{ seq: 3, count: 1, titleCount: 0, positions: [7] }]],
      ['a', [{ seq: 1, count: 2, titleCount: 1, positions: [0, 9] }]],
    ]);
    const d = encodeDict(lists);
    expect(decodePostings(dictLookup(d, '港口')!)).toEqual(lists.get('港口'));
    expect(dictLookup(d, '港')).toBeNull();
    expect(bucketOf('港口')).toBeGreaterThanOrEqual(0);
    expect(bucketOf('港口')).toBeLessThan(BUCKETS);
  });
});

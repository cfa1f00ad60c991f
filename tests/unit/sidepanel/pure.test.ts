// The side panel's small pure helpers: mark splitting, tag parsing, safe links, key commands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFor, type KeyContext } from '../../../components/sidepanel/keys';
import { safeHttpUrl } from '../../../components/sidepanel/links';
import { splitMarks } from '../../../components/marks';
import { parseTags } from '../../../components/sidepanel/tags';
import { groupLabel } from '../../../components/sidepanel/groups';

describe('splitMarks', () => {
  it('cuts text into plain and marked pieces in order', () => {
    expect(splitMarks('桃溪村果农忙嫁接', [{ start: 6, end: 8 }, { start: 0, end: 3 }])).toEqual([
      { text: '桃溪村', mark: true },
      { text: '果农忙', mark: false },
      { text: '嫁接', mark: true },
    ]);
  });
  it('merges overlaps and clamps ranges outside the text', () => {
    expect(splitMarks('abcdef', [{ start: 1, end: 3 }, { start: 2, end: 4 }, { start: 5, end: 99 }, { start: -3, end: 0 }])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'e', mark: false },
      { text: 'f', mark: true },
    ]);
  });
  it('never loses or reorders text, whatever the marks', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ start: fc.integer({ min: -5, max: 40 }), end: fc.integer({ min: -5, max: 40 }) })), (text, marks) => {
        const pieces = splitMarks(text, marks);
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.mark && pieces[i - 1]!.mark).toBe(false);
      }),
    );
  });
});

describe('parseTags', () => {
  it('splits on Chinese and Latin separators, drops # and repeats', () => {
    expect(parseTags(' 乡村,教育、 #夜校;  乡村 news ')).toEqual(['乡村', '教育', '夜校', 'news']);
    expect(parseTags('  ')).toEqual([]);
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) links only', () => {
    expect(safeHttpUrl('https://epaper.example.cn/a.htm')).toBe('https://epaper.example.cn/a.htm');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('groupLabel', () => {
  it('names a group by paper and date, or says the source is unknown', () => {
    expect(groupLabel({ paper: '江东日报', date: '2025-03-12' }, '?')).toBe('江东日报 · 2025-03-12');
    expect(groupLabel({ paper: null, date: null }, '?')).toBe('?');
  });
});

describe('commandFor', () => {
  const base: KeyContext = { key: '', modified: false, inField: false, inSearch: false, onControl: false, view: 'list', hasQuery: false };
  const cmd = (k: Partial<KeyContext>) => commandFor({ ...base, ...k });
  it('maps keys to commands by focus and view', () => {
    expect(cmd({ key: '/' })).toBe('focus-search');
    expect(cmd({ key: '/', inSearch: true })).toBeNull();
    expect(cmd({ key: '/', inField: true })).toBeNull();
    expect(cmd({ key: 'ArrowDown', inSearch: true })).toBe('next');
    expect(cmd({ key: 'ArrowUp' })).toBe('prev');
    expect(cmd({ key: 'Enter', inSearch: true })).toBe('open');
    expect(cmd({ key: 'Enter', onControl: true })).toBeNull();
    expect(cmd({ key: 'ArrowDown', view: 'reader' })).toBeNull();
    expect(cmd({ key: 'Escape', view: 'reader' })).toBe('back');
    expect(cmd({ key: 'Escape', inField: true, view: 'reader' })).toBe('blur');
    expect(cmd({ key: 'Escape', hasQuery: true, inSearch: true })).toBe('clear-query');
    expect(cmd({ key: 'ArrowDown', modified: true })).toBeNull();
    // The reading view's matches: N / Shift+N, not while typing (a field, the search box) nor in the list.
    expect(cmd({ key: 'n', view: 'reader' })).toBe('next-match');
    expect(cmd({ key: 'N', view: 'reader' })).toBe('prev-match');
    expect(cmd({ key: 'n', view: 'reader', inField: true })).toBeNull();
    expect(cmd({ key: 'n', view: 'reader', inSearch: true })).toBeNull();
    expect(cmd({ key: 'n', view: 'reader', modified: true })).toBeNull();
    expect(cmd({ key: 'n' })).toBeNull();
  });
});

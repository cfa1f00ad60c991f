import { describe, expect, it } from 'vitest';
import { splitText } from '../../../lib/segment/stages/split';

describe('split', () => {
  it('splits blocks at blank lines and keeps single newlines inside a block', () => {
    expect(splitText('标题\n\n第一段第一行\n第一段第二行\n\n\n第二段').map((b) => b.text)).toEqual(['标题', '第一段第一行\n第一段第二行', '第二段']);
  });
  it('treats whitespace-only lines (spaces, U+3000, NBSP) as blank', () => {
    expect(splitText('甲\n \u3000\u00a0\n乙').map((b) => b.text)).toEqual(['甲', '乙']);
  });
  it('gives one block per line when the text has no blank line at all', () => {
    expect(splitText('one line\nsecond line\r\nthird').map((b) => b.text)).toEqual(['one line', 'second line', 'third']);
  });
  it('numbers blocks in order and drops empty ones', () => {
    expect(splitText('\n\n甲\n\n\n\n乙\n\n').map((b) => [b.text, b.source])).toEqual([
      ['甲', 0],
      ['乙', 1],
    ]);
  });
});

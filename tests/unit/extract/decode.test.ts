import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../lib/extract';
import { charsetFromMeta, garbageScore } from '../../../lib/extract/decode';
import { FIXTURES, SAMPLES, sampleFiles } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Array<Uint8Array | number[]>) => {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return new Uint8Array(out);
};
// "中文新闻" in GBK.
const GBK_ZHONGWEN_XINWEN = [0xd6, 0xd0, 0xce, 0xc4, 0xd0, 0xc2, 0xce, 0xc5];

describe('decodeHtml', () => {
  it('reads a UTF-8 BOM and drops it (also a doubled BOM)', () => {
    expect(decodeHtml(cat([0xef, 0xbb, 0xbf], enc('<p>报纸</p>')))).toBe('<p>报纸</p>');
    expect(decodeHtml(cat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], enc('<p>报纸</p>')))).toBe('<p>报纸</p>');
  });

  it('a BOM beats a declared charset', () => {
    expect(decodeHtml(cat([0xef, 0xbb, 0xbf], enc('<meta charset="gbk"><p>报纸</p>')), 'text/html; charset=gbk')).toContain('报纸');
  });

  it('reads a UTF-16LE BOM', () => {
    const s = '<p>版面</p>';
    const bytes = [0xff, 0xfe];
    for (let i = 0; i < s.length; i++) bytes.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
    expect(decodeHtml(new Uint8Array(bytes))).toBe(s);
  });

  it('uses the HTTP charset: GBK bytes', () => {
    const bytes = cat(enc('<html><body><p>'), GBK_ZHONGWEN_XINWEN, enc('</p></body></html>'));
    expect(decodeHtml(bytes, 'text/html; charset=GBK')).toContain('中文新闻');
  });

  it('uses <meta charset> and http-equiv, gb2312 read as gb18030', () => {
    const a = cat(enc('<html><head><meta charset="gb2312"></head><body>'), GBK_ZHONGWEN_XINWEN, enc('</body></html>'));
    expect(decodeHtml(a)).toContain('中文新闻');
    const b = cat(enc('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'), GBK_ZHONGWEN_XINWEN);
    expect(decodeHtml(b)).toContain('中文新闻');
  });

  it('a page that declares gb2312 but is UTF-8 is read as UTF-8', () => {
    const bytes = enc('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>本报讯 记者报道</p>');
    expect(decodeHtml(bytes)).toContain('本报讯 记者报道');
    expect(decodeHtml(bytes, 'text/html; charset=GB2312')).toContain('本报讯 记者报道');
  });

  it('a page that declares utf-8 but is GBK falls back to gb18030', () => {
    const bytes = cat(enc('<meta charset="utf-8"><p>'), GBK_ZHONGWEN_XINWEN, enc('</p>'));
    const text = decodeHtml(bytes);
    expect(text).toContain('中文新闻');
    expect(garbageScore(text)).toBe(0);
  });

  it('undeclared GBK is still read', () => {
    expect(decodeHtml(cat(enc('<p>'), GBK_ZHONGWEN_XINWEN, enc('</p>')))).toBe('<p>中文新闻</p>');
  });

  it('an unknown charset label is ignored', () => {
    expect(decodeHtml(enc('<meta charset="x-nonsense"><p>标题</p>'))).toContain('标题');
  });

  it('finds the meta charset only in <meta> tags', () => {
    expect(charsetFromMeta(enc('<p>charset=gbk</p><meta charset="utf-8">'))).toBe('utf-8');
  });

  it('the fixture that lies about gb2312 decodes without garbage', () => {
    const text = decodeHtml(new Uint8Array(readFileSync(join(FIXTURES, 'founder-classic-article-br', 'input.html'))));
    expect(text).toContain('老街夜市');
    expect(garbageScore(text)).toBe(0);
  });

  it.each(sampleFiles())('real sample %s decodes without garbage or BOM', (file) => {
    const text = decodeHtml(new Uint8Array(readFileSync(join(SAMPLES, file))));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(garbageScore(text)).toBe(0);
    expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
  });
});

// Text files in the encodings Chinese users actually have: UTF-8 (with or without BOM), GBK/GB18030
// and UTF-16 with a BOM all read as text; a file of invisible characters is "no text".
import { describe, expect, it } from 'vitest';
import { InputError, readPageBytes } from '../../lib/cli-core';


function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[(bom ? 2 : 0) + i * 2] = c & 0xff;
    out[(bom ? 2 : 0) + i * 2 + 1] = c >> 8;
  }
  return out;
}

/** GB18030 bytes via the decoder's inverse: try every 2-byte code for each character (small alphabet). */
function gb18030(s: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? (() => { throw new Error(`no GB18030 code for ${ch}`); })()));
  }
  return new Uint8Array(bytes);
}

const PAGE = '城南公园改造完工\n\n本报讯(记者 李明)昨天，城南公园改造工程完工，市民可以进园游览。';

describe('CLI text decoding', () => {
  it('reads GBK/GB18030 text as Chinese, not as U+FFFD garbage', () => {
    const { clean } = readPageBytes(gb18030(PAGE), { html: false });
    const text = JSON.stringify(clean);
    expect(text).toContain('城南公园改造完工');
    expect(text).not.toContain('\ufffd');
  });
  it('reads UTF-16 with a BOM instead of calling it binary', () => {
    const { clean } = readPageBytes(utf16le(PAGE), { html: false });
    expect(JSON.stringify(clean)).toContain('市民可以进园游览');
  });
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = new TextEncoder().encode(PAGE);
    for (const bytes of [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])]) {
      expect(JSON.stringify(readPageBytes(bytes, { html: false }).clean)).toContain('城南公园改造完工');
    }
  });
  it('a file of only invisible characters has no text', () => {
    const bytes = new TextEncoder().encode('\ufeff\u200b\u200b \n\u2060');
    expect(() => readPageBytes(bytes, { html: false })).toThrow(InputError);
    expect(() => readPageBytes(utf16le('\u0000\u0001\u0002', false), { html: false })).toThrow(/binary/);
  });
});

// The bad inputs of issue 8, built from our own text, shared by the hardening tests and the
// badinput bench (tests/bench/scenarios/badinput.ts). Every builder is deterministic.

/** Our own paragraph parts: every numbered paragraph built from them is distinct and sentence-shaped. */
const PLACES = ['城南', '河西', '新港', '东湖', '北山', '桥头', '南湾', '西园'];
const THINGS = ['公园改造', '道路拓宽', '社区食堂', '职工书屋', '农贸市场', '养老驿站', '体育公园', '文化广场'];
const DOINGS = ['进入收尾阶段', '通过竣工验收', '正式投入使用', '完成主体施工'];

/** Paragraph `i`: a sentence carrying its own number, so a test can tell every paragraph apart. */
export function paragraph(i: number): string {
  const p = PLACES[i % PLACES.length]!;
  const t = THINGS[Math.floor(i / PLACES.length) % THINGS.length]!;
  const d = DOINGS[Math.floor(i / 64) % DOINGS.length]!;
  return `编号${i}：${p}${t}工程${d}，共投入资金${(i * 7919) % 9000 + 1000}万元，惠及周边居民${(i * 104729) % 90000 + 10000}人。`;
}

/** Numbered paragraphs separated by blank lines, about `bytes` bytes of UTF-8 in all. */
export function textOfSize(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = paragraph(i);
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}

/** The numbers of the paragraphs in `text` (编号N). */
export const paragraphNumbers = (text: string): number[] => [...text.matchAll(/编号(\d+)：/g)].map((m) => Number(m[1]));

export const EMPTY = '';
export const WHITESPACE = ' \n\n\t\u3000\u3000\u00a0\r\n\u200b\ufeff \n';
/** One block of `chars` characters with no punctuation and no line break. */
export const noPunctuation = (chars: number): string => '工会职工服务活动乡村振兴'.repeat(Math.ceil(chars / 12)).slice(0, chars);
/** Binary-looking text: every UTF-16 code unit except the surrogates, in a scrambled order. */
export const binaryText = (units: number): string =>
  Array.from({ length: units }, (_, i) => {
    const c = (i * 7919) % 0xf800;
    return String.fromCharCode(c >= 0xd800 ? c + 0x800 : c);
  }).join('');
/** Bytes that are no text in any charset (NULs and control bytes among random-looking ones). */
export const binaryBytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + (i >> 3)) % 256);
/** Paragraphs with lone surrogates (high without low, low without high) in every position. */
export const LONE_SURROGATES = [
  `\uD800${paragraph(1)}`,
  `${paragraph(2)}\uDC00`,
  `${paragraph(3).slice(0, 10)}\uDBFF${paragraph(3).slice(10)}`,
  '\uDFFF\uD800\uDFFF\uD83D',
  `城南公园\uD83D改造完工`,
].join('\n\n');
/** The same paragraph `n` times. */
export const sameParagraph = (n: number): string => Array.from({ length: n }, () => paragraph(7)).join('\n\n');
/** `n` one-character blocks. */
export const oneCharBlocks = (n: number): { text: string }[] => Array.from({ length: n }, (_, i) => ({ text: '的一是工会职工。'[i % 8]! }));

/** An HTML page around `body`. */
export const htmlPage = (body: string, title = '测试页面'): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
/** `depth` nested elements around a few paragraphs. */
export const nested = (depth: number, open = '<div>', close = '</div>', paragraphs = 4): string =>
  htmlPage(open.repeat(depth) + Array.from({ length: paragraphs }, (_, i) => `<p>${paragraph(i)}</p>`).join('') + close.repeat(depth));

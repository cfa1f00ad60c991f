// Draws the extension's icons (public/icon/*.png): a red square with a white newspaper page whose
// masthead bar and column lines say "e-paper". Run once: node tests/tools/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// Shapes in a 0..1 unit square, sampled 4×4 per pixel for smooth edges.
const RED = [163, 39, 31], WHITE = [255, 253, 248], INK = [60, 56, 50], GREY = [190, 184, 172];
function colorAt(u, v) {
  const r = 0.18, inRound = (() => {
    const cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  })();
  if (!inRound) return null;
  const page = u > 0.2 && u < 0.8 && v > 0.16 && v < 0.84;
  if (!page) return RED;
  if (v > 0.23 && v < 0.34 && u > 0.27 && u < 0.73) return RED; // masthead
  const line = (v0) => v > v0 && v < v0 + 0.05;
  const rows = [0.42, 0.52, 0.62, 0.72];
  if (rows.some(line) && ((u > 0.27 && u < 0.47) || (u > 0.53 && u < 0.73))) return rows.indexOf(rows.find(line)) % 2 ? GREY : INK;
  return WHITE;
}
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const S = 4;
  writeFileSync(`public/icon/${size}.png`, png(size, (x, y) => {
    let acc = [0, 0, 0], n = 0;
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) {
      const c = colorAt((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
      if (c) { acc = acc.map((s, k) => s + c[k]); n++; }
    }
    if (!n) return [0, 0, 0, 0];
    return [...acc.map((s) => Math.round(s / n)), Math.round((255 * n) / (S * S))];
  }));
}
console.log('icons written');

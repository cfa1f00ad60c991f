// text → Block[]: blocks are separated by blank lines; text without any blank line has one block per line.
import type { Block } from '../../types';

const BLANK_LINE = /\n[ \t\u3000\u00a0\u200b\ufeff]*\n/;

export function splitText(text: string): Block[] {
  const unix = text.replace(/\r\n?/g, '\n');
  const parts = BLANK_LINE.test(unix) ? unix.split(/\n(?:[ \t\u3000\u00a0\u200b\ufeff]*\n)+/) : unix.split('\n');
  const blocks: Block[] = [];
  for (const p of parts) {
    if (p.trim()) blocks.push({ text: p, source: blocks.length });
  }
  return blocks;
}
